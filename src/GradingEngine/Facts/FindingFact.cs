using GradingEngine.Model;

namespace GradingEngine.Facts;

/// <summary>A finding as the rules see it: typed fields ready for compiled conditions.</summary>
internal sealed class FindingFact(Finding finding, Indicator indicator)
{
    public Finding Finding { get; } = finding;
    public string Id => Finding.Id;
    public string QuestionId { get; } = indicator.QuestionId;
    public string IndicatorId { get; } = indicator.Id;
    public string AreaId { get; } = indicator.AreaId;

    /// <summary>Judgement rank on the indicator's scale, 0 = best; -1 when the indicator is not a judgement.</summary>
    public int Rank { get; } = finding.Judgement is { } j && indicator.Scale is { } s ? s.RankOf(j) : -1;

    public decimal Number { get; } = finding.Number ?? 0m;
    public bool Flag { get; } = finding.Flag ?? false;
}
