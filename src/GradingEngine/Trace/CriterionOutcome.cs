using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>One criterion's result for one inspection: met or not, and the findings that made it so.</summary>
public sealed record CriterionOutcome(Criterion Criterion, bool Met, IReadOnlyList<Finding> Evidence, string? Message);
