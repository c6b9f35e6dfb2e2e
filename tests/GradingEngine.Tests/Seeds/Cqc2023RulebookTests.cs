using GradingEngine.Tests.Support;
using GradingEngine.Tests.Tooling.RuleTests;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Seeds;

/// <summary>
/// The CQC single assessment framework rulebook (rules/cqc-2023) beyond what Build/EveryRulebookTests holds for every
/// rulebook: its suite covers all 34 criteria, 20 threshold rows and 6 limits (5 of the key questions, 1 of the roll-up) with synthetic findings only, and its
/// synthetic seed grades as the seed's test case says, with the percentages and the score-of-1 limit that decide it.
/// </summary>
public class Cqc2023RulebookTests
{
    private static string Rules => Path.Combine(Repo.Root, "rules", "cqc-2023");

    private static string SeedFindings => Path.Combine(Repo.Seeds, "cqc-2023-synthetic", "findings.yaml");

    [Fact]
    public void TestRulebook_Suite_EveryFigureFullyCoveredAndInlineFindingsSynthetic()
    {
        RuleTestKit.AssertFullyCoveredAndSynthetic(Rules, criteria: 34, thresholds: 20, limits: 6);
    }

    [Fact]
    public void Grade_SyntheticSeed_GradesAsItsTestCaseSays()
    {
        var rulebook = GradingPipeline.LoadRulebook(Rules);
        Assert.True(rulebook.Succeeded, string.Join("\n", rulebook.Diagnostics));
        var inspection = GradingPipeline.LoadInspection(SeedFindings, rulebook.Value!);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics));

        var result = GradingPipeline.Grade(rulebook.Value!, inspection.Value!);

        Assert.Equal(
            ["safe good 68.75", "effective good 79.1667", "caring outstanding 95", "responsive good 71.4286", "well-led requires-improvement 68.75"],
            result.Questions.Select(q => $"{q.Question.Id} {q.Grade?.Id} {Math.Round(q.Values.Single(v => v.Definition.Id == "score-percentage").Value!.Value, 4)}"));
        var wellLed = result.Find("well-led")!.Decision!;
        Assert.Equal("good", wellLed.RowGrade.Id);
        Assert.Equal("requires-improvement", wellLed.LimitedBy!.Bound.Id);
        Assert.Equal("good", result.Overall!.Grade.Id);
        Assert.Equal(34, inspection.Value!.Findings.Count);
    }
}
