using System.Text.Json;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

public class RulesCheckCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GradingCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const string BrokenThresholds = """
        default:
          - grade: good
            when: strengths.count >= 1
          - grade: outstanding
            when: strengths.count >= 2
          - grade: inadequate
            otherwise: true
        """;

    [Fact]
    public void RulesCheck_ShippedRulebook_Exit0WithExhaustiveAnalysis()
    {
        var (code, stdout, stderr) = Run("rules", "check", Repo.DefaultRules);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("thresholds Q3 (default table):", stdout);
        Assert.Contains("outcome profiles checked exhaustively", stdout);
        Assert.Contains("roll-up: 625 combinations of question grades checked exhaustively; grades produced: outstanding, good, requires-improvement, inadequate, not-graded", stdout);
        Assert.EndsWith("0 errors, 0 warnings\n", stdout);
    }

    [Fact]
    public void RulesCheck_NoDirectory_ChecksTheShippedRulebook()
    {
        var (code, stdout, _) = Run("rules", "check");

        Assert.Equal(0, code);
        Assert.Contains("rulebook peel-2015-effectiveness", stdout);
    }

    [Fact]
    public void RulesCheck_BrokenCopy_Exit2AllErrorsLocatedOnStderr()
    {
        using var temp = new TempFolder();
        var rules = new MiniRulebook().With("thresholds.yaml", BrokenThresholds).With("rollup.yaml", MiniRulebook.RollupYaml.Replace("grade: good", "grade: gud")).WriteTo(temp);

        var (code, stdout, stderr) = Run("rules", "check", rules);

        Assert.Equal(2, code);
        Assert.Matches(@"thresholds\.yaml:4:12: error GE503: ", stderr);
        Assert.Matches(@"rollup\.yaml:\d+:\d+: error GE303: unknown grade `gud`", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Contains("2 errors", stdout);
    }

    [Fact]
    public void RulesCheck_WarningsAsErrors_Exit2OnWarningOnly()
    {
        using var temp = new TempFolder();
        var codebook = MiniRulebook.CodebookYaml + """

              - id: q2.investigation.unused
                question: Q2
                area: investigation
                description: nobody reads this
                type: yes-no
            """;
        var rules = new MiniRulebook().With("codebook.yaml", codebook).WriteTo(temp);

        var lenient = Run("rules", "check", rules);
        var strict = Run("rules", "check", rules, "--warnings-as-errors");

        Assert.Equal(0, lenient.Code);
        Assert.Contains("warning GE207: no criterion reads indicator `q2.investigation.unused`", lenient.Err);
        Assert.Equal(2, strict.Code);
    }

    [Fact]
    public void RulesCheck_SarifFormat_ResultsForEveryDiagnostic()
    {
        using var temp = new TempFolder();
        var rules = new MiniRulebook().With("thresholds.yaml", BrokenThresholds).WriteTo(temp);

        var (code, stdout, _) = Run("rules", "check", rules, "--format", "sarif");

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "GE503");
    }

    [Fact]
    public void RulesCheck_JsonFormat_ListsDiagnosticsAndAnalyses()
    {
        var (code, stdout, _) = Run("rules", "check", Repo.DefaultRules, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        var analyses = json.RootElement.GetProperty("analyses").EnumerateArray().ToList();
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "overall"], analyses.Select(a => a.GetProperty("subject").GetString()));
        Assert.All(analyses, a => Assert.True(a.GetProperty("exhaustive").GetBoolean()));
    }
}
