using GradingEngine.Model;

namespace GradingEngine.Facts;

/// <summary>A finding as the rules see it: typed fields ready for compiled conditions.</summary>
internal sealed class FindingFact(Finding finding, Indicator indicator, Codebook? codebook = null)
{
    public Finding Finding { get; } = finding;
    public string Id => Finding.Id;
    public string QuestionId { get; } = indicator.QuestionId;
    public string IndicatorId { get; } = indicator.Id;
    public string AreaId { get; } = indicator.AreaId;

    /// <summary>Judgement rank on the indicator's scale, 0 = best; -1 when the indicator is not a judgement.</summary>
    public int Rank { get; } = finding.Judgement is { } j && indicator.Scale is { } s ? s.RankOf(j) : -1;

    public decimal Number { get; } = finding.Number ?? 0m;

    /// <summary>The judgement as a score, on a numeric scale; null otherwise (the checker reads it only where it is one).</summary>
    public decimal? Score { get; } = finding.Judgement is { } score && indicator.Scale is { IsNumeric: true } numeric ? numeric.ScoreOf(score) : null;

    /// <summary>The most a finding of this indicator can score (a percentage of the maximum divides by it); 0 when it is not scored.</summary>
    public decimal ScoreMaximum { get; } = indicator.Scale?.Scores?.Max ?? 0;
    public bool Flag { get; } = finding.Flag ?? false;

    /// <summary>The finding's kind as written, for `f.kind`; empty when it has none, which equals no kind's id.</summary>
    public string KindId { get; } = finding.Kind ?? "";

    /// <summary>The kind's position in the codebook, for the profile's counts; -1 when the finding has none.</summary>
    public int Kind { get; } = finding.Kind is { } k && codebook is not null ? IndexOf(codebook.Kinds, k) : -1;

    private static int IndexOf(IReadOnlyList<FindingKind> kinds, string id)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i].Id == id) return i;
        }
        return -1;
    }
}
