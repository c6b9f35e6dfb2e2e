namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// One question of one inspection, graded under both rulebooks. A grade is null when the question
/// is not in that rulebook. <see cref="Criteria"/> lists causes only when the grade changed. The limit that moved
/// the grade off its row's, and the evidence requirements not met (when not graded), are given for each side.
/// </summary>
public sealed record QuestionRegrade(
    string QuestionId,
    string? OldGrade,
    string? NewGrade,
    DecidingRow? OldRow,
    DecidingRow? NewRow,
    IReadOnlyList<CriterionCause> Criteria)
{
    public bool Changed => OldGrade != NewGrade;

    public DecidingLimit? OldLimit { get; init; }

    public DecidingLimit? NewLimit { get; init; }

    public IReadOnlyList<UnmetEvidence> OldUnmet { get; init; } = [];

    public IReadOnlyList<UnmetEvidence> NewUnmet { get; init; } = [];
}
