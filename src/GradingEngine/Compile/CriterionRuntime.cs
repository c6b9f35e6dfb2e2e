using System.Diagnostics;
using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Trace;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>What a criterion rule's action needs at run time: who it is and how to pick its evidence.</summary>
internal sealed class CriterionRuntime
{
    // Compiled on first use: most criteria of a large rulebook are never met by a given inspection,
    // and compiling every evidence predicate up front dominated load time. Made by whichever thread asks
    // first and published once (a race computes the same sources twice and keeps the first): no Lazy and
    // closure per criterion, of which a 10,000-criteria rulebook made 20,000 for the few it meets.
    private Source[]? _sources;
    private readonly EvidenceLayout _layout;
    private readonly ExpressionMode _mode;

    /// <summary>
    /// One top-level aggregate: its filter, polarity, the evidence source it ranges over (what it
    /// examines), and for extremes the value it ranks by.
    /// </summary>
    /// <param name="Matches">Null when every finding of the source matches.</param>
    private sealed record Source(
        Func<QuestionEvidence, FindingFact, bool>? Matches,
        bool Positive,
        int Examined,
        Func<QuestionEvidence, FindingFact, decimal?>? Key,
        bool Highest);

    public CriterionRuntime(CheckedCriterion criterion, EvidenceLayout layout, ExpressionMode mode)
    {
        Checked = criterion;
        _layout = layout;
        _mode = mode;
        NotMet = new CriterionOutcome(criterion.Criterion, false, [], null);
    }

    private Source[] Sources => Volatile.Read(ref _sources) ?? Publish(ref _sources, CompileSources());

    private static T Publish<T>(ref T? field, T value) where T : class => Interlocked.CompareExchange(ref field, value, null) ?? value;

    private Source[] CompileSources()
    {
        var layout = _layout;
        var mode = _mode;
        return Checked.Witnesses.Select(w =>
        {
            // `all(f => P)` examines every finding of the question, whatever P narrows to.
            var examined = w.Aggregate is { Kind: AggregateKind.All, Second: null }
                ? EvidenceLayout.AllFindings
                : layout.SourceOf(w.Filter.Variable.Candidates);
            var (key, highest) = w.Aggregate.Kind switch
            {
                // Ranks grow worse, so the worst judgement has the highest rank.
                AggregateKind.Worst => (Rank, true),
                AggregateKind.Best => (Rank, false),
                AggregateKind.Max => (ConditionCompiler.CompileFindingNumber(w.Aggregate.Second!, layout.SourceOf, mode), true),
                AggregateKind.Min => (ConditionCompiler.CompileFindingNumber(w.Aggregate.Second!, layout.SourceOf, mode), false),
                AggregateKind.Any or AggregateKind.All or AggregateKind.Count or AggregateKind.Sum or AggregateKind.Ratio
                    or AggregateKind.Mean or AggregateKind.Percentage =>
                    ((Func<QuestionEvidence, FindingFact, decimal?>?)null, false),
                _ => throw new UnreachableException(w.Aggregate.Kind.ToString()),
            };
            var matches = ConditionCompiler.CompileFindingPredicate(w.Filter, layout.SourceOf, overItsSource: examined != EvidenceLayout.AllFindings, mode);
            return new Source(matches, w.Positive, examined, key, highest);
        }).ToArray();
    }

    private static decimal? Rank(QuestionEvidence evidence, FindingFact finding) => finding.Rank;

    public CheckedCriterion Checked { get; }

    /// <summary>The criterion as written.</summary>
    public Criterion Criterion => Checked.Criterion;

    /// <summary>Parsed on first use: only a met criterion's message is written.</summary>
    public MessageTemplate Message => Volatile.Read(ref _message) ?? Publish(ref _message, MessageTemplate.Parse(Checked.Criterion.Message));

    private MessageTemplate? _message;

    /// <summary>The criterion's outcome whenever it is not met: the same for every inspection, so made once.</summary>
    public CriterionOutcome NotMet { get; }

    /// <summary>
    /// The findings that make the criterion met: those matching a positive aggregate's filter,
    /// and for an aggregate under `not`, the findings it examined. Sorted by id.
    /// </summary>
    public CriterionMet Met(QuestionEvidence evidence)
    {
        var witnesses = new List<FindingFact>();
        foreach (var source in Sources)
        {
            foreach (var finding in evidence.Source(source.Examined))
            {
                if (!source.Positive || source.Matches is null || source.Matches(evidence, finding)) witnesses.Add(finding);
            }
        }
        // Each source is in canonical (id) order already; only findings from several sources need merging.
        if (Sources.Length > 1)
        {
            witnesses.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            // Sources overlap: keep each finding once (equal ids are the same finding, now adjacent).
            for (var i = witnesses.Count - 1; i > 0; i--)
            {
                if (ReferenceEquals(witnesses[i], witnesses[i - 1])) witnesses.RemoveAt(i);
            }
        }
        var c = Checked.Criterion;
        return new CriterionMet(Checked.Index, Checked.Effect, c.Weight, witnesses, Representative(evidence, witnesses));
    }

    /// <summary>
    /// The finding placeholders quote: for the first positive `worst`, `best`, `min` or `max`, the finding
    /// that set its value (lowest id on ties); otherwise the first piece of evidence.
    /// </summary>
    private FindingFact? Representative(QuestionEvidence evidence, List<FindingFact> witnesses)
    {
        var source = Array.Find(Sources, s => s.Positive && s.Key is not null);
        if (source is null) return witnesses.Count > 0 ? witnesses[0] : null;
        FindingFact? best = null;
        decimal? bestKey = null;
        // The aggregate's own findings, in canonical order: its filter is tested only where it could be false.
        foreach (var finding in evidence.Source(source.Examined))
        {
            if (source.Matches?.Invoke(evidence, finding) == false || source.Key!(evidence, finding) is not { } key) continue;
            if (bestKey is null || (source.Highest ? key > bestKey : key < bestKey))
            {
                (best, bestKey) = (finding, key);
            }
        }
        return best ?? (witnesses.Count > 0 ? witnesses[0] : null);
    }

    public bool Reads(string indicatorId) => Checked.ReadIndicators.Contains(indicatorId);
}
