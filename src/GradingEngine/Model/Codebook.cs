namespace GradingEngine.Model;

public sealed record Codebook(IReadOnlyList<JudgementScale> Scales, IReadOnlyList<Indicator> Indicators)
{
    private readonly Dictionary<string, Indicator> _byId = Indicators
        .GroupBy(i => i.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public Indicator? Find(string id) => _byId.GetValueOrDefault(id);
}
