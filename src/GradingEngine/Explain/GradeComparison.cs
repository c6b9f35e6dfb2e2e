using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// A proposed grade against the computed one. When they differ: the rule that decided the computed grade (or why the
/// engine could not grade), and the smallest sets of changes that would make the proposed grade hold.
/// </summary>
/// <param name="Proposed">The proposed grade; null when the inspector proposed that it is not graded.</param>
/// <param name="Computed">The computed grade; null when the engine could not grade it (<paramref name="NotGraded"/> says why).</param>
public sealed record GradeComparison(
    string Subject,
    Grade? Proposed,
    Grade? Computed,
    GradeDecision? Decision,
    NotGraded? NotGraded,
    IReadOnlyList<IReadOnlyList<CriterionChange>> CriterionAlternatives,
    IReadOnlyList<IReadOnlyList<QuestionChange>> QuestionAlternatives)
{
    public bool Agrees => Proposed?.Id == Computed?.Id;
}
