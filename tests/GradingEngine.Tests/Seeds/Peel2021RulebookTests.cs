using System.Text.Json;
using GradingEngine.Compile;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tests.Tooling.RuleTests;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Seeds;

/// <summary>
/// The PEEL 2021/22 rulebook (rules/peel-2021) beyond what Build/EveryRulebookTests holds for every rulebook: its
/// criteria are one template copied for each of the nine areas, it has no overall grade, its suite covers every copy,
/// row and limit with synthetic findings only, and its synthetic seed grades as the seed's test case says, with the
/// cause-of-concern cap, the innovative-practice lift and an area not inspected showing in the trace and the JSON.
/// </summary>
public class Peel2021RulebookTests
{
    private static readonly string[] Areas =
    [
        "victims", "treatment-of-the-public", "preventing-crime", "responding-to-the-public", "investigating-crime",
        "protecting-vulnerable-people", "managing-offenders", "workforce", "strategic-planning",
    ];

    private static string Rules => Path.Combine(Repo.Root, "rules", "peel-2021");

    private static string SeedFindings => Path.Combine(Repo.Seeds, "peel-2021-synthetic", "findings.yaml");

    [Fact]
    public void LoadRulebook_NineAreasFiveGrades_EveryCriterionATemplateCopyAndNoOverall()
    {
        var rulebook = GradingPipeline.LoadRulebook(Rules);
        Assert.True(rulebook.Succeeded, string.Join("\n", rulebook.Diagnostics));

        var model = rulebook.Value!.Rulebook;

        Assert.Equal(Areas, model.Questions.Select(q => q.Id));
        Assert.Equal(["outstanding", "good", "adequate", "requires-improvement", "inadequate"], model.Scale.Grades.Select(g => g.Id));
        Assert.Null(model.Rollup);
        Assert.Equal(54, model.Criteria.Count);
        Assert.All(model.Criteria, c => Assert.Equal(c.QuestionId, c.Template?.QuestionId));
        Assert.All(model.Criteria, c => Assert.EndsWith("characteristics.yaml", c.Template!.Template.Path, StringComparison.Ordinal));
        Assert.Equal(6, model.Criteria.Select(c => c.Template!.Template.Line).Distinct().Count());
    }

    [Fact]
    public void TestRulebook_Suite_EveryFigureFullyCoveredAndInlineFindingsSynthetic()
    {
        var report = RuleTestKit.AssertFullyCoveredAndSynthetic(Rules, criteria: 54, thresholds: 45, limits: 9);
        Assert.Null(report.Coverage.Rollup);
    }

    [Fact]
    public void Grade_SyntheticSeed_GradesAsItsTestCaseSaysWithCapLiftAndAreaNotInspected()
    {
        var (rulebook, inspection) = LoadSeed();

        var result = GradingPipeline.Grade(rulebook, inspection);

        Assert.Equal(
            ["victims good", "treatment-of-the-public outstanding", "preventing-crime good", "responding-to-the-public adequate",
             "investigating-crime requires-improvement", "protecting-vulnerable-people requires-improvement", "managing-offenders inadequate",
             "workforce adequate", "strategic-planning -"],
            result.Questions.Select(q => $"{q.Question.Id} {q.Grade?.Id ?? "-"}"));
        Assert.False(result.HasOverall);
        Assert.Null(result.Overall);

        var investigating = result.Find("investigating-crime")!.Decision!;
        Assert.Equal("adequate", investigating.RowGrade.Id);
        Assert.Equal("requires-improvement", investigating.LimitedBy!.Bound.Id);

        var treatment = result.Find("treatment-of-the-public")!;
        Assert.Equal("outstanding", treatment.Decision!.RowGrade.Id);
        Assert.Null(treatment.Decision.LimitedBy);
        Assert.Contains(treatment.Criteria, c => c.Criterion.Id == "treatment-of-the-public.innovative-practice" && c.Met);

        var notInspected = result.Find("strategic-planning")!;
        Assert.False(notInspected.IsGraded);
        Assert.Equal("no findings were coded for this area, so it was not inspected", notInspected.NotGraded!.Reason);
        Assert.Equal(20, inspection.Findings.Count);
    }

    [Fact]
    public void Grade_SyntheticSeedWithoutItsInnovativePractice_TreatmentOfThePublicIsGood()
    {
        var (rulebook, inspection) = LoadSeed();
        var withoutInnovation = inspection with
        {
            Findings = [.. inspection.Findings.Select(f => f.Kind == "innovative-practice" ? f with { Kind = null } : f)],
        };

        var result = GradingPipeline.Grade(rulebook, withoutInnovation);

        Assert.Equal("good", result.Find("treatment-of-the-public")!.Grade!.Id);
        Assert.Equal("requires-improvement", result.Find("investigating-crime")!.Grade!.Id);
    }

    [Fact]
    public void RenderJson_SyntheticSeed_ShowsTheCapTheLiftTheAreaNotInspectedAndNoOverall()
    {
        var (rulebook, inspection) = LoadSeed();

        using var json = JsonDocument.Parse(JsonRenderer.Render(GradingPipeline.Grade(rulebook, inspection)));

        var root = json.RootElement;
        var questions = root.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("overall").ValueKind);
        var limited = questions["investigating-crime"].GetProperty("limitedBy");
        Assert.Equal("no-better-than", limited.GetProperty("limit").GetString());
        Assert.Equal("requires-improvement", limited.GetProperty("grade").GetString());
        Assert.Equal("adequate", limited.GetProperty("rowGrade").GetString());
        var lifted = questions["treatment-of-the-public"];
        Assert.Equal("outstanding", lifted.GetProperty("grade").GetString());
        Assert.Contains(lifted.GetProperty("criteria").EnumerateArray(), c =>
            c.GetProperty("id").GetString() == "treatment-of-the-public.innovative-practice"
            && c.GetProperty("outcome").GetString() == "met"
            && c.GetProperty("templateFor").GetString() == "treatment-of-the-public");
        var notInspected = questions["strategic-planning"];
        Assert.Equal(JsonValueKind.Null, notInspected.GetProperty("grade").ValueKind);
        Assert.Equal("count(f => true) >= 1", notInspected.GetProperty("notGraded").GetProperty("requirements")[0].GetProperty("condition").GetString());
    }

    private static (CompiledRulebook Rulebook, Inspection Inspection) LoadSeed()
    {
        var rulebook = GradingPipeline.LoadRulebook(Rules);
        Assert.True(rulebook.Succeeded, string.Join("\n", rulebook.Diagnostics));
        var inspection = GradingPipeline.LoadInspection(SeedFindings, rulebook.Value!);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics));
        return (rulebook.Value!, inspection.Value!);
    }
}
