using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// Everything one grading produced: question grades and the overall grade, each with its reason,
/// every criterion's outcome with evidence, and the findings no criterion considered. This is the
/// trace: explain, validate and every renderer only read it.
/// </summary>
public sealed record GradingResult(
    Rulebook Rulebook,
    Inspection Inspection,
    IReadOnlyList<QuestionResult> Questions,
    GradeDecision Overall,
    IReadOnlyList<Finding> NotConsidered)
{
    /// <summary>Why not higher, how close to lower: per question, then `overall` (see Explain/Outlooks).</summary>
    public IReadOnlyList<GradeOutlook> Outlooks { get; init; } = [];

    public GradeOutlook? OutlookOf(string subject) => Outlooks.FirstOrDefault(o => o.Subject == subject);

    public QuestionResult? Find(string questionId) => Questions.FirstOrDefault(q => q.Question.Id == questionId);
}
