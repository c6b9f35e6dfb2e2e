using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// A graded batch: every inspection sorted by file path then inspection id, agreement of proposed with
/// computed grades per subject and over all, the consistency groups, and the disagreements ranked by
/// distance. Everything is in a fixed order, so rendering it gives the same bytes for any parallelism.
/// </summary>
public sealed record BatchReport(
    Rulebook Rulebook,
    IReadOnlyList<BatchInspection> Inspections,
    IReadOnlyList<SubjectAgreement> Agreement,
    SubjectAgreement AllAgreement,
    IReadOnlyList<ConsistencyGroup> Consistency,
    IReadOnlyList<Disagreement> Disagreements,
    IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>The subject of every column: the rulebook's questions in order, then `overall` when it has a roll-up.</summary>
    public IReadOnlyList<string> Subjects => SubjectsOf(Rulebook);

    internal static IReadOnlyList<string> SubjectsOf(Rulebook rulebook) => rulebook.Rollup is null
        ? [.. rulebook.Questions.Select(q => q.Id)]
        : [.. rulebook.Questions.Select(q => q.Id), ProposedGrades.OverallKey];

    /// <summary>True when some proposed grade differs from the computed one.</summary>
    public bool AnyDisagree => Disagreements.Count > 0;
}
