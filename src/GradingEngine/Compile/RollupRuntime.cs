using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>
/// The roll-up as plain delegates: its table (first match wins) and the limits applied after it, over the question
/// results and the inspection's findings counts (an <see cref="OutcomeProfile"/> of <see cref="OutcomeProfile.OfInspection"/>).
/// </summary>
internal sealed class RollupRuntime(CheckedRollup rollup, ExpressionMode mode)
{
    private readonly Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool>?[] _conditions = rollup.Table.Rules
        .Select(r => r.Condition is null ? null : Compile(r.Condition, mode))
        .ToArray();

    private readonly Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool>[] _limits = rollup.Limits
        .Select(l => Compile(l.Condition, mode))
        .ToArray();

    private readonly Lazy<(BoundExpr Part, Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool> Holds)[]>[] _parts = rollup.Table.Rules
        .Select(r => new Lazy<(BoundExpr, Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool>)[]>(() => r.Condition is null
            ? []
            : BoundPrinter.Conjuncts(r.Condition).Select(p => (p, Compile(p, mode))).ToArray()))
        .ToArray();

    /// <summary>Emitted where the mode emits IL, else closures, as <see cref="GradeTableRuntime"/> does and for the same reasons.</summary>
    private static Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool> Compile(BoundExpr condition, ExpressionMode mode) =>
        FastCompiler.For(mode).Mode == ExpressionMode.Compiled
            ? FastCompiler.Default.Compile(ConditionCompiler.ForQuestions(condition))
            : Check.Analysis.RollupCondition.Compile(condition);

    public CheckedTable Table => rollup.Table;

    /// <summary>The roll-up's limits, applied after its table.</summary>
    public IReadOnlyList<CheckedLimit> Limits => rollup.Limits;

    /// <summary>What a question that is not graded does to the overall grade.</summary>
    public RollupPolicy Policy => rollup.Policy;

    /// <summary>Whether a row or limit counts the inspection's findings: the trace then shows the counts.</summary>
    public bool ReadsFindings { get; } = rollup.Table.Rules.Select(r => r.Condition).Concat(rollup.Limits.Select(l => l.Condition))
        .Any(c => c is not null && BoundPrinter.Variables(c).Any(v => v.Measure == ProfileMeasure.Findings));

    /// <summary>The `and`-ed parts of a row's condition that do not hold for these question grades and findings.</summary>
    public IEnumerable<BoundExpr> FailingParts(CheckedGradeRule row, IReadOnlyList<QuestionGradeFact> questions, OutcomeProfile findings) =>
        _parts[row.Index].Value.Where(p => !p.Holds(questions, findings)).Select(p => p.Part);

    public CheckedGradeRule? Decide(IReadOnlyList<QuestionGradeFact> questions, OutcomeProfile findings)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is not { } c || c(questions, findings)) return Table.Rules[i];
        }
        return null;
    }

    /// <summary>Which limits hold for the question grades and findings, by index.</summary>
    public bool[] Holding(IReadOnlyList<QuestionGradeFact> questions, OutcomeProfile findings) => [.. _limits.Select(l => l(questions, findings))];

    /// <summary>The overall grade's rank for these question grades and findings: the deciding row's, then the limits; -1 in a gap.</summary>
    public int Grade(IReadOnlyList<QuestionGradeFact> questions, OutcomeProfile findings)
    {
        if (Decide(questions, findings) is not { } row) return -1;
        var holding = Holding(questions, findings);
        return Check.Limits.Apply(row.Grade.Rank, Limits, k => holding[k]).Rank;
    }
}
