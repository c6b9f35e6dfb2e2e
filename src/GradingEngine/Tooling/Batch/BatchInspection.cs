using GradingEngine.Rollup;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// One graded inspection of a batch: its full result, where its proposed grades came from (the findings
/// file's own `proposed:` block, a paired proposed-grades file, or nowhere), and one cell per subject.
/// </summary>
public sealed record BatchInspection(GradingResult Result, string? ProposedFrom, IReadOnlyList<BatchGrade> Grades)
{
    public string Id => Result.Inspection.Id;

    public string Path => Result.Inspection.Path;

    public BatchGrade? Find(string subject) => Grades.FirstOrDefault(g => g.Subject == subject);
}
