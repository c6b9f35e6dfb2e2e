namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The overall grade under both rulebooks (`not-graded` when it could not be given, null when that rulebook has no
/// overall grade), the question grades that changed, and the deciding roll-up rows (null when there is none).
/// </summary>
public sealed record OverallRegrade(
    string? OldGrade,
    string? NewGrade,
    IReadOnlyList<string> ChangedQuestions,
    DecidingRow? OldRow,
    DecidingRow? NewRow)
{
    public bool Changed => OldGrade != NewGrade;

    /// <summary>The roll-up limit that moved the overall grade off its row's under each rulebook.</summary>
    public DecidingLimit? OldLimit { get; init; }

    public DecidingLimit? NewLimit { get; init; }

    /// <summary>A different row decided, or the deciding row's text was edited.</summary>
    public bool RowChanged => OldRow?.Row != NewRow?.Row || OldRow?.Table != NewRow?.Table || (NewRow is not null && NewRow.Status != ChangeKind.Unchanged);
}
