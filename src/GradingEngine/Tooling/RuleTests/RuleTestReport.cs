using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// The result of running a rulebook's tests: every case in suite order, every published-grades table, and coverage
/// (of the cases: a published row has no findings to cover criteria or thresholds with).
/// </summary>
public sealed record RuleTestReport(
    Rulebook Rulebook,
    RuleTestSuite Suite,
    IReadOnlyList<RuleCaseResult> Cases,
    IReadOnlyList<PublishedTableResult> Published,
    RuleTestCoverage Coverage)
{
    /// <summary>Cases and published tables that pass: each table counts once, as a case does.</summary>
    public int PassedCount => Cases.Count(c => c.Passed) + Published.Count(p => p.Passed);

    public int FailedCount => Cases.Count(c => !c.Passed) + Published.Count(p => !p.Passed);

    public bool AllPassed => FailedCount == 0;
}
