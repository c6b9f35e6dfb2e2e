using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>One row of a threshold or roll-up table and the cases it decided.</summary>
/// <param name="Index">0-based position in its table.</param>
public sealed record RuleCoverage(int Index, GradeRule Rule, Grade Grade, IReadOnlyList<string> DecidedIn)
{
    public bool Covered => DecidedIn.Count > 0;
}
