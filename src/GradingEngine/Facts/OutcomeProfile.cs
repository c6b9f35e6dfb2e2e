using GradingEngine.Model;

namespace GradingEngine.Facts;

/// <summary>
/// A question's outcome profile: count and total weight of met criteria per effect (in the order the rulebook declares
/// its effects), and how many findings the question has, in all and of each kind (in codebook order). Summed from
/// every <see cref="CriterionMet"/> of the question once all have fired, so no grade depends on firing order.
/// </summary>
internal sealed class OutcomeProfile(string questionId, int[] counts, int[] weights, int findings, int[] kinds, decimal?[]? values = null,
    decimal?[]? inputs = null)
{
    private readonly decimal?[] _values = values ?? [];

    public string QuestionId { get; } = questionId;

    public int Count(int effect) => counts[effect];

    public int Weight(int effect) => weights[effect];

    /// <summary>The question's findings: all of them, or those of one kind (<paramref name="kind"/> >= 0).</summary>
    public int Findings(int kind) => kind < 0 ? findings : kinds[kind];

    /// <summary>A named value of the question, by its index among the rulebook's value ids: undefined when it has no value there.</summary>
    public decimal? Value(int index) => index < _values.Length ? _values[index] : null;

    /// <summary>The input of a banded value (the number its band is found for), for the trace; null for any other.</summary>
    public decimal? Input(int index) => inputs is not null && index < inputs.Length ? inputs[index] : null;

    /// <summary>The profile of a question's met criteria and findings.</summary>
    public static OutcomeProfile Of(string questionId, IEnumerable<CriterionMet> met, IReadOnlyList<FindingFact> all, int effects, int kindCount, decimal?[]? values = null,
        decimal?[]? inputs = null)
    {
        var counts = new int[effects];
        var weights = new int[effects];
        foreach (var m in met)
        {
            counts[m.Effect]++;
            weights[m.Effect] += m.Weight;
        }
        var kinds = new int[kindCount];
        foreach (var f in all)
        {
            if (f.Kind >= 0) kinds[f.Kind]++;
        }
        return new OutcomeProfile(questionId, counts, weights, all.Count, kinds, values, inputs);
    }

    /// <summary>
    /// The findings of a whole inspection, in all and of each kind, as a roll-up reads them (`findings.count`,
    /// `findings.<kind>`): no criteria, no values. Counted, so independent of the findings' order.
    /// </summary>
    public static OutcomeProfile OfInspection(Codebook codebook, IEnumerable<Finding> findings)
    {
        var kinds = new int[codebook.Kinds.Count];
        var all = 0;
        foreach (var finding in findings)
        {
            all++;
            for (var k = 0; k < kinds.Length; k++)
            {
                if (codebook.Kinds[k].Id == finding.Kind) kinds[k]++;
            }
        }
        return new OutcomeProfile("", [], [], all, kinds);
    }

    /// <summary>An inspection without findings, for a roll-up of question grades given without them.</summary>
    public static OutcomeProfile NoFindings(Codebook codebook) => new("", [], [], 0, new int[codebook.Kinds.Count]);

    /// <summary>A profile given whole, for what-if questions and analysis.</summary>
    public static OutcomeProfile Of(string questionId, ReadOnlySpan<int> counts, ReadOnlySpan<int> weights, int findings = 0, ReadOnlySpan<int> kinds = default,
        decimal?[]? values = null) =>
        new(questionId, counts.ToArray(), weights.ToArray(), findings, kinds.ToArray(), values);

    internal ReadOnlySpan<int> Counts => counts;

    internal ReadOnlySpan<int> Weights => weights;

    internal ReadOnlySpan<int> Kinds => kinds;

    internal int AllFindings => findings;

    internal IReadOnlyList<decimal?> Values => _values;
}
