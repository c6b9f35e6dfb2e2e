using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>
/// The shipped PEEL 2015 rulebook's own suite (rules/peel-2015-effectiveness/tests) runs inside
/// `dotnet test`: every case passes, every threshold and roll-up rule decides a case, and at least
/// 90% of criteria are both met and not met somewhere. A change to the rules that breaks a case
/// fails the build here, not in review.
/// </summary>
public class ShippedRulebookSuiteTests
{
    private static readonly Lazy<RuleTestReport> Report = new(() => RuleTestKit.Run(Repo.DefaultRules, findingsRoot: Repo.Seeds));

    [Fact]
    public void TestRulebook_ShippedSuite_EveryCasePasses()
    {
        var failing = Report.Value.Cases.Where(c => !c.Passed)
            .Select(c => $"{c.Case.Name}: {string.Join("; ", c.Failures.Select(f => $"{f.Subject} expected {f.Expected}, got {f.Actual}"))}");

        Assert.Empty(failing);
        Assert.True(Report.Value.Cases.Count >= 20, $"only {Report.Value.Cases.Count} cases");
    }

    [Fact]
    public void TestRulebook_ShippedSuite_EveryThresholdRuleOfEveryQuestionDecidesACase()
    {
        var coverage = Report.Value.Coverage;

        var undecided = coverage.Questions.SelectMany(q => q.Thresholds.Rules.Where(r => !r.Covered).Select(r => $"{q.Question.Id} rule {r.Index + 1} ({r.Grade!.Id})"));

        Assert.Empty(undecided);
        Assert.Equal(100m, coverage.Thresholds.Percent);
        Assert.All(coverage.Questions, q => Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], q.Thresholds.Rules.Select(r => r.Grade!.Id)));
    }

    [Fact]
    public void TestRulebook_ShippedSuite_EveryRollupRuleDecidesACase()
    {
        var rollup = Report.Value.Coverage.Rollup!;

        Assert.Empty(rollup.Rules.Where(r => !r.Covered).Select(r => r.Grade!.Id));
        Assert.Equal(100m, rollup.Figure.Percent);
    }

    [Fact]
    public void TestRulebook_ShippedSuite_CriterionCoverageAtLeast90Percent()
    {
        var coverage = Report.Value.Coverage;
        var uncovered = coverage.Questions.SelectMany(q => q.Criteria).Where(c => !c.Covered).Select(c => c.Criterion.Id);

        Assert.True(!coverage.Criteria.IsBelow(90m), $"criterion coverage {coverage.Criteria.Percent}%; not covered: {string.Join(", ", uncovered)}");
        Assert.Equal(Report.Value.Rulebook.Criteria.Count, coverage.Criteria.Total);
    }

    [Fact]
    public void TestRulebook_ShippedSuite_SeedReproducesThePublishedGrades()
    {
        var seed = Report.Value.Cases.Single(c => c.Case.Name == "seed-published-grades");

        Assert.True(seed.Passed);
        Assert.Equal([("Q1", "good"), ("Q2", "good"), ("Q3", "requires-improvement"), ("Q4", "requires-improvement"), ("overall", "requires-improvement")],
            seed.Expectations.Where(e => e.Kind == ExpectationKind.Grade).Select(e => (e.Subject, e.Expected)));
        Assert.Equal(Path.GetFullPath(Repo.SeedFindings), Path.GetFullPath(seed.Case.Inspection.Path));
    }

    /// <summary>
    /// The roll-up against every grade HMIC published for 2015-2017 (seeds/published-grades): every full row agrees, and
    /// every partial row for some grades of its unknown questions; read with unknown questions good, exactly the 34 rows
    /// no roll-up can agree with disagree.
    /// </summary>
    [Fact]
    public void TestRulebook_ShippedSuite_RollupAgreesWithThePublishedGrades()
    {
        var tables = Report.Value.Published.ToDictionary(p => p.Table.Name);
        var some = tables["hmic-effectiveness-2015-2017"];
        var good = tables["hmic-effectiveness-2015-2017-unknown-good"];

        Assert.Empty(some.Failures.Select(f => f.Row.Name));
        Assert.Equal((127, 125, 125), (some.Rows.Count, some.TestedCount, some.AgreeingCount));
        Assert.Equal(8, some.Rows.Count(r => r.Tested && r.Row.IsFull));
        Assert.Null(some.Table.UnknownReadAs);
        Assert.True(good.Passed);
        Assert.Equal(("good", 91, 34), (good.Table.UnknownReadAs!.Id, good.AgreeingCount, good.DisagreeingCount));
    }

    [Fact]
    public void TestRulebook_ShippedSuite_InlineFindingsAreDescribedAsSynthetic()
    {
        var inline = Report.Value.Cases.Where(c => c.Case.Inspection.Force == RuleTestLoader.InlineForce).ToList();

        Assert.NotEmpty(inline);
        Assert.All(inline, c => Assert.StartsWith("Synthetic findings", c.Case.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void RulesTest_BrokenCopyOfShippedRulebook_Exit1AndNamesTheFailingCase()
    {
        // Arrange: the rulebook and the seed in the same layout, with "good" allowing one less
        // weight of areas for improvement (5 -> 4).
        using var temp = new TempFolder();
        var rules = Path.Combine(temp.Path, "rules", "peel-2015-effectiveness");
        CopyFolder(Repo.DefaultRules, rules);
        CopyFolder(Repo.Seeds, Path.Combine(temp.Path, "seeds"));
        var thresholds = Path.Combine(rules, "thresholds.yaml");
        var text = File.ReadAllText(thresholds);
        Assert.Contains("areas-for-improvement.weight <= 5", text, StringComparison.Ordinal);
        File.WriteAllText(thresholds, text.Replace("areas-for-improvement.weight <= 5", "areas-for-improvement.weight <= 4", StringComparison.Ordinal));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // Act
        var exit = GradingCli.Run(["rules", "test", rules, "--findings-root", Path.Combine(temp.Path, "seeds")], stdout, stderr);

        // Assert
        Assert.True((int)ExitCode.Disagree == exit, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("FAIL q1-good-at-the-limit\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("  Q1: expected good, got requires-improvement", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains(", 1 failed\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
