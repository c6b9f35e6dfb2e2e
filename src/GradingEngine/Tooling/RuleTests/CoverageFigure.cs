namespace GradingEngine.Tooling.RuleTests;

/// <summary>How many of a set of rules or criteria the cases covered.</summary>
public sealed record CoverageFigure(int Covered, int Total)
{
    /// <summary>Percent covered, truncated to one decimal so that 99.96% never shows as 100.0%; 100 when there is nothing to cover.</summary>
    public decimal Percent => Total == 0 ? 100m : Math.Round(100m * Covered / Total, 1, MidpointRounding.ToZero);

    /// <summary>Compared exactly, not on the rounded percent.</summary>
    public bool IsBelow(decimal minimumPercent) => Covered * 100m < minimumPercent * Total;

    public static CoverageFigure Sum(IEnumerable<CoverageFigure> figures)
    {
        var list = figures.ToList();
        return new CoverageFigure(list.Sum(f => f.Covered), list.Sum(f => f.Total));
    }
}
