namespace GradingEngine.Tooling.Records;

/// <summary>
/// The outcome of re-grading a record's inputs: verified when nothing differs. <see cref="Unreadable"/>
/// is set when the record itself could not be read (not JSON, or not a decision record).
/// </summary>
public sealed record RecordVerification(string RecordPath, string? Unreadable, IReadOnlyList<RecordMismatch> Mismatches, IReadOnlyList<string> Checked)
{
    public bool Verified => Unreadable is null && Mismatches.Count == 0;
}
