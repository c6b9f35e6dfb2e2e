using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// One graded inspection of a batch, as much of it as the report compares: who it is, where its proposed
/// grades came from (the findings file's own `proposed:` block, a paired proposed-grades file, or nowhere),
/// one cell per subject, and per question the criteria it met. Its findings and full result are not kept:
/// a national batch holds thousands (the whole result is <see cref="Grading.Grader.Grade"/>'s).
/// </summary>
/// <param name="FindingCount">How many findings the file coded.</param>
/// <param name="Met">Per question, in rulebook order, the criteria met, in rulebook order.</param>
public sealed record BatchInspection(
    string Id,
    string Force,
    string Framework,
    string Path,
    string Sha256,
    int FindingCount,
    string? ProposedFrom,
    IReadOnlyList<BatchGrade> Grades,
    IReadOnlyList<IReadOnlyList<Criterion>> Met)
{
    public BatchGrade? Find(string subject) => Grades.FirstOrDefault(g => g.Subject == subject);

    /// <summary>What a batch keeps of one result: one cell per question, then `overall`, proposed against computed.</summary>
    public static BatchInspection Of(GradingResult result, string? proposedFrom)
    {
        var inspection = result.Inspection;
        var proposed = inspection.Proposed?.Grades;
        var notGraded = BatchGrade.NotGraded(result.Rulebook);
        Grade? Proposed(string subject) => proposed is not null && proposed.TryGetValue(subject, out var p)
            ? result.Rulebook.Scale.Find(p.GradeId) ?? notGraded
            : null;
        var grades = result.Questions
            .Select(q => new BatchGrade(q.Question.Id, Proposed(q.Question.Id), q.Grade ?? notGraded))
            .ToList();
        if (result.HasOverall)
        {
            grades.Add(new BatchGrade(ProposedGrades.OverallKey, Proposed(ProposedGrades.OverallKey), result.Overall?.Grade ?? notGraded));
        }
        return new BatchInspection(inspection.Id, inspection.Force, inspection.Framework, inspection.Path, inspection.Sha256,
            inspection.Findings.Count, proposedFrom, grades,
            [.. result.Questions.Select(q => (IReadOnlyList<Criterion>)[.. q.Criteria.Where(c => c.Met).Select(c => c.Criterion)])]);
    }
}
