namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Coverage of a whole run: per question in rulebook order, totals, and the roll-up table and its limits (null and empty
/// when the rulebook has no overall grade).
/// </summary>
public sealed record RuleTestCoverage(
    IReadOnlyList<QuestionCoverage> Questions,
    TableCoverage? Rollup,
    IReadOnlyList<LimitCoverage> RollupLimits,
    IReadOnlyList<string> RollupExercisedBy)
{
    public const string CriteriaName = "criteria";
    public const string ThresholdsName = "threshold rules";
    public const string LimitsName = "limits";
    public const string RollupName = "roll-up rules";

    public CoverageFigure Criteria => CoverageFigure.Sum(Questions.Select(q => q.CriteriaFigure));

    public CoverageFigure Thresholds => CoverageFigure.Sum(Questions.Select(q => q.Thresholds.Figure));

    /// <summary>Every limit of every question and of the roll-up: covered when it set a grade in some case.</summary>
    public CoverageFigure Limits
    {
        get
        {
            var all = Questions.SelectMany(q => q.Limits).Concat(RollupLimits).ToList();
            return new CoverageFigure(all.Count(l => l.Covered), all.Count);
        }
    }

    /// <summary>The figures a minimum applies to, by name, in a fixed order; the roll-up's only when there is one.</summary>
    public IReadOnlyList<KeyValuePair<string, CoverageFigure>> Totals =>
    [
        KeyValuePair.Create(CriteriaName, Criteria),
        KeyValuePair.Create(ThresholdsName, Thresholds),
        KeyValuePair.Create(LimitsName, Limits),
        .. Rollup is { } rollup ? [KeyValuePair.Create(RollupName, rollup.Figure)] : Array.Empty<KeyValuePair<string, CoverageFigure>>(),
    ];

    /// <summary>The totals below <paramref name="minimumPercent"/>; empty when every one reaches it.</summary>
    public IReadOnlyList<KeyValuePair<string, CoverageFigure>> Below(decimal minimumPercent) =>
        Totals.Where(t => t.Value.IsBelow(minimumPercent)).ToList();
}
