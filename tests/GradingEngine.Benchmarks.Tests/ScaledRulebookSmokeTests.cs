using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Benchmarks.Tests;

/// <summary>
/// The rulebook-scaling series' input (Corpus/ScaledRulebook.cs, issue #19) at a small size: the shipped PEEL
/// 2015 rulebook grown to 300 criteria checks with no errors, holds exactly the criteria asked for, and is
/// written byte for byte the same twice. No timings.
/// </summary>
public class ScaledRulebookSmokeTests
{
    private static readonly string Shipped = Path.Combine(Repo.Root, "rules", "peel-2015-effectiveness");

    [Theory]
    [InlineData(IndicatorCopies.Distinct)]
    [InlineData(IndicatorCopies.Shared)]
    public void ThreeHundredCriteria_CheckWithoutErrors_AndHoldEveryCriterionAskedFor(IndicatorCopies copies)
    {
        // Arrange
        using var temp = new TempFolder();
        var shipped = GradingPipeline.CheckRulebook(Shipped).Value!.Rulebook;

        // Act
        var info = ScaledRulebook.Write(Shipped, Path.Combine(temp.Path, "rules"), 300, copies);
        var check = GradingPipeline.CheckRulebook(info.Directory);

        // Assert
        Assert.True(check.Succeeded, string.Join("\n", check.Errors));
        var rulebook = check.Value!.Rulebook;
        Assert.Equal(300, rulebook.Criteria.Count);
        Assert.Equal(300, info.Criteria);
        Assert.Equal(300, rulebook.Criteria.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.False(Directory.Exists(Path.Combine(info.Directory, "tests")));
        // 190 copies: one whole cycle of the 110 shipped criteria and the first 80 again, each in its question.
        var original = shipped.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Assert.All(rulebook.Criteria.Skip(110), c => Assert.Equal(original[c.Id[..c.Id.LastIndexOf(".copy", StringComparison.Ordinal)]].QuestionId, c.QuestionId));
        var indicators = rulebook.Codebook.Indicators.Count;
        Assert.Equal(info.Indicators, indicators);
        if (copies == IndicatorCopies.Shared) Assert.Equal(shipped.Codebook.Indicators.Count, indicators);
        else Assert.True(indicators > shipped.Codebook.Indicators.Count, $"{indicators} indicators: the copies read none of their own");
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var first = ScaledRulebook.Write(Shipped, Path.Combine(temp.Path, "a"), 300, IndicatorCopies.Distinct).Directory;
        var second = ScaledRulebook.Write(Shipped, Path.Combine(temp.Path, "b"), 300, IndicatorCopies.Distinct).Directory;

        // Assert
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }
}
