using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Load.Quotes;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load.Quotes;

public class ReportTextTests
{
    private static QuoteLocation? Locate(string report, string quote) =>
        ReportText.Parse("report.txt", report).Locate(quote, out _, out _);

    private static readonly Lazy<ReportText> Seed = new(() =>
        ReportText.Parse("report.txt", File.ReadAllText(Path.Combine(Repo.SeedFolder, "report.txt"))));

    [Fact]
    public void Locate_QuoteAsWritten_FindsItsLinesWithNothingNormalised()
    {
        // Arrange
        const string report = "Summary.\nThe force is good at\npreventing crime, we found.\n";

        // Act
        var location = Locate(report, "is good at preventing crime");

        // Assert
        Assert.Equal(new QuoteLocation(2, 3, QuoteNormalisation.None, 3, 7), location);
    }

    [Theory]
    [InlineData("anti-social behaviour")]
    [InlineData("antisocial behaviour")]
    public void Locate_WordHyphenatedAtLineEnd_MatchesWithOrWithoutTheHyphen(string quote)
    {
        // Arrange
        const string report = "The force tackles crime and anti-\nsocial behaviour well.\n";

        // Act
        var location = Locate(report, quote);

        // Assert
        Assert.NotNull(location);
        Assert.Equal(QuoteNormalisation.LineEndHyphen, location.Normalised);
        Assert.Equal((1, 2), (location.Line, location.EndLine));
    }

    [Fact]
    public void Locate_HyphenatedWordAsExtracted_NeedsNothing()
    {
        // Act
        var location = Locate("crime and anti-\nsocial behaviour\n", "anti- social behaviour");

        // Assert
        Assert.Equal(QuoteNormalisation.None, location?.Normalised);
    }

    [Theory]
    [InlineData("such as integrated offender management (IOM) and MAPPA")]
    [InlineData("all cases. The force")]
    [InlineData("in England and Wales, with 64 percent")]
    public void Locate_FootnoteNumberAttachedToAWord_IsLeftOut(string quote)
    {
        // Arrange
        const string report = "such as integrated offender management (IOM)9 and MAPPA\nin all cases.22 The force\nin England and Wales15, with 64 percent\n";

        // Act
        var location = Locate(report, quote);

        // Assert
        Assert.Equal(QuoteNormalisation.FootnoteNumber, location?.Normalised);
    }

    [Theory]
    [InlineData("rose by 1,000 crimes", "rose by 1, crimes")]
    [InlineData("a rate of 52.1 per", "a rate of 52. per")]
    [InlineData("in Q1 and Q2", "in Q and Q2")]
    public void Locate_NumbersThatAreNotFootnotes_AreNotShortened(string report, string quote)
    {
        // Act
        var location = Locate(report + "\n", quote);

        // Assert
        Assert.Null(location);
    }

    [Fact]
    public void Locate_SentenceRunningOverAPageBreak_SkipsFootnotesAndPageNumber()
    {
        // Arrange
        var report = string.Join("\n",
            "The force response relies on traditional police enforcement ",
            "",
            new string(' ', 44),
            "21 Regional Organised Crime Units, HMIC, December 2015.",
            "www.example.org/rocu.pdf",
            "",
            "34 ",
            "",
            "and disruption. The force intends to develop it.",
            "");

        // Act
        var location = Locate(report, "The force response relies on traditional police enforcement and disruption.");

        // Assert
        Assert.NotNull(location);
        Assert.Equal(QuoteNormalisation.PageBreak, location.Normalised);
        Assert.Equal((1, 9), (location.Line, location.EndLine));
    }

    [Theory]
    [InlineData("\f")]
    [InlineData("Page 12 of 40")]
    [InlineData("__________")]
    public void Locate_EveryKindOfPageBreakLine_LetsAQuoteRunOn(string pageBreak)
    {
        // Arrange
        var report = $"the force works well\nFootnote 3: a source.\n{pageBreak}\nWest Mercia Police PEEL 2015\nwith partners to prevent crime\n";

        // Act
        var location = Locate(report, "the force works well with partners");

        // Assert
        Assert.Equal(QuoteNormalisation.PageBreak, location?.Normalised);
    }

    [Fact]
    public void Locate_QuoteStartingAfterAHyphenatedWordAndAPageBreak_StartsAtItsOwnFirstWord()
    {
        // Arrange: `information-` ends a line before a page break; joined to `Initial` after it, it ends in the
        // quote's first word, but the quote does not take anything of `information-`.
        var report = $"shares it through information-\nsharing agreements.\n{new string(' ', 44)}\n7\nInitial checks are good.9 and fast.\n";

        // Act
        var location = Locate(report, "Initial checks are good. and fast");

        // Assert
        Assert.Equal((5, 5, QuoteNormalisation.FootnoteNumber), (location?.Line, location?.EndLine, location?.Normalised));
    }

    [Fact]
    public void Locate_TextBetweenHalvesWithoutAPageBreak_IsNotSkipped()
    {
        // Arrange: "with partners" follows, but not across a page break: the words between cannot be left out.
        const string report = "the force works well\nin the county and\nwith partners to prevent crime\n";

        // Act
        var location = Locate(report, "the force works well with partners");

        // Assert
        Assert.Null(location);
    }

    [Fact]
    public void Locate_HalvesFurtherApartThanTheLimit_AreNotJoined()
    {
        // Arrange
        var furniture = string.Concat(Enumerable.Repeat("a footnote line\n", ReportText.MaxSkipLines));
        var report = $"the force works well\n34\n{furniture}with partners\n";

        // Act
        var location = Locate(report, "the force works well with partners");

        // Assert
        Assert.Null(location);
    }

    [Fact]
    public void Locate_TypographicQuotesAndDashes_MatchPlainOnes()
    {
        // Act
        var location = Locate("the force\u2019s \u201Cvision\u201D \u2013 its values\n", "the force's \"vision\" - its values");

        // Assert
        Assert.Equal(QuoteNormalisation.Typography, location?.Normalised);
    }

    [Fact]
    public void Locate_WordNotInReport_GivesHowManyWordsMatchedAndWhereItLeaves()
    {
        // Arrange
        const string quote = "crime and anti-social behavour is";

        // Act
        var location = ReportText.Parse("report.txt", "The force tackles crime and anti-\nsocial behaviour well.\n").Locate(quote, out var matched, out var departure);

        // Assert
        Assert.Null(location);
        Assert.Equal(3, matched);
        Assert.Equal(quote.IndexOf("behavour", StringComparison.Ordinal), departure);
    }

    [Fact]
    public void Locate_QuoteAcrossTheSeedsPageBreak_IsFoundOverThePagesFootnotes()
    {
        // Act: report.txt lines 1639-1665, with two footnotes, their links and page number 34 between.
        var location = Seed.Value.Locate("The force response relies on traditional police enforcement and disruption.", out _, out _);

        // Assert
        Assert.Equal((1639, 1665, QuoteNormalisation.PageBreak), (location?.Line, location?.EndLine, location?.Normalised));
    }

    [Fact]
    public void Locate_QuoteAcrossTheSeedsFootnoteNumberAndPageBreak_NeedsBoth()
    {
        // Act: "(MAPPAs).10" ends line 1308; the page's footnotes follow; " In addition" starts line 1319.
        var location = Seed.Value.Locate("repeat and high risk offenders such as IOM and multi-agency public protection arrangements (MAPPAs). In addition there are less formalised arrangements", out _, out _);

        // Assert
        Assert.Equal((1307, 1319), (location?.Line, location?.EndLine));
        Assert.Equal(QuoteNormalisation.FootnoteNumber | QuoteNormalisation.PageBreak, location?.Normalised);
    }

    [Fact]
    public void Locate_SeedsHyphenatedAntiSocial_MatchesTheWordWhole()
    {
        // Act: line 885 ends `anti-`, line 886 starts `social`.
        var location = Seed.Value.Locate("allocates officers and staff effectively to prevent crime and anti-social behaviour.", out _, out _);

        // Assert
        Assert.Equal((885, 886, QuoteNormalisation.LineEndHyphen), (location?.Line, location?.EndLine, location?.Normalised));
    }

    /// <summary>Distinct words joined by random runs of whitespace, line breaks and form feeds among them.</summary>
    private static readonly Gen<string[]> Separators =
        Gen.Elements(" ", "  ", "\t", "\n", "\r\n", " \n\n ", "\f", "\u00a0").ArrayOf();

    [Property(MaxTest = 300)]
    public Property Locate_AnyRunOfWords_IsFoundOnTheLinesItIsOn() =>
        Prop.ForAll(Arb.From(Separators.Where(s => s.Length >= 2)), Arb.From(Gen.Choose(0, 1000)), (separators, pick) =>
        {
            // Arrange: words w0..wn with separators before, between and after them
            var words = separators.Length - 1;
            var text = string.Concat(Enumerable.Range(0, words).Select(w => separators[w] + $"w{w}x")) + separators[^1];
            var lineOf = Enumerable.Range(0, words)
                .Select(w => 1 + text[..text.IndexOf($"w{w}x", StringComparison.Ordinal)].Count(c => c == '\n')).ToArray();
            var (first, last) = (pick % words, pick % words + (pick / 7) % (words - pick % words));
            var quote = string.Join(' ', Enumerable.Range(first, last - first + 1).Select(w => $"w{w}x"));

            // Act
            var report = ReportText.Parse("report.txt", text);
            var location = report.Locate(quote, out _, out _);

            // Assert
            Assert.Equal(words, report.WordCount);
            Assert.Equal((lineOf[first], lineOf[last], QuoteNormalisation.None, first, last), (location?.Line, location?.EndLine, location?.Normalised, location?.FirstWord, location?.LastWord));
        });
}
