namespace GradingEngine.Tooling.RuleTests;

/// <summary>A table of published grades checked against the roll-up, row by row in file order.</summary>
public sealed record PublishedTableResult(PublishedTable Table, IReadOnlyList<PublishedRowResult> Rows)
{
    public bool Passed => Rows.All(r => r.Holds);

    public int TestedCount => Rows.Count(r => r.Tested);

    public int AgreeingCount => Rows.Count(r => r.Tested && r.Agrees);

    public int DisagreeingCount => Rows.Count(r => r.Tested && !r.Agrees);

    public IEnumerable<PublishedRowResult> Failures => Rows.Where(r => !r.Holds);
}
