using System.Linq.Expressions;
using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// A question's named values as delegates over its evidence, computed once per inspection when its profile is made:
/// thresholds and limits read them from the profile, and the trace shows them.
/// </summary>
internal sealed class ValuesRuntime
{
    private readonly int _ids;
    private readonly (int Index, Func<QuestionEvidence, decimal?> Compute, BoundBands? Bands)[] _values;

    private ValuesRuntime(int ids, (int, Func<QuestionEvidence, decimal?>, BoundBands?)[] values)
    {
        _ids = ids;
        _values = values;
    }

    /// <summary>No values: a rulebook without values.yaml, whose profiles carry none.</summary>
    public static ValuesRuntime None { get; } = new(0, []);

    /// <summary>
    /// The expressions of a question's values; compiling them registers the evidence sources they read. A banded value's
    /// expression is its input: the band is found after, so the trace can show both.
    /// </summary>
    public static Expression<Func<QuestionEvidence, decimal?>>[] Expressions(IReadOnlyList<CheckedValue> values, Func<IReadOnlyList<Model.Indicator>, int> sourceOf) =>
        [.. values.Select(v => ConditionCompiler.NumberForEvidence(v.Definition is BoundBands b ? b.Input : v.Definition, sourceOf))];

    public static ValuesRuntime Of(int ids, IReadOnlyList<CheckedValue> values, Expression<Func<QuestionEvidence, decimal?>>[] expressions, FastCompiler compiler) =>
        ids == 0 ? None : new(ids, [.. values.Select((v, i) => (v.Index, compiler.Compile(expressions[i]), v.Definition as BoundBands))]);

    /// <summary>
    /// Every value id's value for this question (by index among the rulebook's ids), undefined where it has none; and,
    /// when it has banded values, the input of each (null otherwise).
    /// </summary>
    public (decimal?[]? Values, decimal?[]? Inputs) Compute(QuestionEvidence evidence)
    {
        if (_ids == 0) return (null, null);
        var values = new decimal?[_ids];
        decimal?[]? inputs = null;
        foreach (var (index, compute, bands) in _values)
        {
            var value = compute(evidence);
            if (bands is not null)
            {
                inputs ??= new decimal?[_ids];
                inputs[index] = value;
                value = RuleOps.Band(value, bands.From, bands.Values);
            }
            values[index] = value;
        }
        return (values, inputs);
    }
}
