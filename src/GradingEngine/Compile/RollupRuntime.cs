using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>The roll-up table as plain delegates, first match wins, for counterfactuals.</summary>
internal sealed class RollupRuntime(CheckedTable table, ExpressionMode mode)
{
    private readonly Func<IEnumerable<QuestionGradeFact>, bool>?[] _conditions = table.Rules
        .Select(r => r.Condition is null ? null : FastCompiler.For(mode).Compile(ConditionCompiler.ForQuestions(r.Condition)))
        .ToArray();

    private readonly Lazy<(BoundExpr Part, Func<IEnumerable<QuestionGradeFact>, bool> Holds)[]>[] _parts = table.Rules
        .Select(r => new Lazy<(BoundExpr, Func<IEnumerable<QuestionGradeFact>, bool>)[]>(() => r.Condition is null
            ? []
            : BoundPrinter.Conjuncts(r.Condition).Select(p => (p, FastCompiler.For(mode).Compile(ConditionCompiler.ForQuestions(p)))).ToArray()))
        .ToArray();

    public CheckedTable Table { get; } = table;

    /// <summary>The `and`-ed parts of a row's condition that do not hold for these question grades.</summary>
    public IEnumerable<BoundExpr> FailingParts(CheckedGradeRule row, IReadOnlyList<QuestionGradeFact> questions) =>
        _parts[row.Index].Value.Where(p => !p.Holds(questions)).Select(p => p.Part);

    public CheckedGradeRule? Decide(IReadOnlyList<QuestionGradeFact> questions)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is not { } c || c(questions)) return Table.Rules[i];
        }
        return null;
    }
}
