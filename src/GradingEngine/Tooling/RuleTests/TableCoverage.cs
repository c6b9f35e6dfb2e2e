namespace GradingEngine.Tooling.RuleTests;

/// <summary>Every row of one grade table as one question (or the roll-up) uses it, with the cases each row decided.</summary>
public sealed record TableCoverage(string Table, IReadOnlyList<RuleCoverage> Rules)
{
    public CoverageFigure Figure => new(Rules.Count(r => r.Covered), Rules.Count);
}
