namespace GradingEngine.Trace;

/// <summary>
/// Why a question, or the overall judgement, has no grade: not enough evidence to give one. A value, as a grade is:
/// the reason in a sentence, for a question each requirement that was not met with what it saw, and for the overall
/// judgement the questions that were not graded.
/// </summary>
public sealed record NotGraded(string Reason, IReadOnlyList<UnmetRequirement> Unmet)
{
    /// <summary>For the overall judgement: the questions not graded, in rulebook order.</summary>
    public IReadOnlyList<string> UngradedQuestions { get; init; } = [];
}
