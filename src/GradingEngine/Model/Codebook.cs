namespace GradingEngine.Model;

/// <summary>The judgement scales, the indicators findings are coded against, and the kinds a finding may carry.</summary>
public sealed record Codebook(IReadOnlyList<JudgementScale> Scales, IReadOnlyList<Indicator> Indicators, IReadOnlyList<FindingKind> Kinds)
{
    private readonly Dictionary<string, Indicator> _byId = Indicators
        .GroupBy(i => i.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public Indicator? Find(string id) => _byId.GetValueOrDefault(id);

    public FindingKind? FindKind(string id) => Kinds.FirstOrDefault(k => k.Id == id);
}
