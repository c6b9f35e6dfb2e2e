namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>The grade scale, old and new, when grades present in both appear in a different order.</summary>
public sealed record ScaleOrder(IReadOnlyList<string> Old, IReadOnlyList<string> New);
