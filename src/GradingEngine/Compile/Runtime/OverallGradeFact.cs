namespace GradingEngine.Compile.Runtime;

/// <summary>A linked fact: the overall grade and the roll-up rule (row index) that decided it.</summary>
public sealed class OverallGradeFact(int rank, int ruleIndex)
{
    public int Rank { get; } = rank;
    public int RuleIndex { get; } = ruleIndex;
}
