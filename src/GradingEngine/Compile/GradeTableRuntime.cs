using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// A threshold table as plain delegates, first match wins: the same compiled conditions the NRules
/// rules use, for asking "what if" questions without a session (counterfactuals, analysis).
/// </summary>
internal sealed class GradeTableRuntime(CheckedTable table, ExpressionMode mode)
{
    private readonly Func<OutcomeProfile, bool>?[] _conditions = table.Rules
        .Select(r => r.Condition is null ? null : FastCompiler.For(mode).Compile(ConditionCompiler.ForProfile(r.Condition)))
        .ToArray();

    // Each row's `and`-ed parts, compiled once on first use: outlooks ask which parts fail.
    private readonly Lazy<(BoundExpr Part, Func<OutcomeProfile, bool> Holds)[]>[] _parts = table.Rules
        .Select(r => new Lazy<(BoundExpr, Func<OutcomeProfile, bool>)[]>(() => r.Condition is null
            ? []
            : BoundPrinter.Conjuncts(r.Condition).Select(p => (p, FastCompiler.For(mode).Compile(ConditionCompiler.ForProfile(p)))).ToArray()))
        .ToArray();

    public CheckedTable Table { get; } = table;

    /// <summary>The `and`-ed parts of a row's condition that do not hold for <paramref name="profile"/>.</summary>
    public IEnumerable<BoundExpr> FailingParts(CheckedGradeRule row, OutcomeProfile profile) =>
        _parts[row.Index].Value.Where(p => !p.Holds(profile)).Select(p => p.Part);

    /// <summary>The deciding row for a profile, or null in a gap (the checker rejects tables with gaps).</summary>
    public CheckedGradeRule? Decide(OutcomeProfile profile)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is not { } c || c(profile)) return Table.Rules[i];
        }
        return null;
    }
}
