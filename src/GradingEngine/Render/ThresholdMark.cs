using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>
/// Where one row of a threshold table draws a line on an effect's weight: `strengths.weight >= 6` is a mark at 6
/// on the strengths bar. A bound that depends on other values (`>= 2 * areas-for-improvement.weight`) is placed
/// where those values are now. <paramref name="Deciding"/> for the row that gave the grade.
/// </summary>
internal sealed record ThresholdMark(Effect Effect, Grade Grade, int RuleIndex, bool Deciding, string Operator, decimal Value)
{
    /// <summary>"strengths weight ≥ 6".</summary>
    public string Text => FormattableString.Invariant($"{Effect.Title.ToLowerInvariant()} weight {Operator} {Value:0.##}");
}
