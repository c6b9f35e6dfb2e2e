namespace GradingEngine.Model;

/// <summary>One inspection's coded findings, as read from one findings file.</summary>
public sealed record Inspection(
    string Id,
    string Force,
    string Framework,
    string Path,
    IReadOnlyList<Finding> Findings,
    ProposedGrades? Proposed,
    string Sha256)
{
    /// <summary>The report the quotes were checked against, relative to the findings file; null when none was declared.</summary>
    public string? ReportFile { get; init; }

    /// <summary>Grades of questions not inspected this time, carried from an earlier inspection for the roll-up (`carried:`); empty when none.</summary>
    public IReadOnlyList<CarriedGrade> Carried { get; init; } = [];

    /// <summary>The SHA-256 of the report as read, so a decision record holds exactly the report the quotes were checked against.</summary>
    public string? ReportSha256 { get; init; }
}
