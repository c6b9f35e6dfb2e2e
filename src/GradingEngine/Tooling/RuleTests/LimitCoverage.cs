using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>One limit, of a question or of the roll-up, and the cases in which it set the grade.</summary>
/// <param name="Index">0-based position among its question's (or the roll-up's) limits.</param>
public sealed record LimitCoverage(int Index, Limit Limit, Grade Bound, IReadOnlyList<string> SetIn)
{
    public bool Covered => SetIn.Count > 0;
}
