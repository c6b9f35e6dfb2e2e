using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Golden;

/// <summary>The seed: the shipped rulebook must reproduce the five grades HMIC published for West Mercia in 2015.</summary>
public class SeedGoldenTests
{
    private static readonly Lazy<GradingEngine.Trace.GradingResult> Seed = new(() =>
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        return GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
    });

    [Fact]
    public void Grade_WestMercia2015_ReproducesThePublishedGrades()
    {
        var result = Seed.Value;

        Assert.Equal("good", result.Find("Q1")!.Grade!.Id);
        Assert.Equal("good", result.Find("Q2")!.Grade!.Id);
        Assert.Equal("requires-improvement", result.Find("Q3")!.Grade!.Id);
        Assert.Equal("requires-improvement", result.Find("Q4")!.Grade!.Id);
        Assert.Equal("requires-improvement", result.Overall!.Grade.Id);
    }

    [Fact]
    public void Validate_WestMercia2015_AgreesWithProposedFile()
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var proposed = GradingPipeline.LoadProposed(Repo.SeedProposed, rulebook, Seed.Value.Inspection.Id);
        Assert.True(proposed.Succeeded);

        var validation = GradingPipeline.Validate(rulebook, Seed.Value, proposed.Value!);

        Assert.Equal(5, validation.Comparisons.Count);
        Assert.True(validation.AllAgree);
    }

    [Fact]
    public void Grade_WestMercia2015_MatchesGoldenJson()
    {
        // The findings path is made relative so the golden file does not depend on where the repo is.
        var result = Seed.Value with { Inspection = Seed.Value.Inspection with { Path = "seeds/west-mercia-2015/findings.yaml" } };

        Golden.Verify("west-mercia-2015.json", JsonRenderer.Render(result));
    }

    [Fact]
    public void Grade_WestMercia2015_MatchesGoldenText()
    {
        Golden.Verify("west-mercia-2015.txt", TextRenderer.Render(Seed.Value));
    }
}
