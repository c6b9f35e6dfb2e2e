using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>`rules test` output: test-runner lines, the trace of a failure, the coverage table, and JSON.</summary>
public class RuleTestRendererTests
{
    private static RuleTestReport RunSuite(string suite)
    {
        using var temp = new TempFolder();
        return RuleTestKit.Run(RuleTestKit.Write(temp, ("cases.yaml", suite)));
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Fact]
    public void RenderText_PassingSuite_OneLinePerCaseThenTheCount()
    {
        var text = RuleTestRenderer.RenderText(RunSuite(RuleTestKit.PassingSuite), coverage: false, minimumCoverage: null);

        Assert.Equal(["PASS q1-good", "PASS q1-outstanding", "PASS q2-inadequate", "3 passed, 0 failed"], Lines(text));
    }

    [Fact]
    public void RenderText_FailingGrade_ShowsExpectedActualAndTheDecidingRule()
    {
        // Arrange
        var report = RunSuite(RuleTestKit.PassingSuite.Replace("Q1: good", "Q1: outstanding", StringComparison.Ordinal));

        // Act
        var lines = Lines(RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null));

        // Assert
        Assert.Equal("FAIL q1-good", lines[0]);
        Assert.Equal("  Q1: expected outstanding, got good  (tests/cases.yaml:9)", lines[1]);
        Assert.Equal("    Decided by thresholds.yaml:4 (default table, rule 2, good):", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("      saw strengths 1 (weight 2), areas-for-improvement 1 (weight 2)", StringComparison.Ordinal));
        Assert.Contains("    Criteria met: 2 of 6", lines);
        Assert.Contains("      Q1.priority  strength, weight 2  [F1]", lines);
        Assert.Contains("      Q1.partnership-gap  area-for-improvement, weight 2  [F2]", lines);
        Assert.Equal("2 passed, 1 failed", lines[^1]);
    }

    [Fact]
    public void RenderText_LongQuestionIds_WidenTheFirstCoverageColumn()
    {
        var report = RuleTestKit.Run(Path.Combine(Repo.Root, "rules", "ofsted-2015"), findingsRoot: Repo.Seeds);

        var lines = Lines(RuleTestRenderer.RenderText(report, coverage: true, minimumCoverage: null));

        Assert.Contains("  question                      criteria            threshold rules     cases", lines);
        Assert.Contains(lines, l => l.StartsWith("  leadership-management         12/12 100.0%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  teaching-learning-assessment  7/7 100.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderText_FailingOverall_ShowsTheRollupRuleAndQuestionGrades()
    {
        var report = RunSuite(RuleTestKit.PassingSuite.Replace("overall: requires-improvement", "overall: good", StringComparison.Ordinal));

        var lines = Lines(RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null));

        Assert.Equal("  overall: expected good, got requires-improvement  (tests/cases.yaml:10)", lines[1]);
        Assert.Equal("    Decided by rollup.yaml:6 (overall table, rule 3, requires-improvement):", lines[2]);
        Assert.Contains("    Question grades: Q1 good, Q2 requires-improvement", lines);
    }

    [Fact]
    public void RenderText_FailingCriterion_ShowsItsConditionAndEvidence()
    {
        var report = RunSuite(RuleTestKit.PassingSuite.Replace(
            "met: [Q1.priority, Q1.partnership-gap]\n      notMet: [Q1.partnership]", "met: [Q1.priority]\n      notMet: [Q1.partnership-gap]", StringComparison.Ordinal));

        var lines = Lines(RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null));

        Assert.Equal("  Q1.partnership-gap: expected not met, got met  (tests/cases.yaml:12)", lines[1]);
        Assert.StartsWith("    criteria/criteria.yaml:", lines[2], StringComparison.Ordinal);
        Assert.Contains(": when any(f => f.indicator == \"q1.partnership.working\"", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("    met on F2: Partnership working is inconsistent", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderText_Coverage_TablePerQuestionTotalsUncoveredAndRollup()
    {
        var text = RuleTestRenderer.RenderText(RunSuite(RuleTestKit.PassingSuite), coverage: true, minimumCoverage: null);

        var lines = Lines(text);
        Assert.Equal("3 passed, 0 failed", lines[3]);
        Assert.Contains("Coverage over 3 cases", lines);
        Assert.Contains("  question  criteria            threshold rules     cases", lines);
        Assert.Contains("  Q1        2/6 33.3%           2/4 50.0%               2", lines);
        Assert.Contains("  Q2        0/3 0.0%            1/4 25.0%               1", lines);
        Assert.Contains("  total     2/9 22.2%           3/8 37.5%", lines);
        Assert.Contains("    criteria never met: Q1.crime-rising, Q1.no-database, Q1.priority-failure", lines);
        Assert.Contains("    criteria never not met: Q1.priority", lines);
        Assert.Contains("    threshold rule never deciding: thresholds.yaml:6 (default rule 3, requires-improvement)", lines);
        Assert.Contains("Roll-up rules: 1/4 25.0% over 1 case", lines);
        Assert.Contains(lines, l => l.StartsWith("  rollup.yaml:6 (overall rule 3, requires-improvement)", StringComparison.Ordinal) && l.EndsWith("  1 case", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  rollup.yaml:2 (overall rule 1, outstanding)", StringComparison.Ordinal) && l.EndsWith("0 cases  (never decides)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
    }

    [Fact]
    public void RenderText_BelowMinimumCoverage_SaysWhichFigures()
    {
        var text = RuleTestRenderer.RenderText(RunSuite(RuleTestKit.PassingSuite), coverage: false, minimumCoverage: 30m);

        Assert.EndsWith("\ncoverage below 30%: criteria 22.2%, roll-up rules 25.0%\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderText_SameSuiteTwice_SameText()
    {
        var first = RuleTestRenderer.RenderText(RunSuite(RuleTestKit.PassingSuite), coverage: true, minimumCoverage: 50m);
        var second = RuleTestRenderer.RenderText(RunSuite(RuleTestKit.PassingSuite), coverage: true, minimumCoverage: 50m);

        Assert.Equal(first, second);
    }

    [Fact]
    public void RenderJson_FailingSuiteWithCoverage_HasCasesFailuresAndCoverage()
    {
        // Arrange
        var report = RunSuite(RuleTestKit.PassingSuite.Replace("Q1: good", "Q1: outstanding", StringComparison.Ordinal));

        // Act
        using var json = JsonDocument.Parse(RuleTestRenderer.RenderJson(report, coverage: true, minimumCoverage: 30m));

        // Assert
        var root = json.RootElement;
        Assert.Equal(["rulebook", "passed", "failed", "cases", "published", "coverage"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 1), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32()));
        var first = root.GetProperty("cases")[0];
        Assert.Equal(["name", "description", "file", "line", "passed", "grades", "failures"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tests/cases.yaml", first.GetProperty("file").GetString());
        Assert.Equal("good", first.GetProperty("grades").GetProperty("Q1").GetString());
        var failure = first.GetProperty("failures")[0];
        Assert.Equal(("grade", "Q1", "outstanding", "good"), (failure.GetProperty("kind").GetString(), failure.GetProperty("subject").GetString(),
            failure.GetProperty("expected").GetString(), failure.GetProperty("actual").GetString()));
        Assert.Equal(2, failure.GetProperty("decidedBy").GetProperty("rule").GetInt32());
        var coverage = root.GetProperty("coverage");
        Assert.Equal(["questions", "total", "rollupRules", "minimum", "belowMinimum"], coverage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, coverage.GetProperty("questions")[0].GetProperty("criteria").GetProperty("covered").GetInt32());
        Assert.Equal(22.2m, coverage.GetProperty("total").GetProperty("criteria").GetProperty("percent").GetDecimal());
        Assert.Equal(["criteria", "roll-up rules"], coverage.GetProperty("belowMinimum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RenderJson_WithoutCoverage_HasNoCoverageKey()
    {
        using var json = JsonDocument.Parse(RuleTestRenderer.RenderJson(RunSuite(RuleTestKit.PassingSuite), coverage: false, minimumCoverage: null));

        Assert.False(json.RootElement.TryGetProperty("coverage", out _));
    }
}
