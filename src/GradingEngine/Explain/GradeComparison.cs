using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// A proposed grade against the computed one. When they differ: the rule that decided the computed
/// grade, and the smallest sets of changes that would make the proposed grade hold.
/// </summary>
public sealed record GradeComparison(
    string Subject,
    Grade Proposed,
    Grade Computed,
    GradeDecision Decision,
    IReadOnlyList<IReadOnlyList<CriterionChange>> CriterionAlternatives,
    IReadOnlyList<IReadOnlyList<QuestionChange>> QuestionAlternatives)
{
    public bool Agrees => Proposed.Id == Computed.Id;
}
