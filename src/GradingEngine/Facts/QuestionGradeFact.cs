namespace GradingEngine.Facts;

/// <summary>A linked fact: the question's grade, and which threshold rule (row index) decided it.</summary>
internal sealed class QuestionGradeFact(string questionId, int rank, int ruleIndex, OutcomeProfile profile)
{
    public string QuestionId { get; } = questionId;
    public int Rank { get; } = rank;
    public int RuleIndex { get; } = ruleIndex;
    public OutcomeProfile Profile { get; } = profile;
}
