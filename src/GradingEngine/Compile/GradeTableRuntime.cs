using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// How a question's grade follows from its profile, as plain delegates: its threshold table (first match wins, the same
/// compiled conditions the NRules rules use) and the limits applied after it. The rules decide the row in a session;
/// this decides the limits, and answers "what if" questions without a session (counterfactuals, outlooks).
/// </summary>
internal sealed class GradeTableRuntime(CheckedTable table, IReadOnlyList<CheckedLimit> limits, ExpressionMode mode)
{
    private readonly Func<OutcomeProfile, bool>?[] _conditions = table.Rules
        .Select(r => r.Condition is null ? null : Compile(r.Condition, mode))
        .ToArray();

    private readonly Func<OutcomeProfile, bool>[] _limits = limits
        .Select(l => Compile(l.Condition, mode))
        .ToArray();

    // Each row's `and`-ed parts, compiled once on first use: outlooks ask which parts fail.
    private readonly Lazy<(BoundExpr Part, Func<OutcomeProfile, bool> Holds)[]>[] _parts = table.Rules
        .Select(r => new Lazy<(BoundExpr, Func<OutcomeProfile, bool>)[]>(() => r.Condition is null
            ? []
            : BoundPrinter.Conjuncts(r.Condition).Select(p => (p, Compile(p, mode))).ToArray()))
        .ToArray();

    /// <summary>
    /// Emitted where the mode emits IL; else the closures the checker evaluates tables with (tests hold the two alike),
    /// because an interpreted expression tree allocates a frame and boxes its values on every call, and costs a native
    /// AOT start-up its interpreter's compile (docs/performance.md, "Rulebook scaling").
    /// </summary>
    private static Func<OutcomeProfile, bool> Compile(BoundExpr condition, ExpressionMode mode) =>
        FastCompiler.For(mode).Mode == ExpressionMode.Compiled
            ? FastCompiler.Default.Compile(ConditionCompiler.ForProfile(condition))
            : Check.Analysis.ProfileCondition.Compile(condition);

    public CheckedTable Table { get; } = table;

    public IReadOnlyList<CheckedLimit> Limits { get; } = limits;

    /// <summary>Whether a row or limit reads the question's findings counts, so a trace shows them.</summary>
    public bool ReadsFindings { get; } = table.Rules.Select(r => r.Condition).Concat(limits.Select(l => l.Condition))
        .Any(c => c is not null && BoundPrinter.Variables(c).Any(v => v.Measure == ProfileMeasure.Findings));

    /// <summary>The named values a row or limit reads (by index among the rulebook's value ids): undefined, the question cannot be graded.</summary>
    public IReadOnlyList<BoundProfileVariable> ReadsValues { get; } = [.. table.Rules.Select(r => r.Condition).Concat(limits.Select(l => l.Condition))
        .SelectMany(c => c is null ? [] : BoundPrinter.Variables(c)).Where(v => v.Measure == ProfileMeasure.Value).DistinctBy(v => v.Index).OrderBy(v => v.Index)];

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

    /// <summary>Which limits hold for the profile, by index.</summary>
    public bool[] Holding(OutcomeProfile profile) => [.. _limits.Select(l => l(profile))];

    /// <summary>The grade's rank for a profile: the deciding row's, then the limits; -1 in a gap.</summary>
    public int Grade(OutcomeProfile profile)
    {
        if (Decide(profile) is not { } row) return -1;
        var holding = Holding(profile);
        return Check.Limits.Apply(row.Grade.Rank, Limits, k => holding[k]).Rank;
    }
}
