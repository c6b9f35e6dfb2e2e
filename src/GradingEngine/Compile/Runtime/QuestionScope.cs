namespace GradingEngine.Compile.Runtime;

/// <summary>One per question: anchors the question's aggregates so they fire even with no findings.</summary>
public sealed class QuestionScope(string questionId)
{
    public string QuestionId { get; } = questionId;
}
