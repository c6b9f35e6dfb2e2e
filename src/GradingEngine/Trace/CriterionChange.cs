using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// One criterion whose outcome would have to be different: met instead of not met, or the reverse,
/// with the findings involved (its evidence now, or the findings of the indicators it reads).
/// </summary>
public sealed record CriterionChange(Criterion Criterion, bool BecomesMet, IReadOnlyList<Finding> Findings);
