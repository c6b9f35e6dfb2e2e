namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>The overall grade under both rulebooks, the question grades that changed, and the deciding roll-up rows.</summary>
public sealed record OverallRegrade(
    string OldGrade,
    string NewGrade,
    IReadOnlyList<string> ChangedQuestions,
    DecidingRow OldRow,
    DecidingRow NewRow)
{
    public bool Changed => OldGrade != NewGrade;

    /// <summary>A different row decided, or the deciding row's text was edited.</summary>
    public bool RowChanged => OldRow.Row != NewRow.Row || OldRow.Table != NewRow.Table || NewRow.Status != ChangeKind.Unchanged;
}
