namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Agreement on one ordinal judgement scale: items judged by both coders on the same indicator, how many
/// got the same level, and weighted kappa with linear and with quadratic weights.
/// </summary>
internal sealed record WeightedKappaFigure(string Scale, int Levels, int Items, int Agreed, double? Linear, double? Quadratic)
{
    public static WeightedKappaFigure Of(string scale, int levels, IReadOnlyList<(int A, int B)> items) =>
        new(scale, levels, items.Count, items.Count(i => i.A == i.B),
            Kappa.Weighted(items, levels, KappaWeights.Linear), Kappa.Weighted(items, levels, KappaWeights.Quadratic));

    public double? Percent => Items == 0 ? null : 100.0 * Agreed / Items;
}
