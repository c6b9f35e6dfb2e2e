using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Render;
using GradingEngine.Tests.Support;

namespace GradingEngine.Tests.Properties;

public class CompileForProperties
{
    /// <summary>
    /// A rulebook compiled for an inspection's indicators only grades it exactly as the full compile does: same bytes of
    /// JSON (grades, trace, criteria met and not, outlooks), whatever subset of the seed's findings it has.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property CompileFor_AnySubsetOfTheSeed_GradesAsTheFullCompile() =>
        Prop.ForAll(Gen.Elements(true, false).ArrayOf(PropertyFixtures.Seed.Findings.Count).ToArbitrary(), keep =>
        {
            var seed = PropertyFixtures.Seed;
            var inspection = seed with { Findings = [.. seed.Findings.Where((_, i) => keep[i])] };
            var scoped = GradingPipeline.CompileFor(PropertyFixtures.Shipped.Checked, [inspection]);
            return JsonRenderer.Render(GradingPipeline.Grade(scoped, inspection)) == JsonRenderer.Render(GradingPipeline.Grade(PropertyFixtures.Shipped, inspection));
        });
}
