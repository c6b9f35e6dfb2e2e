using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>A requirement for evidence that a question's findings did not meet, and the numbers its condition saw.</summary>
public sealed record UnmetRequirement(Requirement Requirement, IReadOnlyList<string> Seen);
