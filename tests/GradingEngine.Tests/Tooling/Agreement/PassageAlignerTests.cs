using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Tooling.Agreement;
using Xunit;

namespace GradingEngine.Tests.Tooling.Agreement;

public class PassageAlignerTests
{
    /// <summary>A finding whose quote covers report words <paramref name="first"/> to <paramref name="last"/>.</summary>
    private static Finding At(string id, string indicator, int first, int last, string judgement = "effective") =>
        new(id, "Q1", indicator, judgement, null, null, $"words {first}-{last}", "s", FieldSpans.None(SourceSpan.FileStart("f.yaml")))
        {
            QuoteAt = new QuoteLocation(1 + first / 10, 1 + last / 10, QuoteNormalisation.None, first, last),
        };

    [Fact]
    public void Align_QuotesOverlappingByHalfTheShorter_ArePaired()
    {
        // Arrange: A quotes words 10-19, B words 15-30: 5 words shared, half of A's 10.
        var a = At("a", "x", 10, 19);
        var b = At("b", "x", 15, 30);

        // Act
        var alignment = PassageAligner.Align([a], [b]);

        // Assert
        Assert.Equal(AlignmentBasis.ReportPlace, alignment.Basis);
        Assert.Equal(("a", "b", 5), (alignment.Pairs.Single().A.Id, alignment.Pairs.Single().B.Id, alignment.Pairs.Single().SharedWords));
    }

    [Fact]
    public void Align_QuotesSharingLessThanHalfTheShorter_AreNotThePassage()
    {
        // Act: 4 of A's 10 words.
        var alignment = PassageAligner.Align([At("a", "x", 10, 19)], [At("b", "x", 16, 30)]);

        // Assert
        Assert.Empty(alignment.Pairs);
        Assert.Equal(["a"], alignment.OnlyA.Select(f => f.Id));
        Assert.Equal(["b"], alignment.OnlyB.Select(f => f.Id));
    }

    [Fact]
    public void Align_TwoCandidates_PrefersTheSameIndicatorOverALargerOverlap()
    {
        // Arrange: b1 covers A's passage exactly but to another indicator; b2 covers most of it to the same one.
        var a = At("a", "x", 10, 19);
        var b1 = At("b1", "y", 10, 19);
        var b2 = At("b2", "x", 12, 19);

        // Act
        var alignment = PassageAligner.Align([a], [b1, b2]);

        // Assert
        Assert.Equal("b2", alignment.Pairs.Single().B.Id);
        Assert.Equal(["b1"], alignment.OnlyB.Select(f => f.Id));
    }

    [Fact]
    public void Align_EachFindingPairedOnce_LargestShareFirst()
    {
        // Arrange: one long A quote over two B quotes of the same indicator.
        var a = At("a", "x", 0, 39);
        var b1 = At("b1", "x", 0, 9);
        var b2 = At("b2", "x", 20, 39);

        // Act: both lie wholly inside A's quote; b2 shares more words.
        var alignment = PassageAligner.Align([a], [b1, b2]);

        // Assert
        Assert.Equal("b2", alignment.Pairs.Single().B.Id);
        Assert.Equal(["b1"], alignment.OnlyB.Select(f => f.Id));
    }

    [Fact]
    public void Align_PairsAndFindingsOnlyOneCoderMade_ComeInReportOrder()
    {
        // Act
        var alignment = PassageAligner.Align([At("z", "x", 50, 59), At("y", "x", 0, 9), At("w", "x", 100, 109)], [At("b2", "x", 0, 9), At("b1", "x", 50, 59)]);

        // Assert
        Assert.Equal(["y", "z"], alignment.Pairs.Select(p => p.A.Id));
        Assert.Equal(["w"], alignment.OnlyA.Select(f => f.Id));
    }

    [Theory]
    [InlineData("crime and anti- social behaviour", "crime and anti-social behaviour", 4)]
    [InlineData("crime and antisocial behaviour.", "Crime and anti-social behaviour", 4)]
    [InlineData("the force (IOM)9 works", "the force (IOM) works with partners", 4)]
    public void Align_WithoutAReport_QuotesAsExtractedAndAsWrittenShareTheirWords(string x, string y, int shared)
    {
        // Arrange
        Finding Quoted(string id, string quote) => new(id, "Q1", "x", "effective", null, null, quote, "s", FieldSpans.None(SourceSpan.FileStart("f.yaml")));

        // Act
        var alignment = PassageAligner.Align([Quoted("a", x)], [Quoted("b", y)]);

        // Assert
        Assert.Equal(AlignmentBasis.SharedWords, alignment.Basis);
        Assert.Equal(shared, alignment.Pairs.Single().SharedWords);
    }

    [Fact]
    public void Align_WithoutAReport_TwoCommonWordsAreNotAPassage()
    {
        // Arrange: `the force` is in both, but a passage needs three shared words.
        Finding Quoted(string id, string quote) => new(id, "Q1", "x", "effective", null, null, quote, "s", FieldSpans.None(SourceSpan.FileStart("f.yaml")));

        // Act
        var alignment = PassageAligner.Align([Quoted("a", "the force is good")], [Quoted("b", "the force lacks")]);

        // Assert
        Assert.Empty(alignment.Pairs);
    }
}
