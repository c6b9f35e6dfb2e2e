using GradingEngine.Trace;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>A case, the full grading of its findings, and each of its expectations checked.</summary>
public sealed record RuleCaseResult(RuleTestCase Case, GradingResult Result, IReadOnlyList<ExpectationResult> Expectations)
{
    public bool Passed => Expectations.All(e => e.Holds);

    public IEnumerable<ExpectationResult> Failures => Expectations.Where(e => !e.Holds);
}
