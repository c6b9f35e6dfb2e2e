namespace GradingEngine.Facts;

/// <summary>A criterion's outcome, recorded on its question's evidence: it is met, and these findings are why.</summary>
/// <param name="representative">The finding a message's placeholders quote: for `worst`, `best`, `min` or `max`, the one that set the value.</param>
internal sealed class CriterionMet(int criterionIndex, int effect, int weight, IReadOnlyList<FindingFact> witnesses, FindingFact? representative)
{
    public FindingFact? Representative { get; } = representative;

    public int CriterionIndex { get; } = criterionIndex;
    public int Effect { get; } = effect;
    public int Weight { get; } = weight;
    public IReadOnlyList<FindingFact> Witnesses { get; } = witnesses;
}
