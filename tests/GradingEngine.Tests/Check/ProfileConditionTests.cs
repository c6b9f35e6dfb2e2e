using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Conditions;
using GradingEngine.Syntax;
using GradingEngine.Load.Yaml;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Check;

/// <summary>
/// The threshold analysis evaluates conditions with <see cref="ProfileCondition"/> while the rules evaluate what
/// ConditionCompiler compiles: the two must decide every profile alike, or the analysis proves things about other rules.
/// </summary>
public class ProfileConditionTests
{
    private static BoundExpr Bind(string when) => TestKit.BindCondition(when, TestKit.ProfileContext);

    /// <summary>Counts 0 to 3 and weights 0, 1, 3 and 7 for each effect: 65,536 profiles, zeros included for division.</summary>
    private static IEnumerable<OutcomeProfile> Profiles()
    {
        int[] counts = [0, 1, 2, 3];
        int[] weights = [0, 1, 3, 7];
        for (var point = 0; point < 1 << 16; point++)
        {
            var c = new int[4];
            var w = new int[4];
            for (var e = 0; e < 4; e++)
            {
                c[e] = counts[(point >> (4 * e)) & 3];
                w[e] = weights[(point >> (4 * e + 2)) & 3];
            }
            yield return OutcomeProfile.Of("Q1", c, w);
        }
    }

    [Theory]
    [InlineData("strengths.count >= 2 and areas-for-improvement.count == 0")]
    [InlineData("causes-of-concern.count == 0 and areas-for-improvement.weight <= 5 and strengths.weight >= 2 * areas-for-improvement.weight and strengths.weight >= 6")]
    [InlineData("strengths.weight - areas-for-improvement.weight > 1 or notable-practices.count != 0")]
    [InlineData("strengths.weight / areas-for-improvement.count >= 2")]
    [InlineData("strengths.count / 3 == 1")]
    [InlineData("causes-of-concern.weight <= 0.5 * strengths.weight")]
    [InlineData("strengths.count + notable-practices.count in [1, 3]")]
    [InlineData("not (causes-of-concern.count > 0) or notable-practices.weight != 0")]
    [InlineData("-strengths.count < -1")]
    [InlineData("(strengths.count > 1) == (areas-for-improvement.count > 1)")]
    [InlineData("(strengths.count > 1) != (notable-practices.weight > 1)")]
    [InlineData("strengths.count < 2 or strengths.count > 2")]
    [InlineData("strengths.weight * 79228162514264337593543950335 * 2 > 0 or strengths.count == 1")]
    [InlineData("areas-for-improvement.count <= 1 and not (strengths.count < 1 or causes-of-concern.weight >= 3)")]
    public void Compile_AnyProfile_DecidesLikeTheCompiledRule(string when)
    {
        // Arrange
        var bound = Bind(when);
        var compiled = ConditionCompiler.ForProfile(bound).Compile();

        // Act
        var closures = ProfileCondition.Compile(bound);

        // Assert
        var held = 0;
        foreach (var profile in Profiles())
        {
            var expected = compiled(profile);
            Assert.True(expected == closures(profile),
                $"`{when}` at counts [{string.Join(", ", profile.Counts.ToArray())}], weights [{string.Join(", ", profile.Weights.ToArray())}]: the rule says {expected}");
            if (expected) held++;
        }
        Assert.InRange(held, 1, (1 << 16) - 1);
    }
}
