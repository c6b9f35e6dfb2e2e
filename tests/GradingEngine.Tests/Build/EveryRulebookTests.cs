using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Build;

/// <summary>
/// Continuous integration for every rulebook the repository ships: each folder under rules/ passes
/// `grading rules check --warnings-as-errors` and `grading rules test --min-coverage 100` (cases read
/// findings from seeds/), run through the command line as a methodology team would run them.
/// </summary>
public class EveryRulebookTests
{
    public static TheoryData<string> Rulebooks() => [.. Folders()];

    private static IEnumerable<string> Folders() =>
        Directory.GetDirectories(Path.Combine(Repo.Root, "rules")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void Rulebooks_RulesFolder_HoldsEveryShippedFramework()
    {
        var names = Folders().ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "peel-2015-effectiveness", "ofsted-2015", "cqc-2015", "cqc-2023", "peel-2021" });
    }

    [Theory]
    [MemberData(nameof(Rulebooks))]
    public void RulesCheck_ShippedRulebook_PassesWithWarningsAsErrors(string rulebook)
    {
        var (exit, stdout, stderr) = CliRun.Run("rules", "check", Path.Combine(Repo.Root, "rules", rulebook), "--warnings-as-errors");

        Assert.True(exit == 0, $"rules check {rulebook} exited {exit}\n{stdout}\n{stderr}");
        Assert.Contains("0 errors, 0 warnings", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Rulebooks))]
    public void RulesTest_ShippedRulebook_PassesWithFullCoverage(string rulebook)
    {
        var (exit, stdout, stderr) = CliRun.Run("rules", "test", Path.Combine(Repo.Root, "rules", rulebook), "--min-coverage", "100", "--findings-root", Repo.Seeds);

        Assert.True(exit == 0, $"rules test {rulebook} exited {exit}\n{stdout}\n{stderr}");
        Assert.Matches(@"\n\d+ passed, 0 failed\n", stdout);
    }
}
