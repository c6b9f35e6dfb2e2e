namespace GradingEngine.Tooling.RuleTests;

/// <summary>Coverage of a whole run: per question in rulebook order, totals, and the roll-up table.</summary>
public sealed record RuleTestCoverage(IReadOnlyList<QuestionCoverage> Questions, TableCoverage Rollup, IReadOnlyList<string> RollupExercisedBy)
{
    public const string CriteriaName = "criteria";
    public const string ThresholdsName = "threshold rules";
    public const string RollupName = "roll-up rules";

    public CoverageFigure Criteria => CoverageFigure.Sum(Questions.Select(q => q.CriteriaFigure));

    public CoverageFigure Thresholds => CoverageFigure.Sum(Questions.Select(q => q.Thresholds.Figure));

    /// <summary>The three figures a minimum applies to, by name, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, CoverageFigure>> Totals =>
    [
        KeyValuePair.Create(CriteriaName, Criteria),
        KeyValuePair.Create(ThresholdsName, Thresholds),
        KeyValuePair.Create(RollupName, Rollup.Figure),
    ];

    /// <summary>The totals below <paramref name="minimumPercent"/>; empty when every one reaches it.</summary>
    public IReadOnlyList<KeyValuePair<string, CoverageFigure>> Below(decimal minimumPercent) =>
        Totals.Where(t => t.Value.IsBelow(minimumPercent)).ToList();
}
