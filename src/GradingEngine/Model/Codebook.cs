namespace GradingEngine.Model;

/// <summary>The judgement scales, the indicators findings are coded against, and the kinds a finding may carry.</summary>
public sealed record Codebook(IReadOnlyList<JudgementScale> Scales, IReadOnlyList<Indicator> Indicators, IReadOnlyList<FindingKind> Kinds)
{
    // The first of a duplicated id, as the checker reports the rest.
    private readonly Dictionary<string, Indicator> _byId = FirstById(Indicators);

    public Indicator? Find(string id) => _byId.GetValueOrDefault(id);

    private static Dictionary<string, Indicator> FirstById(IReadOnlyList<Indicator> indicators)
    {
        var byId = new Dictionary<string, Indicator>(indicators.Count, StringComparer.Ordinal);
        foreach (var indicator in indicators) byId.TryAdd(indicator.Id, indicator);
        return byId;
    }

    public FindingKind? FindKind(string id) => Kinds.FirstOrDefault(k => k.Id == id);
}
