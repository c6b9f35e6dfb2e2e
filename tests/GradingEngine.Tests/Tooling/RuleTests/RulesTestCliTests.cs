using System.Text.Json;
using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>`grading rules test` in process: exit 0 when every case passes, 1 when one fails or coverage is short, 2 on invalid input.</summary>
public class RulesTestCliTests
{
    private sealed record CliRun(int Exit, string Stdout, string Stderr);

    private static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    private static void AssertExit(ExitCode expected, CliRun run) =>
        Assert.True((int)expected == run.Exit, $"exit {run.Exit}, expected {(int)expected}\n--- stdout\n{run.Stdout}\n--- stderr\n{run.Stderr}");

    [Fact]
    public void RulesTest_PassingSuite_Exit0()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules);

        AssertExit(ExitCode.Success, run);
        Assert.EndsWith("3 passed, 0 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void RulesTest_FailingCase_Exit1AndNamesIt()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite.Replace("Q2: inadequate", "Q2: good", StringComparison.Ordinal)));

        var run = Run("rules", "test", rules);

        AssertExit(ExitCode.Disagree, run);
        Assert.Contains("FAIL q2-inadequate\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Q2: expected good, got inadequate", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void RulesTest_CoverageBelowMinimum_Exit1()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules, "--min-coverage", "50");

        AssertExit(ExitCode.Disagree, run);
        Assert.Contains("3 passed, 0 failed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("coverage below 50%: criteria 22.2%, threshold rules 37.5%, roll-up rules 25.0%", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesTest_CoverageAtMinimum_Exit0()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules, "--min-coverage", "22", "--coverage");

        AssertExit(ExitCode.Success, run);
        Assert.Contains("Coverage over 3 cases", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("coverage below", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesTest_InvalidTestFile_Exit2WithLocatedDiagnostics()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite.Replace("Q2.quality-failure", "Q2.quality-falure", StringComparison.Ordinal)));

        var run = Run("rules", "test", rules);

        AssertExit(ExitCode.InvalidInput, run);
        Assert.Matches(new Regex(@"^\S*cases\.yaml:\d+:\d+: error GE311: unknown criterion `Q2\.quality-falure`$", RegexOptions.Multiline), run.Stderr);
        Assert.Contains("help: did you mean `Q2.quality-failure`?", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void RulesTest_InvalidRulebook_Exit2()
    {
        using var temp = new TempFolder();
        var mini = new MiniRulebook().With("thresholds.yaml", MiniRulebook.ThresholdsYaml.Replace("grade: good", "grade: goood", StringComparison.Ordinal));
        var rules = RuleTestKit.Write(temp, mini, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules);

        AssertExit(ExitCode.InvalidInput, run);
        Assert.Matches(new Regex(@"^\S*thresholds\.yaml:\d+:\d+: error GE303: ", RegexOptions.Multiline), run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void RulesTest_NoTestsFolder_Exit2()
    {
        using var temp = new TempFolder();
        var rules = new MiniRulebook().WriteTo(temp);

        var run = Run("rules", "test", rules);

        AssertExit(ExitCode.InvalidInput, run);
        Assert.Contains("error GE100: tests folder not found", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150")]
    [InlineData("-1")]
    [InlineData("lots")]
    public void RulesTest_BadMinCoverage_Exit2(string value)
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules, "--min-coverage", value);

        AssertExit(ExitCode.InvalidInput, run);
        Assert.Contains("--min-coverage", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void RulesTest_Json_ParsesAndCarriesTheCounts()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", RuleTestKit.PassingSuite));

        var run = Run("rules", "test", rules, "--format", "json", "--coverage");

        AssertExit(ExitCode.Success, run);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("passed").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("coverage").GetProperty("total").GetProperty("thresholdRules").GetProperty("covered").GetInt32());
    }

    [Fact]
    public void RulesTest_NoDirectory_RunsTheShippedRulebooksSuite()
    {
        var run = Run("rules", "test");

        AssertExit(ExitCode.Success, run);
        Assert.Contains("PASS seed-published-grades\n", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\d+ passed, 0 failed$", RegexOptions.Multiline), run.Stdout);
    }
}
