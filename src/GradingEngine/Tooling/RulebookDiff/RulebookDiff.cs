namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// What a rulebook change does: the structural diff of the two versions, and every given
/// inspection regraded under both, with the causes of each grade that changed.
/// </summary>
public sealed record RulebookDiff(
    RulebookIdentity Old,
    RulebookIdentity New,
    StructuralDiff Structure,
    IReadOnlyList<InspectionRegrade> Inspections)
{
    public int GradeChanges => Inspections.Sum(i => i.GradeChanges);

    public int ChangedInspections => Inspections.Count(i => i.GradeChanges > 0);

    /// <summary>The counts the report opens with: items changed per kind, grades changed per question and overall.</summary>
    public DiffSummary Summary => DiffSummary.From(this);

    /// <summary>Only grade changes gate a change: a structural edit that regrades nothing passes.</summary>
    public bool HasGradeChanges => GradeChanges > 0;
}
