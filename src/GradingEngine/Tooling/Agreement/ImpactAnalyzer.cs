using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>Which disagreements matter: each one's effect on both codings' grades, ranked by impact.</summary>
internal static class ImpactAnalyzer
{
    /// <summary>
    /// Every disagreement, ranked: most grades changed (on A and on B together) first, then most grade steps
    /// moved, then in disagreement order.
    /// </summary>
    public static IReadOnlyList<DisagreementImpact> Rank(CodingRegrader regrader, IReadOnlyList<CodingDisagreement> disagreements)
    {
        var impacts = disagreements.Select(d => new DisagreementImpact(d,
            Shifts(regrader, regrader.GradesA, regrader.GradesWith(towardB: true, [d]), regrader.GradesB),
            Shifts(regrader, regrader.GradesB, regrader.GradesWith(towardB: false, [d]), regrader.GradesA)));
        return [.. impacts.Select((impact, order) => (impact, order))
            .OrderByDescending(x => x.impact.Changes)
            .ThenByDescending(x => x.impact.Steps)
            .ThenBy(x => x.order)
            .Select(x => x.impact)];
    }

    /// <summary>Subjects whose grade differs between <paramref name="before"/> and <paramref name="after"/>, in subject order.</summary>
    /// A change between a grade and not graded counts as a change of no steps.
    public static IReadOnlyList<GradeShift> Shifts(CodingRegrader regrader, IReadOnlyDictionary<string, Grade?> before, IReadOnlyDictionary<string, Grade?> after, IReadOnlyDictionary<string, Grade?> other) =>
        [.. regrader.Subjects
            .Where(s => CodingRegrader.IdOf(before[s]) != CodingRegrader.IdOf(after[s]))
            .Select(s => new GradeShift(s, CodingRegrader.IdOf(before[s]), CodingRegrader.IdOf(after[s]),
                before[s] is { } b && after[s] is { } a ? Math.Abs(b.Rank - a.Rank) : 0, CodingRegrader.IdOf(after[s]) == CodingRegrader.IdOf(other[s])))];
}
