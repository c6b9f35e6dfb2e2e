using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>
/// How one question's findings are grouped for its criteria. The checker narrows every aggregate's
/// variable to the indicators its filter can match (`f.indicator == "x" and ...`), and a finding of
/// any other indicator makes the filter false; so each distinct set of candidate indicators becomes a
/// source, gathered once per inspection, and a compiled aggregate scans only its source instead of
/// every finding of the question. Sources keep canonical (id) order, so results do not depend on the
/// order of the findings file.
/// </summary>
internal sealed class EvidenceLayout
{
    /// <summary>The source holding every finding of the question, for `all(f => P)`, which P must hold for.</summary>
    public const int AllFindings = -1;

    private readonly string _questionId;
    private readonly Dictionary<IReadOnlyList<Indicator>, int> _sources;
    private readonly Dictionary<string, int[]> _sourcesOf;

    private EvidenceLayout(string questionId, Dictionary<IReadOnlyList<Indicator>, int> sources, Dictionary<string, int[]> sourcesOf)
    {
        _questionId = questionId;
        _sources = sources;
        _sourcesOf = sourcesOf;
    }

    public int SourceCount => _sources.Count;

    /// <summary>The source of a set of candidate indicators that compilation registered.</summary>
    public int SourceOf(IReadOnlyList<Indicator> candidates) =>
        _sources.TryGetValue(candidates, out var index)
            ? index
            : throw new InvalidOperationException($"engine error: no evidence source for [{Key(candidates)}] in {_questionId}");

    /// <summary>Sorts one question's findings (in canonical order) into its sources. An array is kept as the evidence's `All`, not copied.</summary>
    public QuestionEvidence Gather(IReadOnlyList<FindingFact> findings)
    {
        var counts = new int[_sources.Count];
        foreach (var finding in findings)
        {
            if (!_sourcesOf.TryGetValue(finding.IndicatorId, out var sources)) continue;
            foreach (var s in sources) counts[s]++;
        }
        var arrays = new FindingFact[counts.Length][];
        for (var s = 0; s < arrays.Length; s++)
        {
            arrays[s] = counts[s] == 0 ? [] : new FindingFact[counts[s]];
            counts[s] = 0;
        }
        foreach (var finding in findings)
        {
            if (!_sourcesOf.TryGetValue(finding.IndicatorId, out var sources)) continue;
            foreach (var s in sources) arrays[s][counts[s]++] = finding;
        }
        return new QuestionEvidence(_questionId, findings as FindingFact[] ?? [.. findings], arrays);
    }

    private static string Key(IReadOnlyList<Indicator> candidates) =>
        string.Join(' ', candidates.Select(c => c.Id).Order(StringComparer.Ordinal));

    /// <summary>
    /// Lists of candidates as sets of indicator ids: the same set is the same source, whatever its order. Hashed without
    /// sorting, which for an aggregate over a whole area of a large codebook was most of the cost of finding its source.
    /// </summary>
    private sealed class SameIndicators : IEqualityComparer<IReadOnlyList<Indicator>>
    {
        public static SameIndicators Instance { get; } = new();

        public bool Equals(IReadOnlyList<Indicator>? x, IReadOnlyList<Indicator>? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.Count != y.Count) return false;
            var inOrder = true;
            for (var i = 0; i < x.Count && inOrder; i++) inOrder = string.Equals(x[i].Id, y[i].Id, StringComparison.Ordinal);
            return inOrder || x.Select(i => i.Id).ToHashSet(StringComparer.Ordinal).SetEquals(y.Select(i => i.Id));
        }

        public int GetHashCode(IReadOnlyList<Indicator> candidates)
        {
            // A sum, so that the order of the list does not matter; duplicates do not occur (ids are unique in a question).
            var hash = candidates.Count;
            foreach (var indicator in candidates) hash += StringComparer.Ordinal.GetHashCode(indicator.Id);
            return hash;
        }
    }

    /// <summary>Collects the sources while a question's conditions compile.</summary>
    public sealed class Builder(string questionId)
    {
        private readonly Dictionary<IReadOnlyList<Indicator>, int> _sources = new(SameIndicators.Instance);
        private readonly Dictionary<string, List<int>> _sourcesOf = new(StringComparer.Ordinal);

        // Most aggregates that range over a whole question or area share one list of candidates: its key is made once.
        private readonly Dictionary<IReadOnlyList<Indicator>, int> _seen = new(ReferenceEqualityComparer.Instance);

        public int SourceOf(IReadOnlyList<Indicator> candidates)
        {
            if (_seen.TryGetValue(candidates, out var seen)) return seen;
            if (_sources.TryGetValue(candidates, out var index)) return _seen[candidates] = index;
            _seen[candidates] = _sources.Count;
            index = _sources.Count;
            _sources.Add(candidates, index);
            foreach (var indicator in candidates)
            {
                if (!_sourcesOf.TryGetValue(indicator.Id, out var list)) _sourcesOf[indicator.Id] = list = [];
                list.Add(index);
            }
            return index;
        }

        public EvidenceLayout Build() => new(
            questionId,
            new Dictionary<IReadOnlyList<Indicator>, int>(_sources, SameIndicators.Instance),
            _sourcesOf.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
