using GradingEngine.Rollup;
using GradingEngine.Trace;

namespace GradingEngine.Tests.Support;

/// <summary>The seed graded once with the shipped rulebook, its findings path made relative so output does not depend on where the repo is.</summary>
public static class SeedGrading
{
    private static readonly Lazy<GradingResult> Seed = new(() =>
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
        return result with { Inspection = result.Inspection with { Path = "seeds/west-mercia-2015/findings.yaml" } };
    });

    public static GradingResult Result => Seed.Value;
}
