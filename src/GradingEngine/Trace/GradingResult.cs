using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// Everything one grading produced: question grades and the overall grade, each with its reason (or, when there was not
/// enough evidence, why it was not graded), every criterion's outcome with evidence, and the findings no criterion
/// considered. This is the trace: explain, validate and every renderer only read it.
/// </summary>
/// <param name="Overall">The overall grade and its reason; null when it is not graded or the rulebook has no overall grade.</param>
/// <param name="OverallNotGraded">Why the overall judgement is not graded; null when it is, or there is none.</param>
public sealed record GradingResult(
    Rulebook Rulebook,
    Inspection Inspection,
    IReadOnlyList<QuestionResult> Questions,
    GradeDecision? Overall,
    NotGraded? OverallNotGraded,
    IReadOnlyList<Finding> NotConsidered)
{
    /// <summary>Why not higher, how close to lower: per graded question, then `overall` (see Explain/Outlooks).</summary>
    public IReadOnlyList<GradeOutlook> Outlooks { get; init; } = [];

    /// <summary>Whether the framework has an overall judgement at all.</summary>
    public bool HasOverall => Rulebook.Rollup is not null;

    public GradeOutlook? OutlookOf(string subject) => Outlooks.FirstOrDefault(o => o.Subject == subject);

    public QuestionResult? Find(string questionId) => Questions.FirstOrDefault(q => q.Question.Id == questionId);
}
