namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// One question of one inspection, graded under both rulebooks. A grade is null when the question
/// is not in that rulebook. <see cref="Criteria"/> lists causes only when the grade changed.
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
}
