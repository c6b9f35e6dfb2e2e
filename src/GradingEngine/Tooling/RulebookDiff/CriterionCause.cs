namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// A criterion behind a grade change. <see cref="Old"/> or <see cref="New"/> is null when the
/// criterion is not one of the question's under that rulebook; <see cref="Status"/> and
/// <see cref="Fields"/> say what the structural diff found.
/// </summary>
public sealed record CriterionCause(
    string Id,
    CauseKind Kind,
    ChangeKind Status,
    IReadOnlyList<string> Fields,
    CriterionState? Old,
    CriterionState? New)
{
    public bool OldMet => Old?.Met ?? false;

    public bool NewMet => New?.Met ?? false;
}
