using GradingEngine.Check;
using GradingEngine.Compile.Runtime;

namespace GradingEngine.Compile;

/// <summary>
/// A threshold table as plain delegates, first match wins: the same compiled conditions the NRules
/// rules use, for asking "what if" questions without a session (counterfactuals, analysis).
/// </summary>
public sealed class GradeTableRuntime(CheckedTable table)
{
    private readonly Func<OutcomeProfile, bool>?[] _conditions = table.Rules
        .Select(r => r.Condition is null ? null : FastCompiler.Fast(ConditionCompiler.ForProfile(r.Condition)))
        .ToArray();

    public CheckedTable Table { get; } = table;

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
