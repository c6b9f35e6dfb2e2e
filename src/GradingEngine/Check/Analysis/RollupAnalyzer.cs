using System.Numerics;
using GradingEngine.Diagnostics;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves the roll-up total and monotone over every combination of the question outcomes that can occur: each question's
/// grades are those its own thresholds and limits can produce (from its analysis), and "not graded" when it has evidence
/// requirements. Every combination gets exactly one overall outcome, and raising any one question to its next better
/// grade never worsens the overall grade.
/// </summary>
internal static class RollupAnalyzer
{
    public const int MaxSpace = 4_000_000;

    /// <summary>A question outcome in a combination: a grade's rank, or <see cref="NotGraded"/>.</summary>
    private const int NotGraded = -1;

    public static TableAnalysis Analyze(Rulebook rulebook, CheckedRollup rollup, IReadOnlyDictionary<string, IReadOnlyList<CheckedRequirement>> requirements,
        IReadOnlyList<TableAnalysis> questions, DiagnosticBag bag)
    {
        var table = rollup.Table;
        var levels = rulebook.Scale.Grades.Count;
        var options = rulebook.Questions.Select(q =>
        {
            // A table the analysis could not prove, or that produced nothing (its errors are reported), may give any grade.
            var produced = questions.FirstOrDefault(a => a.Subject == q.Id) is { Exhaustive: true, GradesProduced.Count: > 0 } analysis
                ? analysis.GradesProduced.Select(g => rulebook.Scale.Find(g)!.Rank).Order().ToList()
                : Enumerable.Range(0, levels).ToList();
            if (requirements.GetValueOrDefault(q.Id) is { Count: > 0 } || questions.Any(a => a.Subject == q.Id && a.MayBeNotGraded)) produced.Add(NotGraded);
            return produced.ToArray();
        }).ToArray();
        var size = 1L;
        foreach (var o in options)
        {
            size *= Math.Max(1, o.Length);
            if (size > MaxSpace)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"the roll-up has more than {MaxSpace} combinations of question grades; it was not checked exhaustively");
                return new TableAnalysis("overall", table.Table.Name, size, false, []);
            }
        }
        var conditions = table.Rules.Select(r => r.Condition is null ? null : RollupCondition.Compile(r.Condition)).ToArray();
        var limitConditions = rollup.Limits.Select(l => RollupCondition.Compile(l.Condition)).ToArray();
        var empty = OutcomeProfile.Of("", [], []);
        var facts = rulebook.Questions.Select(q => Enumerable.Range(0, levels).Select(r => new QuestionGradeFact(q.Id, r, -1, empty)).ToArray()).ToArray();

        var count = (int)size;
        var first = new int[count];
        var final = new int[count];
        int? gap = null;
        var shadows = new (int Point, int Earlier)?[table.Rules.Count];
        var limitUse = rollup.Limits.ToDictionary(l => l, _ => new TableAnalyzer.LimitUse("of the roll-up"), (IEqualityComparer<CheckedLimit>)ReferenceEqualityComparer.Instance);
        var produced = new SortedSet<int>();
        var anyNotGraded = false;
        for (var point = 0; point < count; point++)
        {
            var outcomes = Outcomes(point, options);
            var graded = outcomes.Select((rank, i) => (rank, i)).Where(x => x.rank != NotGraded).Select(x => facts[x.i][x.rank]).ToList();
            var ungraded = graded.Count < outcomes.Length;
            if ((ungraded && rollup.Policy.Ungraded == UngradedPolicy.OverallNotGraded) || graded.Count < rollup.Policy.MinimumGraded)
            {
                (first[point], final[point]) = (-1, NotGraded);
                anyNotGraded = true;
                continue;
            }
            ulong mask = 0;
            for (var r = 0; r < conditions.Length; r++)
            {
                if (conditions[r] is not { } c || c(graded)) mask |= 1UL << r;
            }
            if (mask == 0)
            {
                gap ??= point;
                (first[point], final[point]) = (-1, NotGraded);
                continue;
            }
            var decider = BitOperations.TrailingZeroCount(mask);
            for (var r = decider + 1; r < table.Rules.Count; r++)
            {
                if ((mask & (1UL << r)) != 0 && shadows[r] is null) shadows[r] = (point, decider);
            }
            var rank = table.Rules[decider].Grade.Rank;
            var holds = limitConditions.Select(c => c(graded)).ToArray();
            var (limited, _) = Limits.Apply(rank, rollup.Limits, k => holds[k]);
            for (var k = 0; k < holds.Length; k++)
            {
                if (!holds[k]) continue;
                var l = rollup.Limits[k];
                limitUse[l].Record("overall", true, l.Limit.Kind == LimitKind.NoBetterThan ? rank < l.Grade.Rank : rank > l.Grade.Rank);
            }
            (first[point], final[point]) = (decider, limited);
            produced.Add(limited);
        }

        string Describe(int point) => string.Join(", ", Outcomes(point, options).Select((rank, i) =>
            rank == NotGraded ? $"`{rulebook.Questions[i].Id}` is not graded" : $"`{rulebook.Questions[i].Id}` is `{rulebook.Scale[rank].Id}`"));

        if (gap is { } g)
        {
            bag.Error(DiagnosticCodes.MissingFallback, table.Table.Span, $"the roll-up gives no overall grade when {Describe(g)}",
                $"add `- grade: {rulebook.Scale.Grades[^1].Id}` with `otherwise: true` as the last rule");
        }
        var unreached = Enumerable.Range(0, table.Rules.Count)
            .Where(i => Array.IndexOf(first, i) < 0 && !table.Rules[i].Rule.IsFallback && shadows[i] is not null).ToList();
        // A row the rows above take only because the questions cannot produce the grades it needs is not an overlap:
        // the same roll-up may serve tables that do produce them. Only a row overlapped over every grade is an error.
        var reachable = unreached.Count == 0 ? [] : ReachableOverEveryGrade(rulebook, conditions, levels);
        foreach (var i in unreached)
        {
            var ex = shadows[i]!.Value;
            var example = $"e.g. when {Describe(ex.Point)} the rule for `{table.Rules[ex.Earlier].Grade.Id}` at line {table.Rules[ex.Earlier].Rule.Span.Line} applies first";
            if (reachable.Contains(i))
            {
                bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span.Line == table.Rules[i].Rule.Span.Line ? table.Table.Span : table.Rules[i].Rule.Span,
                    $"the roll-up rule for `{table.Rules[i].Grade.Id}` decides no combination of the grades the questions can produce; {example}");
                continue;
            }
            bag.Error(DiagnosticCodes.UnreachableRule, table.Rules[i].Rule.Span,
                $"the roll-up rule for `{table.Rules[i].Grade.Id}` never decides a grade: every combination it accepts is taken by the rules above it; {example}",
                "loosen its condition, tighten the rules above it, or remove it");
        }
        CheckMonotone(rulebook, rollup, options, first, final, Describe, bag);
        TableAnalyzer.ReportIdleLimits(limitUse, bag);
        var grades = produced.Select(r => rulebook.Scale[r].Id).ToList();
        foreach (var grade in rulebook.Scale.Grades.Where(g => !grades.Contains(g.Id)))
        {
            bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span, $"no combination of question grades gives the overall grade `{grade.Id}`");
        }
        if (anyNotGraded) grades.Add("not-graded");
        return new TableAnalysis("overall", table.Table.Name, size, true, grades);
    }

    /// <summary>The rows that decide some combination of grades when every question may have every grade.</summary>
    private static HashSet<int> ReachableOverEveryGrade(Rulebook rulebook, Func<IReadOnlyList<QuestionGradeFact>, bool>?[] conditions, int levels)
    {
        var reached = new HashSet<int>();
        var n = rulebook.Questions.Count;
        var total = 1L;
        for (var i = 0; i < n && total <= MaxSpace; i++) total *= levels;
        if (total > MaxSpace) return [.. Enumerable.Range(0, conditions.Length)];
        var empty = OutcomeProfile.Of("", [], []);
        var facts = new QuestionGradeFact[n];
        for (var point = 0; point < total; point++)
        {
            var rest = point;
            for (var i = n - 1; i >= 0; i--)
            {
                facts[i] = new QuestionGradeFact(rulebook.Questions[i].Id, rest % levels, -1, empty);
                rest /= levels;
            }
            var row = Array.FindIndex(conditions, c => c is null || c(facts));
            if (row >= 0) reached.Add(row);
        }
        return reached;
    }

    /// <summary>Raising any one question to its next better producible grade never makes the overall grade worse.</summary>
    private static void CheckMonotone(Rulebook rulebook, CheckedRollup rollup, int[][] options, int[] first, int[] final, Func<int, string> describe, DiagnosticBag bag)
    {
        for (var point = 0; point < final.Length; point++)
        {
            if (final[point] == NotGraded) continue;
            var digits = Digits(point, options);
            for (var q = 0; q < options.Length; q++)
            {
                var current = options[q][digits[q]];
                if (current == NotGraded || digits[q] == 0) continue;
                digits[q]--;
                var better = Point(digits, options);
                digits[q]++;
                if (final[better] == NotGraded || final[better] <= final[point]) continue;
                var row = first[better];
                var span = row >= 0 ? rollup.Table.Rules[row].Rule.Span : rollup.Table.Table.Span;
                bag.Error(DiagnosticCodes.NotMonotone, span,
                    $"the roll-up is not monotone: raising `{rulebook.Questions[q].Id}` to `{rulebook.Scale[options[q][digits[q] - 1]].Id}` lowers the overall grade from `{rulebook.Scale[final[point]].Id}` to `{rulebook.Scale[final[better]].Id}` when {describe(point)}",
                    "a better question grade must never make the overall grade worse");
                return;
            }
        }
    }

    /// <summary>The outcome of each question at a point: the first question is the most significant digit.</summary>
    private static int[] Outcomes(int point, int[][] options)
    {
        var digits = Digits(point, options);
        return [.. digits.Select((d, i) => options[i][d])];
    }

    private static int[] Digits(int point, int[][] options)
    {
        var digits = new int[options.Length];
        for (var i = options.Length - 1; i >= 0; i--)
        {
            digits[i] = point % options[i].Length;
            point /= options[i].Length;
        }
        return digits;
    }

    private static int Point(int[] digits, int[][] options)
    {
        var point = 0;
        for (var i = 0; i < digits.Length; i++) point = point * options[i].Length + digits[i];
        return point;
    }
}
