using System.Numerics;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Proves each question's grading total and sensible over every outcome profile its criteria (and findings) can produce,
/// not a sample: no gaps in its table, no row wholly overlapped by the rows above it, every limit able to matter, and
/// monotone with the limits applied (one more of something declared `better` never lowers the grade; one more of
/// something declared `worse` never raises it). Every counterexample is the first such profile in profile order.
/// The space is divided into boxes on which every condition is constant (<see cref="BoxSearch"/>), so the proof does not
/// enumerate combinations of criteria.
/// </summary>
internal static class TableAnalyzer
{
    /// <summary>How many boxes one search may take before the analysis gives up on a table (GE505).</summary>
    public const int MaxBoxes = 4_000_000;

    /// <summary>The outcome of a question at a box: the deciding row (-1 in a gap), the final grade's rank, and the limit that set it (-1: the row).</summary>
    private readonly record struct Outcome(int Row, int Rank, int Limit);

    public static IReadOnlyList<TableAnalysis> AnalyzeThresholds(
        Rulebook rulebook,
        IReadOnlyList<CheckedCriterion> criteria,
        IReadOnlyDictionary<string, CheckedTable> tables,
        IReadOnlyDictionary<string, IReadOnlyList<CheckedLimit>> limits,
        DiagnosticBag bag,
        int maxBoxes = MaxBoxes,
        IReadOnlyDictionary<string, IReadOnlyList<CheckedValue>>? values = null)
    {
        var analyses = new List<TableAnalysis>();
        var reported = new HashSet<(object, string)>();
        var reachedAnywhere = new Dictionary<CheckedTable, bool[]>(ReferenceEqualityComparer.Instance);
        var shadows = new Dictionary<CheckedTable, string?[]>(ReferenceEqualityComparer.Instance);
        var limitUse = new Dictionary<CheckedLimit, LimitUse>(ReferenceEqualityComparer.Instance);
        foreach (var question in rulebook.Questions)
        {
            var table = tables[question.Id];
            var questionLimits = limits[question.Id];
            var rows = table.Rules.Select(r => r.Condition).ToList();
            var domain = new ProfileDomain(question.Id, rulebook.Effects, rulebook.Codebook.Kinds,
                criteria.Where(c => c.Criterion.QuestionId == question.Id),
                [.. rows.OfType<BoundExpr>(), .. questionLimits.Select(l => l.Condition)],
                values?.GetValueOrDefault(question.Id), rulebook.Values.Ids.Count);
            var undirected = domain.Undirected.ToList();
            foreach (var value in domain.Variables.Where(v => v.Measure == ProfileMeasure.Value && v.Direction is null))
            {
                // Said once per table and value: monotonicity in a value is checked only against a declared direction.
                if (!reported.Add((table, "undirected-" + value.Name))) continue;
                bag.Warning(DiagnosticCodes.ValueDirectionMissing, table.Table.Span,
                    $"thresholds `{table.Table.Name}` read value `{value.Name}`, which declares no `direction`: whether a higher `{value.Name}` can lower a grade is not checked",
                    $"give `{value.Name}` a `direction` in values.yaml: `better`, `worse`, or `neutral` to say no grade should follow it");
            }
            if (domain.Unprovable is { } why)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span, $"the thresholds of `{question.Id}` were not checked exhaustively: {why}",
                    "compare the value with constants only, or make it a whole number with `round(...)`");
                analyses.Add(new TableAnalysis(question.Id, table.Table.Name, domain.Size, false, []) { UncheckedValues = undirected, MayBeNotGraded = domain.MayBeUndefined });
                continue;
            }
            var search = new BoxSearch(domain, rows, [.. questionLimits.Select(l => l.Condition)], maxBoxes);

            int[]? gap = null;
            var reached = new bool[table.Rules.Count];
            var shadowAt = new (int[] Point, int Earlier)?[table.Rules.Count];
            var produced = new SortedSet<int>();
            var applies = new bool[questionLimits.Count];
            var changes = new bool[questionLimits.Count];
            var exhaustive = search.Run(null, (lo, hi, masks, _) =>
            {
                if (masks.Rows == 0)
                {
                    gap = Earliest(domain, gap, lo, hi);
                    return;
                }
                var outcome = Decide(table, questionLimits, masks);
                reached[outcome.Row] = true;
                produced.Add(outcome.Rank);
                for (var r = outcome.Row + 1; r < table.Rules.Count; r++)
                {
                    if ((masks.Rows & (1UL << r)) == 0) continue;
                    if (shadowAt[r] is { } s && ProfileDomain.Compare(s.Point, lo) <= 0) continue;
                    if (Earliest(domain, shadowAt[r]?.Point, lo, hi) is { } p && !ReferenceEquals(p, shadowAt[r]?.Point)) shadowAt[r] = (p, outcome.Row);
                }
                for (var k = 0; k < questionLimits.Count; k++)
                {
                    if ((masks.Limits & (1UL << k)) == 0) continue;
                    applies[k] = true;
                    changes[k] |= Moves(questionLimits[k], table.Rules[outcome.Row].Grade.Rank);
                }
            });

            if (!exhaustive)
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"`{question.Id}` has {domain.Size} distinct outcome profiles, and its thresholds part them into more regions than the limit of {maxBoxes}; its thresholds were not checked exhaustively");
                analyses.Add(new TableAnalysis(question.Id, table.Table.Name, domain.Size, false, []) { UncheckedValues = undirected, MayBeNotGraded = domain.MayBeUndefined });
                continue;
            }
            if (gap is not null && reported.Add((table, "gap")))
            {
                bag.Error(DiagnosticCodes.MissingFallback, table.Table.Span,
                    $"thresholds `{table.Table.Name}` give `{question.Id}` no grade when {domain.Describe(gap)}",
                    $"add `- grade: {rulebook.Scale.Grades[^1].Id}` with `otherwise: true` as the last rule");
            }
            if (!CheckMonotone(rulebook, question, table, questionLimits, domain, search, bag, reported))
            {
                bag.Warning(DiagnosticCodes.SpaceTooLarge, table.Table.Span,
                    $"`{question.Id}` has {domain.Size} distinct outcome profiles, and its thresholds part them into more regions than the limit of {maxBoxes}; its monotonicity was not checked exhaustively");
            }

            var everReached = reachedAnywhere.TryGetValue(table, out var r0) ? r0 : reachedAnywhere[table] = new bool[table.Rules.Count];
            var shadow = shadows.TryGetValue(table, out var s0) ? s0 : shadows[table] = new string?[table.Rules.Count];
            for (var i = 0; i < table.Rules.Count; i++)
            {
                everReached[i] |= reached[i];
                if (shadow[i] is null && shadowAt[i] is { } ex)
                {
                    var earlier = table.Rules[ex.Earlier];
                    shadow[i] = $"e.g. when {domain.Describe(ex.Point)} (in `{question.Id}`) the rule for `{earlier.Grade.Id}` at line {earlier.Rule.Span.Line} applies first";
                }
            }
            for (var k = 0; k < questionLimits.Count; k++)
            {
                var use = limitUse.TryGetValue(questionLimits[k], out var u) ? u : limitUse[questionLimits[k]] = new LimitUse();
                use.Record(question.Id, applies[k], changes[k]);
            }
            var grades = produced.Select(rank => rulebook.Scale[rank].Id).ToList();
            foreach (var grade in rulebook.Scale.Grades.Where(g => !grades.Contains(g.Id)))
            {
                bag.Warning(DiagnosticCodes.GradeNeverProduced, table.Table.Span,
                    $"no outcome of `{question.Id}`'s criteria can be graded `{grade.Id}`");
            }
            analyses.Add(new TableAnalysis(question.Id, table.Table.Name, domain.Size, true, grades) { UncheckedValues = undirected, MayBeNotGraded = domain.MayBeUndefined });
        }
        ReportUnreachable(reachedAnywhere, shadows, bag);
        ReportIdleLimits(limitUse, bag);
        return analyses;
    }

    /// <summary>The earlier of <paramref name="best"/> and the box's first producible profile.</summary>
    private static int[]? Earliest(ProfileDomain domain, int[]? best, int[] lo, int[] hi)
    {
        if (best is not null && ProfileDomain.Compare(best, lo) <= 0) return best;
        var first = domain.First(lo, hi);
        return first is null || (best is not null && ProfileDomain.Compare(best, first) <= 0) ? best : first;
    }

    /// <summary>The deciding row, then the limits: floors first, then caps, so a cap always holds.</summary>
    private static Outcome Decide(CheckedTable table, IReadOnlyList<CheckedLimit> limits, BoxSearch.Masks masks)
    {
        var row = BitOperations.TrailingZeroCount(masks.Rows);
        var (rank, limit) = Limits.Apply(table.Rules[row].Grade.Rank, limits, k => (masks.Limits & (1UL << k)) != 0);
        return new Outcome(row, rank, limit);
    }

    /// <summary>Whether the limit, holding, would move a grade of this rank.</summary>
    private static bool Moves(CheckedLimit limit, int rank) =>
        limit.Limit.Kind == LimitKind.NoBetterThan ? rank < limit.Grade.Rank : rank > limit.Grade.Rank;

    /// <summary>
    /// For each step with a direction (one more criterion of an effect, of each weight; one more finding of a kind), the
    /// first profile where taking it moves the grade the wrong way: reported once per table and step. False when a
    /// search gave up.
    /// </summary>
    private static bool CheckMonotone(Rulebook rulebook, Question question, CheckedTable table, IReadOnlyList<CheckedLimit> limits,
        ProfileDomain domain, BoxSearch search, DiagnosticBag bag, HashSet<(object, string)> reported)
    {
        var complete = true;
        foreach (var step in domain.Steps(rulebook.Effects, rulebook.Codebook.Kinds))
        {
            if (reported.Contains((table, "monotone-" + step.Name))) continue;
            (int[] Point, int Weight, Outcome From, Outcome To)? first = null;
            complete &= search.Run(step, (lo, hi, here, there) =>
            {
                if (here.Rows == 0 || there.Rows == 0) return;
                var (from, to) = (Decide(table, limits, here), Decide(table, limits, there));
                var wrong = step.Direction == Direction.Better ? to.Rank > from.Rank : to.Rank < from.Rank;
                if (!wrong || (first is { } f && ProfileDomain.Compare(f.Point, lo[..^1]) < 0)) return;
                if (domain.First(lo, hi, step) is not { } found) return;
                if (first is not { } g || ProfileDomain.Compare(found.Point, g.Point) is var c && (c < 0 || (c == 0 && found.Weight < g.Weight)))
                {
                    first = (found.Point, found.Weight, from, to);
                }
            });
            if (first is not { } v) continue;
            reported.Add((table, "monotone-" + step.Name));
            var good = step.Direction == Direction.Better;
            var what = step.Dimension switch
            {
                ProfileMeasure.Findings => $"one more finding of kind `{step.Name}`",
                ProfileMeasure.Value => $"a higher `{step.Name}`",
                _ => $"one more `{step.Name}`",
            };
            var more = step.Dimension == ProfileMeasure.Value ? "a higher value" : "one more";
            var span = v.To.Limit >= 0 ? limits[v.To.Limit].Limit.Span : v.From.Limit >= 0 ? limits[v.From.Limit].Limit.Span : table.Rules[v.To.Row].Rule.Span;
            bag.Error(DiagnosticCodes.NotMonotone, span,
                $"thresholds `{table.Table.Name}` are not monotone: {what}{(v.Weight > 0 ? $" of weight {v.Weight}" : "")} {(good ? "lowers" : "raises")} `{question.Id}` from `{rulebook.Scale[v.From.Rank].Id}` to `{rulebook.Scale[v.To.Rank].Id}` when {domain.Describe(v.Point)}",
                good ? $"`{step.Name}` is declared `better`: {more} must never lower a grade" : $"`{step.Name}` is declared `worse`: {more} must never raise a grade");
        }
        return complete;
    }

    private static void ReportUnreachable(Dictionary<CheckedTable, bool[]> reachedAnywhere, Dictionary<CheckedTable, string?[]> shadows, DiagnosticBag bag)
    {
        foreach (var (table, reached) in reachedAnywhere)
        {
            for (var i = 0; i < reached.Length; i++)
            {
                // A row no outcome satisfies only means a grade is never produced (a warning), and so does an `otherwise`
                // the rows above happen to cover; a row with a condition that outcomes satisfy but rows above always take
                // first is an overlap: an error.
                if (reached[i] || table.Rules[i].Rule.IsFallback || shadows[table][i] is not { } example) continue;
                bag.Error(DiagnosticCodes.UnreachableRule, table.Rules[i].Rule.Span,
                    $"the rule for `{table.Rules[i].Grade.Id}` never decides a grade: every outcome it accepts is taken by the rules above it; {example}",
                    "loosen its condition, tighten the rules above it, or remove it");
            }
        }
    }

    /// <summary>Where a limit served, and whether it ever held or moved a grade there.</summary>
    internal sealed class LimitUse(string? phrase = null)
    {
        private readonly List<string> _subjects = [];

        public bool Applies { get; private set; }
        public bool Changes { get; private set; }

        public void Record(string subject, bool applies, bool changes)
        {
            if (!_subjects.Contains(subject)) _subjects.Add(subject);
            Applies |= applies;
            Changes |= changes;
        }

        /// <summary>"of `Q1`", "of any of `Q1`, `Q2`", or the phrase given for the roll-up.</summary>
        public string Of => phrase ?? (_subjects.Count == 1 ? $"of `{_subjects[0]}`" : $"of any of {string.Join(", ", _subjects.Select(s => $"`{s}`"))}");
    }

    /// <summary>Warnings for limits that never apply, or that apply but never move a grade, in any subject they serve.</summary>
    internal static void ReportIdleLimits(Dictionary<CheckedLimit, LimitUse> use, DiagnosticBag bag)
    {
        foreach (var (limit, u) in use)
        {
            var (applies, changes, of) = (u.Applies, u.Changes, u.Of);
            if (!applies)
            {
                bag.Warning(DiagnosticCodes.LimitWithoutEffect, limit.Limit.Span,
                    $"limit `{limit.Limit.KindText}: {limit.Grade.Id}` never applies: no outcome {of} satisfies `{limit.Limit.When.Text}`",
                    "check its condition, or remove it");
            }
            else if (!changes)
            {
                bag.Warning(DiagnosticCodes.LimitWithoutEffect, limit.Limit.Span,
                    $"limit `{limit.Limit.KindText}: {limit.Grade.Id}` never changes a grade {of}: wherever it applies the table already gives a grade within it",
                    "the thresholds already say what it says; remove it or change its condition");
            }
        }
    }
}
