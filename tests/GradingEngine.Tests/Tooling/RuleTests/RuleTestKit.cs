using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>Writes the mini rulebook with test files into a temp folder and runs them through the library.</summary>
internal static class RuleTestKit
{
    /// <summary>
    /// A shipped rulebook's own suite: every case passes, with these totals of criteria, threshold rows and limits, every
    /// figure covered 100%, and the findings written inside its cases said to be synthetic. The report, for more asserts.
    /// </summary>
    public static RuleTestReport AssertFullyCoveredAndSynthetic(string rules, int criteria, int thresholds, int limits)
    {
        var report = Run(rules, findingsRoot: Repo.Seeds);
        var coverage = report.Coverage;
        var inline = report.Cases.Where(c => c.Case.Inspection.Force == RuleTestLoader.InlineForce).ToList();
        Assert.All(report.Cases, c => Assert.True(c.Passed, c.Case.Name));
        Assert.Equal(criteria, coverage.Criteria.Total);
        Assert.Equal(thresholds, coverage.Thresholds.Total);
        Assert.Equal(limits, coverage.Limits.Total);
        Assert.Empty(coverage.Below(100m));
        Assert.NotEmpty(inline);
        Assert.All(inline, c => Assert.StartsWith("Synthetic", c.Case.Description, StringComparison.Ordinal));
        return report;
    }

    /// <summary>
    /// Three cases on the mini rulebook (Q1 good, Q1 outstanding, Q2 inadequate), all passing.
    /// Coverage is known by hand: see <c>RuleTestRunnerTests.Run_MiniSuite_CoverageAsComputedByHand</c>.
    /// </summary>
    public const string PassingSuite = """
        cases:
          - name: q1-good
            description: Synthetic findings, a strength and an area for improvement of weight 2.
            findings:
              - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: effective, quote: Prevention comes first., source: Synthetic}
              - {id: F2, question: Q1, indicator: q1.partnership.working, judgement: inconsistent, quote: Partnership varies., source: Synthetic}
            expect:
              grades:
                Q1: good
                overall: requires-improvement
              met: [Q1.priority, Q1.partnership-gap]
              notMet: [Q1.partnership]
          - name: q1-outstanding
            description: Synthetic findings, two strengths of total weight 3.
            findings:
              - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: effective, quote: Prevention comes first., source: Synthetic}
              - {id: F2, question: Q1, indicator: q1.partnership.working, judgement: effective, quote: Partnership works., source: Synthetic}
            expect:
              grades: {Q1: outstanding}
              met: [Q1.priority, Q1.partnership]
          - name: q2-inadequate
            description: Synthetic findings, a cause of concern.
            findings:
              - {id: F1, question: Q2, indicator: q2.investigation.quality, judgement: ineffective, quote: Investigations fail., source: Synthetic}
            expect:
              grades: {Q2: inadequate}
              met: [Q2.quality-failure]
              notMet: [Q2.quality]
        """;

    /// <summary>The mini rulebook under temp/rules with each (name, text) written to rules/tests/name; returns the rules folder.</summary>
    public static string Write(TempFolder temp, params (string Name, string Text)[] testFiles) => Write(temp, new MiniRulebook(), testFiles);

    public static string Write(TempFolder temp, MiniRulebook mini, params (string Name, string Text)[] testFiles)
    {
        var rules = mini.WriteTo(temp);
        foreach (var (name, text) in testFiles)
        {
            temp.Write(Path.Combine("rules", "tests", name), text);
        }
        return rules;
    }

    public static RuleTestReport Run(string rules, string? findingsRoot = null)
    {
        var result = GradingPipeline.TestRulebook(rules, findingsRoot: findingsRoot);
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        return result.Value!;
    }

    /// <summary>The errors of a run that must fail, with all diagnostics listed when it does not.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string rules, string? findingsRoot = null)
    {
        var result = GradingPipeline.TestRulebook(rules, findingsRoot: findingsRoot);
        Assert.False(result.Succeeded, "expected the run to fail");
        Assert.Null(result.Value);
        return result.Errors.ToList();
    }

    /// <summary>A finding for the mini rulebook in flow style, one line.</summary>
    public static string Finding(string id, string question, string indicator, string judgement) =>
        $"{{id: {id}, question: {question}, indicator: {indicator}, judgement: {judgement}, quote: A quote., source: Synthetic}}";
}
