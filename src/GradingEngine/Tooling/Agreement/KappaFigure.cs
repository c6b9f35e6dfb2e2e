namespace GradingEngine.Tooling.Agreement;

/// <summary>Agreement on nominal categories: how many items, how many the coders put in the same category, and Cohen's kappa.</summary>
internal sealed record KappaFigure(int Items, int Agreed, double? Kappa)
{
    public static KappaFigure Of(IReadOnlyList<(string A, string B)> items) =>
        new(items.Count, items.Count(i => string.Equals(i.A, i.B, StringComparison.Ordinal)), Agreement.Kappa.Cohen(items));

    /// <summary>Agreed items as a share of all, or null with no items.</summary>
    public double? Percent => Items == 0 ? null : 100.0 * Agreed / Items;
}
