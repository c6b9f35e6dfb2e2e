namespace GradingEngine.Tooling.Agreement;

/// <summary>Items and how many of them the coders agree on.</summary>
internal sealed record Tally(int Items, int Agreed)
{
    public double? Percent => Items == 0 ? null : 100.0 * Agreed / Items;
}
