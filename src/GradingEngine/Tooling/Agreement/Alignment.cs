using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>Two codings of one report side by side: passages both coded, and findings only one coder made.</summary>
internal sealed record Alignment(AlignmentBasis Basis, IReadOnlyList<AlignedPair> Pairs, IReadOnlyList<Finding> OnlyA, IReadOnlyList<Finding> OnlyB);
