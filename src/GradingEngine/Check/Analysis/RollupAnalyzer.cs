using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves the overall roll-up total and monotone over every combination of question grades:
/// every combination gets exactly one overall grade, and improving any one question never
/// worsens the overall grade.
/// </summary>
internal static class RollupAnalyzer
{
    public static TableAnalysis Analyze(Rulebook rulebook, CheckedTable table, DiagnosticBag bag)
    {
        var questions = rulebook.Questions;
        var levels = rulebook.Scale.Grades.Count;
        var size = 1L;
        foreach (var _ in questions)
        {
            size *= levels;
            if (size > TableAnalyzer.MaxSpace)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"the roll-up has more than {TableAnalyzer.MaxSpace} combinations of question grades; it was not checked exhaustively");
                return new TableAnalysis("overall", table.Table.Name, size, false, []);
            }
        }
        var empty = OutcomeProfile.Of("", new int[4], new int[4]);
        var facts = questions.Select(q => Enumerable.Range(0, levels).Select(r => new QuestionGradeFact(q.Id, r, -1, empty)).ToArray()).ToArray();
        var conditions = table.Rules.Select(r => r.Condition is null ? null : RollupCondition.Compile(r.Condition)).ToArray();
        var current = new QuestionGradeFact[questions.Count];
        var grades = GradeSpace.Evaluate((int)size, table.Rules.Count, point =>
        {
            Decode(point, levels, facts, current);
            ulong mask = 0;
            for (var r = 0; r < conditions.Length; r++)
            {
                if (conditions[r] is not { } c || c(current)) mask |= 1UL << r;
            }
            return mask;
        });

        string Describe(int point)
        {
            var ranks = Ranks(point, levels, questions.Count);
            return string.Join(", ", questions.Select((q, i) => $"`{q.Id}` is `{rulebook.Scale[ranks[i]].Id}`"));
        }

        if (grades.GapPoint >= 0)
        {
            bag.Error(DiagnosticCodes.MissingFallback, table.Table.Span, $"the roll-up gives no overall grade when {Describe(grades.GapPoint)}",
                $"add `- grade: {rulebook.Scale.Grades[^1].Id}` with `otherwise: true` as the last rule");
        }
        for (var i = 0; i < table.Rules.Count; i++)
        {
            if (grades.Reached(i) || table.Rules[i].Rule.IsFallback || grades.ShadowExamples[i] is not { } ex) continue;
            bag.Error(DiagnosticCodes.UnreachableRule, table.Rules[i].Rule.Span,
                $"the roll-up rule for `{table.Rules[i].Grade.Id}` never decides a grade: every combination it accepts is taken by the rules above it; e.g. when {Describe(ex.Point)} the rule for `{table.Rules[ex.Earlier].Grade.Id}` at line {table.Rules[ex.Earlier].Rule.Span.Line} applies first",
                "loosen its condition, tighten the rules above it, or remove it");
        }
        CheckMonotone(rulebook, table, grades, levels, Describe, bag);
        var produced = table.Rules.Where(r => grades.Reached(r.Index)).Select(r => r.Grade.Id).Distinct().ToList();
        foreach (var grade in rulebook.Scale.Grades.Where(g => !produced.Contains(g.Id)))
        {
            bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span, $"no combination of question grades gives the overall grade `{grade.Id}`");
        }
        return new TableAnalysis("overall", table.Table.Name, size, true, produced);
    }

    private static void CheckMonotone(Rulebook rulebook, CheckedTable table, GradeSpace grades, int levels, Func<int, string> describe, DiagnosticBag bag)
    {
        var count = rulebook.Questions.Count;
        for (var point = 0; point < grades.First.Length; point++)
        {
            if (grades.First[point] < 0) continue;
            var ranks = Ranks(point, levels, count);
            var rank = table.Rules[grades.First[point]].Grade.Rank;
            for (var q = 0; q < count; q++)
            {
                if (ranks[q] == 0) continue;
                ranks[q]--;
                var better = Point(ranks, levels);
                ranks[q]++;
                if (grades.First[better] < 0 || table.Rules[grades.First[better]].Grade.Rank <= rank) continue;
                bag.Error(DiagnosticCodes.NotMonotone, table.Rules[grades.First[better]].Rule.Span,
                    $"the roll-up is not monotone: raising `{rulebook.Questions[q].Id}` to `{rulebook.Scale[ranks[q] - 1].Id}` lowers the overall grade from `{table.Rules[grades.First[point]].Grade.Id}` to `{table.Rules[grades.First[better]].Grade.Id}` when {describe(point)}",
                    "a better question grade must never make the overall grade worse");
                return;
            }
        }
    }

    private static int[] Ranks(int point, int levels, int count)
    {
        var ranks = new int[count];
        for (var i = count - 1; i >= 0; i--)
        {
            ranks[i] = point % levels;
            point /= levels;
        }
        return ranks;
    }

    private static int Point(int[] ranks, int levels) => ranks.Aggregate(0, (p, r) => p * levels + r);

    private static void Decode(int point, int levels, QuestionGradeFact[][] facts, QuestionGradeFact[] into)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = facts[i][point % levels];
            point /= levels;
        }
    }
}
