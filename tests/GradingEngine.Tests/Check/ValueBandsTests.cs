using GradingEngine.Diagnostics;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;
using static GradingEngine.Tests.Load.TestKit;
using TestKit = GradingEngine.Tests.Load.TestKit;

namespace GradingEngine.Tests.Check;

/// <summary>
/// Banded named values (values.yaml `bands`): a percentage mapped to a score 1 to 4 by CQC's published bands, read
/// by the thresholds; checked at load, proved over exactly the band values, graded, and shown in every trace format.
/// </summary>
public class ValueBandsTests
{
    private const string Bands = """

          - id: rating-score
            title: The percentage's band, scored 1 to 4
            value: score-percentage
            bands:
              - {from: 25, value: 1}
              - {from: 39, value: 2}
              - {from: 63, value: 3}
              - {from: 88, value: 4}
            direction: better
        """;

    private const string BandThresholds = """
        default:
          - grade: outstanding
            when: rating-score >= 4
          - grade: good
            when: rating-score == 3
          - grade: requires-improvement
            when: rating-score == 2
          - grade: inadequate
            otherwise: true
        requires:
          default:
            - when: count(f => true) >= 1
              because: no evidence scored
        limits:
          default:
            - no-better-than: requires-improvement
              when: lowest-score == 1
              because: a score of 1 limits the rating
        """;

    private static MiniRulebook Banded(string bands = Bands, string thresholds = BandThresholds) =>
        ScoredRulebook.Create().With("values.yaml", ScoredRulebook.ValuesYaml + bands).With("thresholds.yaml", thresholds);

    private static readonly Lazy<GradingEngine.Trace.GradingResult> Graded = new(() => Grade(TestKit.Compile(Banded()), ScoredRulebook.FindingsYaml));

    [Fact]
    public void Check_ThresholdsReadingABandedValue_ProvedWithoutWarnings()
    {
        var result = TestKit.Check(Banded());

        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Result.Value!.Analyses, a => Assert.True(a.Exhaustive, a.Subject));
        Assert.Equal(["good", "inadequate", "outstanding", "requires-improvement"],
            result.Result.Value!.Analyses.Single(a => a.Subject == "Q1").GradesProduced.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Grade_ScoredFindings_ValueIsTheBandOfItsInput()
    {
        var result = Graded.Value;

        // Q1: 63% is the first number of the 63-87 band: 3, good. Q2: 75%, also 3, capped by its score of 1.
        var q1 = result.Questions.Single(q => q.Question.Id == "Q1");
        var rating = q1.Values.Single(v => v.Definition.Id == "rating-score");
        Assert.Equal(3m, rating.Value);
        Assert.Equal(63m, rating.Input);
        Assert.Equal(63m, rating.Band!.From);
        Assert.Equal("good", q1.Grade!.Id);
        var q2 = result.Questions.Single(q => q.Question.Id == "Q2");
        Assert.Equal(3m, q2.Values.Single(v => v.Definition.Id == "rating-score").Value);
        Assert.Equal("requires-improvement", q2.Grade!.Id);
    }

    [Fact]
    public void Render_BandedValue_EveryFormatShowsItsInputAndBand()
    {
        var result = Graded.Value;

        var text = TextRenderer.Render(result);
        Assert.Contains("rating-score = 3  (values.yaml:", text);
        Assert.Matches(@"bands: input 63 is in the band from 63 \(values\.yaml:\d+\)", text);
        var json = JsonRenderer.Render(result);
        Assert.Contains("\"input\": 63,", json);
        Assert.Matches("\"band\": \\{\\s*\"from\": 63,\\s*\"value\": 3,\\s*\"line\": \\d+", json);
        Assert.Contains("; bands: input 63 is in the band from 63 (`values.yaml:", MarkdownRenderer.Render(result));
        Assert.Contains("; bands: input 63 is in the band from 63 (", HtmlRenderer.Render(result));
    }

    [Fact]
    public void Grade_InputBelowTheFirstBand_ValueUndefinedAndQuestionNotGraded()
    {
        // Bands from 70: Q1's 63% falls below every band.
        const string bands = """

              - id: rating-score
                value: score-percentage
                bands:
                  - {from: 70, value: 1}
                  - {from: 88, value: 2}
                direction: better
            """;
        const string thresholds = """
            default:
              - grade: good
                when: rating-score >= 2
              - grade: requires-improvement
                otherwise: true
            """;

        var result = Grade(TestKit.Compile(Banded(bands, thresholds)), ScoredRulebook.FindingsYaml);

        var q1 = result.Questions.Single(q => q.Question.Id == "Q1");
        Assert.Null(q1.Grade);
        Assert.Contains("`rating-score`", q1.NotGraded!.Reason);
        var rating = q1.Values.Single(v => v.Definition.Id == "rating-score");
        Assert.Null(rating.Value);
        Assert.Equal(63m, rating.Input);
        Assert.Null(rating.Band);
        Assert.Contains("bands: input 63 is below the first band, from 70, so no band", TextRenderer.Render(result));
        Assert.Contains("\"band\": null", JsonRenderer.Render(result));
    }

    [Fact]
    public void Load_BandsNotInIncreasingOrder_GE206AtTheBand()
    {
        var bands = Bands.Replace("{from: 63, value: 3}", "{from: 30, value: 3}", StringComparison.Ordinal);

        var result = TestKit.Check(Banded(bands));

        var error = SingleError(result, DiagnosticCodes.InvalidValue);
        Assert.EndsWith("values.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Contains("band `from: 30` does not come after the band before it (`from: 39`)", error.Message);
    }

    [Theory]
    [InlineData("{from: high, value: 1}", DiagnosticCodes.WrongType)]
    [InlineData("{from: 25, value: 1, to: 38}", DiagnosticCodes.UnknownKey)]
    [InlineData("{value: 1}", DiagnosticCodes.MissingKey)]
    [InlineData("{from: 1e2, value: 1}", DiagnosticCodes.WrongType)]
    public void Load_MalformedBand_Rejected(string band, string code)
    {
        var bands = Bands.Replace("{from: 25, value: 1}", band, StringComparison.Ordinal);

        var result = TestKit.Check(Banded(bands));

        Assert.False(result.Result.Succeeded);
        Assert.Contains(result.Errors, d => d.Code == code && d.Span.Path.EndsWith("values.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyBands_GE205()
    {
        var bands = "\n  - id: rating-score\n    value: score-percentage\n    bands: []\n";

        var result = TestKit.Check(Banded(bands));

        Assert.Contains(result.Errors, d => d.Code == DiagnosticCodes.EmptyList);
    }

    [Fact]
    public void Check_BandsGoingUpAndDown_GE511Warning()
    {
        var bands = Bands.Replace("{from: 63, value: 3}", "{from: 63, value: 1}", StringComparison.Ordinal);
        var thresholds = BandThresholds.Replace("rating-score == 3", "rating-score == 1", StringComparison.Ordinal);

        var result = TestKit.Check(Banded(bands, thresholds));

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BandsNotMonotone);
        Assert.False(warning.IsError);
        Assert.Contains("go up and down (1, 2, 1, 4)", warning.Message);
    }

    [Fact]
    public void Check_InputCanFallBelowTheFirstBand_GE512NamesTheLowestInput()
    {
        var bands = Bands.Replace("{from: 25, value: 1}", "{from: 30, value: 1}", StringComparison.Ordinal);

        var result = TestKit.Check(Banded(bands));

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BandsNotCovering);
        Assert.Contains("can be as low as 25, below its first band (`from: 30`)", warning.Message);
        // A default value is judged once, not once per question.
        Assert.Equal(1, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.BandsNotCovering));
    }

    [Fact]
    public void Check_TableNotMonotoneInABandedValue_GE504()
    {
        // A better band must never lower the grade: here band 2 gives outstanding and band 3 only good.
        var thresholds = BandThresholds.Replace("when: rating-score >= 4", "when: rating-score == 2", StringComparison.Ordinal);

        var result = TestKit.Check(Banded(thresholds: thresholds));

        Assert.Contains(result.Errors, d => d.Code == DiagnosticCodes.NotMonotone && d.Message.Contains("rating-score", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NumberBetweenTheBandValues_NeverConsidered_GE506()
    {
        // The bands give 1 or 3, never 2: the proofs range the value over {1, 3}, not the whole numbers from 1 to 3, so
        // the row for 2 never decides a grade and requires improvement is never produced.
        const string bands = """

              - id: rating-score
                value: score-percentage
                bands:
                  - {from: 25, value: 1}
                  - {from: 63, value: 3}
                direction: better
            """;
        const string thresholds = """
            default:
              - grade: good
                when: rating-score >= 3
              - grade: requires-improvement
                when: rating-score == 2
              - grade: inadequate
                otherwise: true
            """;

        var result = TestKit.Check(Banded(bands, thresholds));

        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.GradeNeverProduced && d.Message.Contains("`Q1`'s criteria can be graded `requires-improvement`", StringComparison.Ordinal));
        Assert.Equal(["good", "inadequate"], result.Result.Value!.Analyses.Single(a => a.Subject == "Q1").GradesProduced.Order(StringComparer.Ordinal));
    }
}
