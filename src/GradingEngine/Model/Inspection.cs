namespace GradingEngine.Model;

/// <summary>One inspection's coded findings, as read from one findings file.</summary>
public sealed record Inspection(
    string Id,
    string Force,
    string Framework,
    string Path,
    IReadOnlyList<Finding> Findings,
    ProposedGrades? Proposed,
    string Sha256);
