using GradingEngine.Tooling.Agreement;
using Xunit;

namespace GradingEngine.Tests.Tooling.Agreement;

public class KappaTests
{
    private static List<(T, T)> Items<T>(params (T A, T B, int Count)[] cells) =>
        [.. cells.SelectMany(c => Enumerable.Repeat((c.A, c.B), c.Count))];

    [Fact]
    public void Cohen_TextbookTwoByTwo_IsPointFour()
    {
        // Arrange: the standard worked example (Wikipedia, "Cohen's kappa"): 50 proposals, both say yes to 20,
        // A yes and B no 5, A no and B yes 10, both no 15. pₒ = 35/50 = 0.7; pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
        var items = Items(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15));

        // Act
        var kappa = Kappa.Cohen(items);

        // Assert
        Assert.Equal(0.4, kappa!.Value, 12);
    }

    [Fact]
    public void Cohen_ThreeCategories_MatchesTheHandComputedValue()
    {
        // Arrange: 13 items; A's categories 6/4/3, B's 5/5/3; 9 agree. (n·agreed - Σrc) / (n² - Σrc)
        // = (13·9 - (6·5 + 4·5 + 3·3)) / (169 - 59) = 58 / 110 = 29/55.
        var items = Items(("a", "a", 4), ("a", "b", 2), ("b", "b", 3), ("b", "c", 1), ("c", "c", 2), ("c", "a", 1));

        // Act
        var kappa = Kappa.Cohen(items);

        // Assert
        Assert.Equal(29.0 / 55, kappa!.Value, 12);
    }

    [Theory]
    [InlineData("linear", 6.0 / 11)]
    [InlineData("quadratic", 118.0 / 209)]
    public void Weighted_ThreeLevels_MatchesTheHandComputedValue(string weighting, double expected)
    {
        // Arrange: the same 13 items on an ordinal scale 0 < 1 < 2. Rows (A) 6, 4, 3; columns (B) 5, 5, 3.
        // Linear: observed Σ|a-b| = 2·1 + 1·1 + 1·2 = 5; expected Σ|i-j|·rᵢcⱼ = 6·5·1 + 6·3·2 + 4·5·1 + 4·3·1 + 3·5·2 + 3·5·1 = 143;
        //   κ = 1 - 13·5/143 = 6/11.
        // Quadratic: observed 2·1 + 1·1 + 1·4 = 7; expected 30 + 72 + 20 + 12 + 60 + 15 = 209; κ = 1 - 13·7/209 = 118/209.
        var items = Items((0, 0, 4), (0, 1, 2), (1, 1, 3), (1, 2, 1), (2, 2, 2), (2, 0, 1));

        // Act
        var kappa = Kappa.Weighted(items, 3, weighting == "linear" ? KappaWeights.Linear : KappaWeights.Quadratic);

        // Assert
        Assert.Equal(expected, kappa!.Value, 12);
    }

    [Fact]
    public void Weighted_TwoLevels_EqualsCohen()
    {
        // Arrange: on two levels every disagreement is one step, so both weightings are Cohen's kappa.
        var ranks = Items((0, 0, 20), (0, 1, 5), (1, 0, 10), (1, 1, 15));

        // Act
        var linear = Kappa.Weighted(ranks, 2, KappaWeights.Linear);
        var quadratic = Kappa.Weighted(ranks, 2, KappaWeights.Quadratic);

        // Assert
        Assert.Equal(0.4, linear!.Value, 12);
        Assert.Equal(0.4, quadratic!.Value, 12);
    }

    [Fact]
    public void Cohen_EveryItemInOneCategoryByBoth_IsUndefinedNotOne()
    {
        // Act: full agreement that chance alone explains carries no information.
        var kappa = Kappa.Cohen(Items(("x", "x", 7)));

        // Assert
        Assert.Null(kappa);
    }

    [Fact]
    public void Weighted_NoItems_IsUndefined()
    {
        // Act
        var kappa = Kappa.Weighted([], 4, KappaWeights.Linear);

        // Assert
        Assert.Null(kappa);
    }

    [Fact]
    public void Cohen_SystematicDisagreement_IsMinusOne()
    {
        // Act: (n·0 - 2) / (4 - 2).
        var kappa = Kappa.Cohen(Items(("a", "b", 1), ("b", "a", 1)));

        // Assert
        Assert.Equal(-1.0, kappa!.Value, 12);
    }

    [Fact]
    public void Figures_CountTheItemsTheyRestOn()
    {
        // Act
        var nominal = KappaFigure.Of(Items(("a", "a", 3), ("a", "b", 1)));
        var ordinal = WeightedKappaFigure.Of("scale", 4, Items((0, 0, 2), (0, 3, 1)));

        // Assert
        Assert.Equal((4, 3, 75.0), (nominal.Items, nominal.Agreed, nominal.Percent));
        Assert.Equal((3, 2), (ordinal.Items, ordinal.Agreed));
        Assert.Equal(100.0 * 2 / 3, ordinal.Percent!.Value, 12);
    }
}
