using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Compile;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Interpreting a rulebook's expression trees instead of emitting IL changes only the time: every
/// condition decides the same, and a whole grading (criteria, evidence, messages, grades, outlooks)
/// renders to the same bytes. The CLI interprets for a few inspections and emits for large batches,
/// and the native AOT build always interprets, so a difference here would be a grade that depends on
/// how the tool was run.
/// </summary>
public class ExpressionModeProperties
{
    private static readonly Lazy<CompiledRulebook> ShippedInterpreted = new(() =>
        PropertyFixtures.Succeed(GradingPipeline.LoadRulebook(Repo.DefaultRules, mode: ExpressionMode.Interpreted), Repo.DefaultRules));

    [Theory]
    [MemberData(nameof(EvidenceSourceProperties.Conditions), MemberType = typeof(EvidenceSourceProperties))]
    public void Condition_InterpretedAndCompiled_DecideAlike(string when)
    {
        var condition = EvidenceSourceProperties.Bind(when);
        var interpreted = ConditionCompiler.ForFindings(condition, ExpressionMode.Interpreted);
        var compiled = ConditionCompiler.ForFindings(condition, ExpressionMode.Compiled);

        var property = Prop.ForAll(EvidenceSourceProperties.FindingsArbitrary(), findings =>
            interpreted([.. findings]) == compiled([.. findings]));

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void LoadRulebook_InterpretedMode_IsKept()
    {
        Assert.Equal(ExpressionMode.Interpreted, ShippedInterpreted.Value.Mode);
    }

    /// <summary>Random subsets of the seed's findings, with outlooks: the same JSON and text from either mode.</summary>
    [Property(MaxTest = 30)]
    public Property Grade_InterpretedAndCompiled_RenderIdentically()
    {
        var seed = PropertyFixtures.Seed;
        var subsets = Gen.Elements(true, false).ArrayOf(seed.Findings.Count)
            .Select(mask => seed with { Findings = [.. seed.Findings.Where((_, i) => mask[i])] })
            .ToArbitrary();
        return Prop.ForAll(subsets, inspection =>
        {
            var compiled = GradingPipeline.Grade(PropertyFixtures.Shipped, inspection);
            var interpreted = GradingPipeline.Grade(ShippedInterpreted.Value, inspection);

            Assert.Equal(JsonRenderer.Render(compiled), JsonRenderer.Render(interpreted));
            Assert.Equal(TextRenderer.Render(compiled), TextRenderer.Render(interpreted));
        });
    }

    [Fact]
    public void Grade_SeedInEitherMode_SameGrades()
    {
        var compiled = GradingPipeline.Grade(PropertyFixtures.Shipped, PropertyFixtures.Seed);
        var interpreted = GradingPipeline.Grade(ShippedInterpreted.Value, PropertyFixtures.Seed);

        Assert.Equal(JsonRenderer.Render(compiled), JsonRenderer.Render(interpreted));
        Assert.Equal(["good", "good", "requires-improvement", "requires-improvement"], interpreted.Questions.Select(q => q.Grade!.Id));
        Assert.Equal("requires-improvement", interpreted.Overall!.Grade.Id);
    }
}
