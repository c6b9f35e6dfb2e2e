using System.Numerics;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves the roll-up total and monotone over every combination of the question outcomes that can occur: each question's
/// grades are those its own thresholds and limits can produce (from its analysis), and "not graded" when it has evidence
/// requirements; with each of the inspection's findings counts the roll-up reads (<see cref="RollupFindings"/>). Every
/// combination gets exactly one overall outcome, raising any one question to its next better grade never worsens the
/// overall grade, and one more finding of a directed kind never moves it against its direction.
/// </summary>
internal static class RollupAnalyzer
{
    public const int MaxSpace = 4_000_000;

    /// <summary>A question outcome in a combination: a grade's rank, or <see cref="NotGraded"/>.</summary>
    private const int NotGraded = -1;

    /// <summary>The overall outcome at findings counts no inspection can have (more findings of kinds than findings): not a case.</summary>
    private const int Impossible = -2;

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
        // The inspection's findings counts the rows and limits read: a roll-up that reads none has one point of them.
        var findings = new RollupFindings(rulebook.Codebook.Kinds, [.. table.Rules.Select(r => r.Condition).OfType<BoundExpr>(), .. rollup.Limits.Select(l => l.Condition)]);
        var size = 1L;
        foreach (var o in options.Select(o => (long)Math.Max(1, o.Length)).Append(findings.Size))
        {
            size = o > MaxSpace ? MaxSpace + 1L : size * o;
            if (size > MaxSpace)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span, findings.IsEmpty
                    ? $"the roll-up has more than {MaxSpace} combinations of question grades; it was not checked exhaustively"
                    : $"the roll-up has more than {MaxSpace} combinations of question grades and findings counts; it was not checked exhaustively");
                return new TableAnalysis("overall", table.Table.Name, size, false, []) { CountsFindings = !findings.IsEmpty };
            }
        }
        var conditions = table.Rules.Select(r => r.Condition is null ? null : RollupCondition.Compile(r.Condition)).ToArray();
        var limitConditions = rollup.Limits.Select(l => RollupCondition.Compile(l.Condition)).ToArray();
        var empty = OutcomeProfile.Of("", [], []);
        var facts = rulebook.Questions.Select(q => Enumerable.Range(0, levels).Select(r => new QuestionGradeFact(q.Id, r, -1, empty)).ToArray()).ToArray();

        var count = (int)size;
        var counts = (int)findings.Size;
        var profiles = Enumerable.Range(0, counts).Select(f => findings.Point(f)).Select(p => findings.Possible(p) ? findings.Profile(p) : null).ToArray();
        var first = new int[count];
        var final = new int[count];
        // Which limit set the grade at each point, for where a findings step that is not monotone is reported.
        var setBy = findings.IsEmpty ? null : new int[count];
        int? gap = null;
        var shadows = new (int Point, int Earlier)?[table.Rules.Count];
        var limitUse = rollup.Limits.ToDictionary(l => l, _ => new TableAnalyzer.LimitUse("of the roll-up"), (IEqualityComparer<CheckedLimit>)ReferenceEqualityComparer.Instance);
        var produced = new SortedSet<int>();
        var anyNotGraded = false;
        for (var combination = 0; combination < count / counts; combination++)
        {
            var outcomes = Outcomes(combination, options);
            var graded = outcomes.Select((rank, i) => (rank, i)).Where(x => x.rank != NotGraded).Select(x => facts[x.i][x.rank]).ToList();
            var ungraded = graded.Count < outcomes.Length;
            var notGraded = (ungraded && rollup.Policy.Ungraded == UngradedPolicy.OverallNotGraded) || graded.Count < rollup.Policy.MinimumGraded;
            for (var f = 0; f < counts; f++)
            {
                var point = combination * counts + f;
                if (profiles[f] is not { } profile)
                {
                    (first[point], final[point]) = (-1, Impossible);
                    continue;
                }
                if (notGraded)
                {
                    (first[point], final[point]) = (-1, NotGraded);
                    anyNotGraded = true;
                    continue;
                }
                ulong mask = 0;
                for (var r = 0; r < conditions.Length; r++)
                {
                    if (conditions[r] is not { } c || c(graded, profile)) mask |= 1UL << r;
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
                var holds = limitConditions.Select(c => c(graded, profile)).ToArray();
                var (limited, limit) = Limits.Apply(rank, rollup.Limits, k => holds[k]);
                for (var k = 0; k < holds.Length; k++)
                {
                    if (!holds[k]) continue;
                    var l = rollup.Limits[k];
                    limitUse[l].Record("overall", true, l.Limit.Kind == LimitKind.NoBetterThan ? rank < l.Grade.Rank : rank > l.Grade.Rank);
                }
                (first[point], final[point]) = (decider, limited);
                if (setBy is not null) setBy[point] = limit;
                produced.Add(limited);
            }
        }

        string Describe(int point) => string.Join(", ", Outcomes(point / counts, options).Select((rank, i) =>
            rank == NotGraded ? $"`{rulebook.Questions[i].Id}` is not graded" : $"`{rulebook.Questions[i].Id}` is `{rulebook.Scale[rank].Id}`"))
            + (findings.IsEmpty ? "" : ", " + findings.Describe(point % counts));

        if (gap is { } g)
        {
            bag.Error(DiagnosticCodes.MissingFallback, table.Table.Span, $"the roll-up gives no overall grade when {Describe(g)}",
                $"add `- grade: {rulebook.Scale.Grades[^1].Id}` with `otherwise: true` as the last rule");
        }
        var unreached = Enumerable.Range(0, table.Rules.Count)
            .Where(i => Array.IndexOf(first, i) < 0 && !table.Rules[i].Rule.IsFallback && shadows[i] is not null).ToList();
        // A row the rows above take only because the questions cannot produce the grades it needs is not an overlap:
        // the same roll-up may serve tables that do produce them. Only a row overlapped over every grade is an error.
        var reachable = unreached.Count == 0 ? [] : ReachableOverEveryGrade(rulebook, conditions, levels, profiles);
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
        CheckMonotone(rulebook, rollup, options, findings, first, final, setBy, Describe, bag);
        TableAnalyzer.ReportIdleLimits(limitUse, bag);
        var grades = produced.Select(r => rulebook.Scale[r].Id).ToList();
        foreach (var grade in rulebook.Scale.Grades.Where(g => !grades.Contains(g.Id)))
        {
            bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span, $"no combination of question grades gives the overall grade `{grade.Id}`");
        }
        if (anyNotGraded) grades.Add("not-graded");
        return new TableAnalysis("overall", table.Table.Name, size, true, grades) { CountsFindings = !findings.IsEmpty };
    }

    /// <summary>The rows that decide some combination of grades (and findings counts) when every question may have every grade.</summary>
    private static HashSet<int> ReachableOverEveryGrade(Rulebook rulebook, Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool>?[] conditions, int levels,
        OutcomeProfile?[] profiles)
    {
        var reached = new HashSet<int>();
        var n = rulebook.Questions.Count;
        var total = 1L;
        for (var i = 0; i < n && total <= MaxSpace; i++) total *= levels;
        if (total * profiles.Length > MaxSpace) return [.. Enumerable.Range(0, conditions.Length)];
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
            foreach (var profile in profiles)
            {
                if (profile is null) continue;
                var row = Array.FindIndex(conditions, c => c is null || c(facts, profile));
                if (row >= 0) reached.Add(row);
            }
        }
        return reached;
    }

    /// <summary>
    /// Raising any one question to its next better producible grade never makes the overall grade worse; nor does one more
    /// finding of a `better` kind the roll-up reads, and one more of a `worse` kind never makes it better. The first point
    /// that breaks it is reported.
    /// </summary>
    private static void CheckMonotone(Rulebook rulebook, CheckedRollup rollup, int[][] options, RollupFindings findings, int[] first, int[] final, int[]? setBy,
        Func<int, string> describe, DiagnosticBag bag)
    {
        var counts = (int)findings.Size;
        var steps = findings.Steps();
        for (var point = 0; point < final.Length; point++)
        {
            if (final[point] < 0) continue;
            var (grades, f) = (point / counts, point % counts);
            var digits = Digits(grades, options);
            for (var q = 0; q < options.Length; q++)
            {
                var current = options[q][digits[q]];
                if (current == NotGraded || digits[q] == 0) continue;
                digits[q]--;
                var better = Point(digits, options) * counts + f;
                digits[q]++;
                if (final[better] < 0 || final[better] <= final[point]) continue;
                var row = first[better];
                var span = row >= 0 ? rollup.Table.Rules[row].Rule.Span : rollup.Table.Table.Span;
                bag.Error(DiagnosticCodes.NotMonotone, span,
                    $"the roll-up is not monotone: raising `{rulebook.Questions[q].Id}` to `{rulebook.Scale[options[q][digits[q] - 1]].Id}` lowers the overall grade from `{rulebook.Scale[final[point]].Id}` to `{rulebook.Scale[final[better]].Id}` when {describe(point)}",
                    "a better question grade must never make the overall grade worse");
                return;
            }
            foreach (var step in steps)
            {
                if (findings.Next(f, step) is var g && g < 0) continue;
                var next = grades * counts + g;
                var good = step.Direction == Direction.Better;
                if (final[next] < 0 || (good ? final[next] <= final[point] : final[next] >= final[point])) continue;
                var limit = setBy![next] >= 0 ? setBy[next] : setBy[point];
                var span = limit >= 0 ? rollup.Limits[limit].Limit.Span : rollup.Table.Rules[first[next]].Rule.Span;
                bag.Error(DiagnosticCodes.NotMonotone, span,
                    $"the roll-up is not monotone: one more finding of kind `{step.Name}` {(good ? "lowers" : "raises")} the overall grade from `{rulebook.Scale[final[point]].Id}` to `{rulebook.Scale[final[next]].Id}` when {describe(point)}",
                    $"`{step.Name}` is declared `{(good ? "better" : "worse")}`: one more must never {(good ? "lower" : "raise")} a grade");
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
