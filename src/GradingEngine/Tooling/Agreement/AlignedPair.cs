using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>A finding of coding A and one of coding B on the same passage, and how many words their quotes share.</summary>
internal sealed record AlignedPair(Finding A, Finding B, int SharedWords)
{
    public PairKind Kind =>
        !string.Equals(A.IndicatorId, B.IndicatorId, StringComparison.Ordinal) ? PairKind.IndicatorDiffers
        : string.Equals(A.ValueText, B.ValueText, StringComparison.Ordinal) ? PairKind.Agree
        : PairKind.ValueDiffers;
}
