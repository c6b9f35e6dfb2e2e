using GradingEngine.Check;
using GradingEngine.Compile.Runtime;

namespace GradingEngine.Compile;

/// <summary>The roll-up table as plain delegates, first match wins, for counterfactuals.</summary>
public sealed class RollupRuntime(CheckedTable table)
{
    private readonly Func<IEnumerable<QuestionGradeFact>, bool>?[] _conditions = table.Rules
        .Select(r => r.Condition is null ? null : FastCompiler.Fast(ConditionCompiler.ForQuestions(r.Condition)))
        .ToArray();

    public CheckedTable Table { get; } = table;

    public CheckedGradeRule? Decide(IReadOnlyList<QuestionGradeFact> questions)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is not { } c || c(questions)) return Table.Rules[i];
        }
        return null;
    }
}
