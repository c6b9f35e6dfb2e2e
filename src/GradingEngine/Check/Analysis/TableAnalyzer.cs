using GradingEngine.Compile.Runtime;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves grade tables total and sensible by checking every outcome, not a sample: no gaps,
/// no rule wholly overlapped by the rules above it, and monotone (one more strength never
/// lowers a grade; one more area for improvement or cause of concern never raises one).
/// </summary>
public static class TableAnalyzer
{
    public const int MaxSpace = 4_000_000;

    /// <summary>Analyses each question's threshold table over the profiles its criteria can produce.</summary>
    public static IReadOnlyList<TableAnalysis> AnalyzeThresholds(Rulebook rulebook, IReadOnlyDictionary<string, CheckedTable> tables, DiagnosticBag bag)
    {
        var analyses = new List<TableAnalysis>();
        var reported = new HashSet<(CheckedTable, string)>();
        var reachedAnywhere = new Dictionary<CheckedTable, bool[]>(ReferenceEqualityComparer.Instance);
        // Per table row: the first outcome (in any question) that satisfies it but is taken by a row above.
        var shadows = new Dictionary<CheckedTable, string?[]>(ReferenceEqualityComparer.Instance);
        foreach (var question in rulebook.Questions)
        {
            var table = tables[question.Id];
            var space = new ProfileSpace(rulebook.Criteria.Where(c => c.QuestionId == question.Id),
                ProfileSpace.VariablesRead(table.Rules.Select(r => r.Condition)));
            if (space.Size > MaxSpace)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"`{question.Id}` has {space.Size} distinct outcome profiles, over the limit of {MaxSpace}; its thresholds were not checked exhaustively");
                analyses.Add(new TableAnalysis(question.Id, table.Table.Name, space.Size, false, []));
                continue;
            }
            var conditions = table.Rules.Select(r => r.Condition is null ? null : ProfileCondition.Compile(r.Condition)).ToArray();
            var counts = new int[4];
            var weights = new int[4];
            // One profile over the two arrays, which SetPoint rewrites for each point: no conditions keep it.
            var profile = new OutcomeProfile(question.Id, counts, weights);
            var grades = GradeSpace.Evaluate((int)space.Size, table.Rules.Count, point =>
            {
                SetPoint(space, point, counts, weights);
                ulong mask = 0;
                for (var r = 0; r < conditions.Length; r++)
                {
                    if (conditions[r] is not { } c || c(profile)) mask |= 1UL << r;
                }
                return mask;
            });

            if (grades.GapPoint >= 0 && reported.Add((table, "gap")))
            {
                bag.Error(DiagnosticCodes.MissingFallback, table.Table.Span,
                    $"thresholds `{table.Table.Name}` give `{question.Id}` no grade when {Describe(space, grades.GapPoint)}",
                    $"add `- grade: {rulebook.Scale.Grades[^1].Id}` with `otherwise: true` as the last rule");
            }
            CheckMonotone(question, table, space, grades, bag, reported);

            var reached = reachedAnywhere.TryGetValue(table, out var r0) ? r0 : reachedAnywhere[table] = new bool[table.Rules.Count];
            var shadow = shadows.TryGetValue(table, out var s0) ? s0 : shadows[table] = new string?[table.Rules.Count];
            for (var i = 0; i < table.Rules.Count; i++)
            {
                reached[i] |= grades.Reached(i);
                if (shadow[i] is null && grades.ShadowExamples[i] is { } ex)
                {
                    var earlier = table.Rules[ex.Earlier];
                    shadow[i] = $"e.g. when {Describe(space, ex.Point)} (in `{question.Id}`) the rule for `{earlier.Grade.Id}` at line {earlier.Rule.Span.Line} applies first";
                }
            }
            var produced = table.Rules.Where(rule => grades.Reached(rule.Index)).Select(rule => rule.Grade.Id).Distinct().ToList();
            foreach (var grade in rulebook.Scale.Grades.Where(g => !produced.Contains(g.Id)))
            {
                bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span,
                    $"no outcome of `{question.Id}`'s criteria can be graded `{grade.Id}`");
            }
            analyses.Add(new TableAnalysis(question.Id, table.Table.Name, space.Size, true, produced));
        }
        foreach (var (table, reached) in reachedAnywhere)
        {
            for (var i = 0; i < reached.Length; i++)
            {
                // A row no outcome satisfies only means a grade is never produced (a warning above), and
                // so does an `otherwise` the rows above happen to cover; a row with a condition that
                // outcomes satisfy but rows above always take first is an overlap: an error.
                if (reached[i] || table.Rules[i].Rule.IsFallback || shadows[table][i] is not { } example) continue;
                bag.Error(DiagnosticCodes.UnreachableRule, table.Rules[i].Rule.Span,
                    $"the rule for `{table.Rules[i].Grade.Id}` never decides a grade: every outcome it accepts is taken by the rules above it; {example}",
                    "loosen its condition, tighten the rules above it, or remove it");
            }
        }
        return analyses;
    }

    private static void SetPoint(ProfileSpace space, int point, int[] counts, int[] weights)
    {
        for (var e = 3; e >= 0; e--)
        {
            var n = space.Pairs[e].Length;
            (counts[e], weights[e]) = space.Pairs[e][point % n];
            point /= n;
        }
    }

    /// <summary>The index into each effect's pairs of a point: SetPoint's digits, without reading the pairs.</summary>
    private static void SetDigits(ProfileSpace space, int point, int[] digits)
    {
        for (var e = 3; e >= 0; e--)
        {
            var n = space.Pairs[e].Length;
            digits[e] = point % n;
            point /= n;
        }
    }

    private static void CheckMonotone(Question question, CheckedTable table, ProfileSpace space, GradeSpace grades, DiagnosticBag bag, HashSet<(CheckedTable, string)> reported)
    {
        // Per effect, its stride in a point and, per digit and step weight, the digit one more criterion of that
        // weight leads to (-1: no such outcome), looked up once here rather than at each of the points.
        var strides = new int[4];
        var next = new int[4][][];
        for (var e = 3; e >= 0; e--)
        {
            strides[e] = e == 3 ? 1 : strides[e + 1] * space.Pairs[e + 1].Length;
            next[e] = space.Pairs[e].Select(pair => space.StepWeights[e]
                .Select(w => space.Index[e].TryGetValue((pair.Count + space.CountStep[e], pair.Weight + w), out var digit) ? digit : -1)
                .ToArray()).ToArray();
        }
        var digits = new int[4];
        for (var point = 0; point < grades.First.Length; point++)
        {
            if (grades.First[point] < 0) continue;
            SetDigits(space, point, digits);
            var rank = table.Rules[grades.First[point]].Grade.Rank;
            foreach (var effect in EffectNames.All)
            {
                var e = (int)effect;
                var steps = next[e][digits[e]];
                for (var k = 0; k < steps.Length; k++)
                {
                    if (steps[k] < 0) continue;
                    var w = space.StepWeights[e][k];
                    var other = point + (steps[k] - digits[e]) * strides[e];
                    if (grades.First[other] < 0) continue;
                    var nextRank = table.Rules[grades.First[other]].Grade.Rank;
                    var good = effect is Effect.Strength or Effect.NotablePractice;
                    if ((good ? nextRank <= rank : nextRank >= rank) || !reported.Add((table, "monotone-" + effect))) continue;
                    bag.Error(DiagnosticCodes.NotMonotone, table.Rules[grades.First[other]].Rule.Span,
                        $"thresholds `{table.Table.Name}` are not monotone: one more `{effect.Id()}`{(w > 0 ? $" of weight {w}" : "")} {(good ? "lowers" : "raises")} `{question.Id}` from `{table.Rules[grades.First[point]].Grade.Id}` to `{table.Rules[grades.First[other]].Grade.Id}` when {Describe(space, point)}",
                        good ? "more strengths must never lower a grade" : "more areas for improvement or causes of concern must never raise a grade");
                }
            }
        }
    }

    internal static string Describe(ProfileSpace space, int point)
    {
        var counts = new int[4];
        var weights = new int[4];
        SetPoint(space, point, counts, weights);
        var parts = new List<string>();
        foreach (var effect in EffectNames.All)
        {
            var e = (int)effect;
            if (space.CountStep[e] > 0) parts.Add($"`{effect.ProfileName()}.count` is {counts[e]}");
            if (space.ReadWeight[e]) parts.Add($"`{effect.ProfileName()}.weight` is {weights[e]}");
        }
        return parts.Count == 0 ? "any outcome" : string.Join(", ", parts);
    }
}
