using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile.Runtime;

namespace GradingEngine.Compile;

/// <summary>What a criterion rule's action needs at run time: who it is and how to pick its evidence.</summary>
public sealed class CriterionRuntime
{
    // Compiled on first use: most criteria of a large rulebook are never met by a given inspection,
    // and compiling every evidence predicate up front dominated load time.
    private readonly Lazy<Source[]> _sources;
    private readonly HashSet<string> _read;

    /// <summary>One top-level aggregate: its filter, polarity, the indicators it examines, and for extremes the value it ranks by.</summary>
    private sealed record Source(
        Func<IEnumerable<FindingFact>, FindingFact, bool> Matches,
        bool Positive,
        HashSet<string> Examined,
        Func<IEnumerable<FindingFact>, FindingFact, decimal?>? Key,
        bool Highest);

    public CriterionRuntime(CheckedCriterion criterion)
    {
        Criterion = criterion;
        _read = criterion.ReadIndicators.ToHashSet(StringComparer.Ordinal);
        _sources = new(() => criterion.Witnesses.Select(w =>
        {
            // `all(f => P)` examines every finding of the question, whatever P narrows to.
            var examined = w.Aggregate is { Kind: AggregateKind.All, Second: null }
                ? criterion.ReadIndicators.ToHashSet(StringComparer.Ordinal)
                : w.Filter.Variable.Candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var (key, highest) = w.Aggregate.Kind switch
            {
                // Ranks grow worse, so the worst judgement has the highest rank.
                AggregateKind.Worst => (Rank, true),
                AggregateKind.Best => (Rank, false),
                AggregateKind.Max => (ConditionCompiler.CompileFindingNumber(w.Aggregate.Second!), true),
                AggregateKind.Min => (ConditionCompiler.CompileFindingNumber(w.Aggregate.Second!), false),
                _ => ((Func<IEnumerable<FindingFact>, FindingFact, decimal?>?)null, false),
            };
            return new Source(ConditionCompiler.CompileFindingPredicate(w.Filter), w.Positive, examined, key, highest);
        }).ToArray());
    }

    private static decimal? Rank(IEnumerable<FindingFact> findings, FindingFact finding) => finding.Rank;

    public CheckedCriterion Criterion { get; }

    /// <summary>
    /// The findings that make the criterion met: those matching a positive aggregate's filter,
    /// and for an aggregate under `not`, the findings it examined. Sorted by id.
    /// </summary>
    public CriterionMet Met(IEnumerable<FindingFact> findings)
    {
        var all = findings as IReadOnlyCollection<FindingFact> ?? findings.ToList();
        var witnesses = new List<FindingFact>();
        foreach (var finding in all)
        {
            if (Array.Exists(_sources.Value, s => s.Positive ? s.Matches(all, finding) : s.Examined.Contains(finding.IndicatorId)))
            {
                witnesses.Add(finding);
            }
        }
        witnesses.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var c = Criterion.Criterion;
        return new CriterionMet(Criterion.Index, c.QuestionId, (int)c.Effect, c.Weight, witnesses, Representative(all, witnesses));
    }

    /// <summary>
    /// The finding placeholders quote: for the first positive `worst`, `best`, `min` or `max`, the finding
    /// that set its value (lowest id on ties); otherwise the first piece of evidence.
    /// </summary>
    private FindingFact? Representative(IReadOnlyCollection<FindingFact> all, List<FindingFact> witnesses)
    {
        var source = Array.Find(_sources.Value, s => s.Positive && s.Key is not null);
        if (source is null) return witnesses.Count > 0 ? witnesses[0] : null;
        FindingFact? best = null;
        decimal? bestKey = null;
        foreach (var finding in witnesses)
        {
            if (!source.Matches(all, finding) || source.Key!(all, finding) is not { } key) continue;
            if (bestKey is null || (source.Highest ? key > bestKey : key < bestKey))
            {
                (best, bestKey) = (finding, key);
            }
        }
        return best ?? (witnesses.Count > 0 ? witnesses[0] : null);
    }

    public bool Reads(string indicatorId) => _read.Contains(indicatorId);
}
