using System.Linq.Expressions;
using GradingEngine.Check;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// A question's named values as delegates over its evidence, computed once per inspection when its profile is made:
/// thresholds and limits read them from the profile, and the trace shows them.
/// </summary>
internal sealed class ValuesRuntime
{
    private readonly int _ids;
    private readonly (int Index, Func<QuestionEvidence, decimal?> Compute)[] _values;

    private ValuesRuntime(int ids, (int, Func<QuestionEvidence, decimal?>)[] values)
    {
        _ids = ids;
        _values = values;
    }

    /// <summary>No values: a rulebook without values.yaml, whose profiles carry none.</summary>
    public static ValuesRuntime None { get; } = new(0, []);

    /// <summary>The expressions of a question's values; compiling them registers the evidence sources they read.</summary>
    public static Expression<Func<QuestionEvidence, decimal?>>[] Expressions(IReadOnlyList<CheckedValue> values, Func<IReadOnlyList<Model.Indicator>, int> sourceOf) =>
        [.. values.Select(v => ConditionCompiler.NumberForEvidence(v.Definition, sourceOf))];

    public static ValuesRuntime Of(int ids, IReadOnlyList<CheckedValue> values, Expression<Func<QuestionEvidence, decimal?>>[] expressions, FastCompiler compiler) =>
        ids == 0 ? None : new(ids, [.. values.Select((v, i) => (v.Index, compiler.Compile(expressions[i])))]);

    /// <summary>Every value id's value for this question (by index among the rulebook's ids); undefined where it has none.</summary>
    public decimal?[]? Compute(QuestionEvidence evidence)
    {
        if (_ids == 0) return null;
        var values = new decimal?[_ids];
        foreach (var (index, compute) in _values) values[index] = compute(evidence);
        return values;
    }
}
