namespace GradingEngine.Trace;

/// <summary>
/// Why a question, or the overall judgement, has no grade: not enough evidence to give one. A value, as a grade is:
/// the reason in a sentence, and for a question each requirement that was not met with what it saw.
/// </summary>
public sealed record NotGraded(string Reason, IReadOnlyList<UnmetRequirement> Unmet);
