using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves grade tables total and sensible by checking every outcome, not a sample: no gaps,
/// no rule wholly overlapped by the rules above it, and monotone (one more strength never
/// lowers a grade; one more area for improvement or cause of concern never raises one).
/// </summary>
internal static class TableAnalyzer
{
    public const int MaxSpace = 4_000_000;

    /// <summary>Analyses each question's threshold table over the profiles its criteria can produce.</summary>
    public static IReadOnlyList<TableAnalysis> AnalyzeThresholds(Rulebook rulebook, IReadOnlyDictionary<string, CheckedTable> tables, DiagnosticBag bag) =>
        AnalyzeThresholds(rulebook, tables, bag, mergeClasses: true);

    /// <param name="mergeClasses">false evaluates every profile on its own (tests hold the merged analysis to it)</param>
    internal static IReadOnlyList<TableAnalysis> AnalyzeThresholds(Rulebook rulebook, IReadOnlyDictionary<string, CheckedTable> tables, DiagnosticBag bag, bool mergeClasses)
    {
        var analyses = new List<TableAnalysis>();
        var reported = new HashSet<(CheckedTable, string)>();
        var reachedAnywhere = new Dictionary<CheckedTable, bool[]>(ReferenceEqualityComparer.Instance);
        // Per table row: the first outcome (in any question) that satisfies it but is taken by a row above.
        var shadows = new Dictionary<CheckedTable, string?[]>(ReferenceEqualityComparer.Instance);
        foreach (var question in rulebook.Questions)
        {
            var table = tables[question.Id];
            var space = new ProfileSpace(question.Id, rulebook.Criteria.Where(c => c.QuestionId == question.Id),
                [.. table.Rules.Select(r => r.Condition)], mergeClasses);
            if (space.ClassCount > MaxSpace)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"`{question.Id}` has {space.Size} distinct outcome profiles in {space.ClassCount} classes its thresholds tell apart, over the limit of {MaxSpace}; its thresholds were not checked exhaustively");
                analyses.Add(new TableAnalysis(question.Id, table.Table.Name, space.Size, false, []));
                continue;
            }
            var conditions = table.Rules.Select(r => r.Condition is null ? null : ProfileCondition.Compile(r.Condition)).ToArray();
            var counts = new int[4];
            var weights = new int[4];
            var digits = new int[4];
            // One profile over the two arrays, which SetProfile rewrites for each point: no conditions keep it.
            var profile = new OutcomeProfile(question.Id, counts, weights);
            var grades = GradeSpace.Evaluate((int)space.ClassCount, table.Rules.Count, point =>
            {
                space.Digits(point, digits);
                space.SetProfile(digits, counts, weights);
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

    private static void CheckMonotone(Question question, CheckedTable table, ProfileSpace space, GradeSpace grades, DiagnosticBag bag, HashSet<(CheckedTable, string)> reported)
    {
        var strides = space.Strides();
        foreach (var effect in EffectNames.All)
        {
            // Once per table and effect, at the first profile (diagnostics are sorted, so the order of effects is not seen).
            if (reported.Contains((table, "monotone-" + effect))) continue;
            if (FirstViolation(space, grades, table, effect, strides) is not ({ } digits, var w, var from, var to)) continue;
            reported.Add((table, "monotone-" + effect));
            var good = effect is Effect.Strength or Effect.NotablePractice;
            bag.Error(DiagnosticCodes.NotMonotone, table.Rules[to].Rule.Span,
                $"thresholds `{table.Table.Name}` are not monotone: one more `{effect.Id()}`{(w > 0 ? $" of weight {w}" : "")} {(good ? "lowers" : "raises")} `{question.Id}` from `{table.Rules[from].Grade.Id}` to `{table.Rules[to].Grade.Id}` when {Describe(space, digits)}",
                good ? "more strengths must never lower a grade" : "more areas for improvement or causes of concern must never raise a grade");
        }
    }

    /// <summary>
    /// The first profile, in profile order, where one more criterion of the effect moves the grade the wrong way. A step
    /// changes the grade only where it crosses into another class, so only the pairs with such a step (boundaries) are
    /// tried, each with the classes of the other effects: their first pairs are the first profiles of their kind.
    /// </summary>
    private static (int[] Digits, int Weight, int From, int To)? FirstViolation(
        ProfileSpace space, GradeSpace grades, CheckedTable table, Effect effect, int[] strides)
    {
        var e = (int)effect;
        var good = effect is Effect.Strength or Effect.NotablePractice;
        var classOf = space.ClassOf[e];
        // Per digit of this effect, the digit one more criterion of each step weight leads to (-1: no such outcome).
        var next = space.Pairs[e].Select(pair => space.StepWeights[e]
            .Select(w => space.Index[e].TryGetValue((pair.Count + space.CountStep[e], pair.Weight + w), out var digit) ? digit : -1)
            .ToArray()).ToArray();
        var boundaries = Enumerable.Range(0, next.Length).Where(d => next[d].Any(n => n >= 0 && classOf[n] != classOf[d])).ToArray();
        if (boundaries.Length == 0) return null;

        // Walk the other effects' classes and this effect's boundary digits in profile order (first effect outermost).
        var choices = new int[4][];
        for (var f = 0; f < 4; f++) choices[f] = f == e ? boundaries : space.Representative[f];
        var at = new int[4];
        var digits = new int[4];
        while (true)
        {
            var point = 0;
            for (var f = 0; f < 4; f++)
            {
                digits[f] = choices[f][at[f]];
                point += (f == e ? classOf[digits[f]] : at[f]) * strides[f];
            }
            var first = grades.First[point];
            if (first >= 0)
            {
                var steps = next[digits[e]];
                for (var k = 0; k < steps.Length; k++)
                {
                    if (steps[k] < 0) continue;
                    var other = grades.First[point + (classOf[steps[k]] - classOf[digits[e]]) * strides[e]];
                    if (other < 0) continue;
                    var (rank, nextRank) = (table.Rules[first].Grade.Rank, table.Rules[other].Grade.Rank);
                    if (good ? nextRank <= rank : nextRank >= rank) continue;
                    return ([.. digits], space.StepWeights[e][k], first, other);
                }
            }
            var carry = 3;
            while (carry >= 0 && ++at[carry] == choices[carry].Length) at[carry--] = 0;
            if (carry < 0) return null;
        }
    }

    /// <summary>Describes the profile of a point: its classes' representatives.</summary>
    internal static string Describe(ProfileSpace space, int point)
    {
        var digits = new int[4];
        space.Digits(point, digits);
        return Describe(space, digits);
    }

    internal static string Describe(ProfileSpace space, int[] digits)
    {
        var counts = new int[4];
        var weights = new int[4];
        space.SetProfile(digits, counts, weights);
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
