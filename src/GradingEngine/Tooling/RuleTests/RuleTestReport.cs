using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>The result of running a rulebook's tests: every case in suite order, and coverage.</summary>
public sealed record RuleTestReport(Rulebook Rulebook, RuleTestSuite Suite, IReadOnlyList<RuleCaseResult> Cases, RuleTestCoverage Coverage)
{
    public int PassedCount => Cases.Count(c => c.Passed);

    public int FailedCount => Cases.Count(c => !c.Passed);

    public bool AllPassed => FailedCount == 0;
}
