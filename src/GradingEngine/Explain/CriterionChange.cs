using GradingEngine.Model;

namespace GradingEngine.Explain;

/// <summary>One criterion whose outcome would have to be different: met instead of not met, or the reverse.</summary>
public sealed record CriterionChange(Criterion Criterion, bool BecomesMet);
