using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>The text report: the summary first, wrapped to the width given, and a brief form with only the deciding rows.</summary>
public class TextRendererTests
{
    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Fact]
    public void Render_Seed_SummaryBlockFirstWithEveryGrade()
    {
        var lines = Lines(TextRenderer.Render(SeedGrading.Result));

        var summary = Array.IndexOf(lines, "Summary");
        var firstDetail = Array.IndexOf(lines, "Q1  Good");
        Assert.Equal(3, summary);
        Assert.True(firstDetail > summary);
        var block = lines[(summary + 1)..firstDetail];
        Assert.Matches(@"^  Q1 +Good +decided by thresholds\.yaml:20 \(default table, rule 2\)$", block[0]);
        Assert.Matches(@"^  Q3 +Requires improvement +decided by thresholds\.yaml:\d+", block[2]);
        Assert.Matches(@"^  Overall +Requires improvement +decided by rollup\.yaml:\d+ \(overall table, rule \d\)$", block[4]);
        Assert.Equal("  Every finding was considered by at least one criterion.", block[5]);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(132)]
    public void Render_SeedAtWidth_NoLineLongerThanTheWidthButSingleWords(int width)
    {
        var layout = new TextLayout(width);

        var lines = Lines(TextRenderer.Render(SeedGrading.Result, layout))
            .Concat(Lines(TextRenderer.Explain(SeedGrading.Result, SeedGrading.Result.Questions[2], layout)));

        Assert.All(lines, line => Assert.True(line.Length <= width || !line.Trim().Contains(' '),
            $"{line.Length} columns at width {width}: {line}"));
    }

    [Fact]
    public void Explain_Quote_FollowsItsOpeningMarkDirectly()
    {
        var text = TextRenderer.Explain(SeedGrading.Result, SeedGrading.Result.Questions[0]);

        Assert.Contains("\"Recorded crime", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\" Recorded", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultLayout_WrapsAt96()
    {
        var lines = Lines(TextRenderer.Render(SeedGrading.Result));

        Assert.All(lines, line => Assert.True(line.Length <= TextLayout.DefaultWidth, line));
        Assert.Contains(lines, line => line.Length > 90);
        Assert.Equal(TextRenderer.Render(SeedGrading.Result), TextRenderer.Render(SeedGrading.Result, new TextLayout(96)));
    }

    [Fact]
    public void Render_Brief_OnlySummaryAndTheRowsThatDecided()
    {
        var brief = TextRenderer.Render(SeedGrading.Result, new TextLayout(Brief: true));
        var full = TextRenderer.Render(SeedGrading.Result);

        Assert.StartsWith(full[..full.IndexOf("Q1  Good", StringComparison.Ordinal)], brief, StringComparison.Ordinal);
        Assert.Equal(5, brief.Split("Decided by ").Length - 1);
        Assert.Contains("Overall  Requires improvement", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Criteria met", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Why not", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Closest to", brief, StringComparison.Ordinal);
        Assert.True(Lines(brief).Length < Lines(full).Length / 3);
    }

    [Fact]
    public void ForTerminal_NarrowOrWide_LeavesOneColumnAndKeepsTheMinimum()
    {
        Assert.Equal(119, TextLayout.ForTerminal(120));
        Assert.Equal(TextLayout.MinimumWidth, TextLayout.ForTerminal(20));
    }

    [Fact]
    public void Render_QuestionNotGraded_SummaryNamesItAndWhy()
    {
        // Arrange: the rulebook `grading init` writes, which requires a finding before it grades a question.
        using var temp = new TempFolder();
        var rules = Path.Combine(temp.Path, "new-one");
        Assert.True(GradingPipeline.InitRulebook(rules).Succeeded);
        var rulebook = GradingPipeline.LoadRulebook(rules).Value!;
        var inspection = GradingPipeline.LoadInspection(temp.Write("empty.yaml", "inspection: x\nforce: F\nframework: new-one\nfindings: []\n"), rulebook).Value!;

        // Act
        var text = TextRenderer.Render(GradingPipeline.Grade(rulebook, inspection), new TextLayout(Brief: true));

        // Assert
        Assert.Contains("Summary\n  Q1       Not graded  no findings were coded for this question, so it was not inspected\n", text, StringComparison.Ordinal);
        Assert.Contains("  Overall  Not graded  not every question is graded", text, StringComparison.Ordinal);
        Assert.Contains("  Graded on 0 of 1 questions: `Q1` not graded\n", text, StringComparison.Ordinal);
        Assert.Contains("    Requirement at thresholds.yaml:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverallCappedByABreach_ShowsTheCountsItSawAndTheLimit()
    {
        var text = TextRenderer.Render(BreachRollup.Result, new TextLayout(200));

        var overall = text[text.IndexOf("\nOverall  ", StringComparison.Ordinal)..];
        Assert.Contains("      saw outstanding 0, good 2, requires-improvement 0, inadequate 0, findings.count 3, findings.breach-of-regulation 1, findings.notable-practice 0\n", overall);
        Assert.Matches(@"    Limited by rollup\.yaml:\d+ \(no-better-than requires-improvement\): good becomes requires-improvement\n      when findings\.breach-of-regulation >= 1\n", overall);
        Assert.Contains("- limit `no-better-than: requires-improvement` holds: `findings.breach-of-regulation >= 1`: findings.breach-of-regulation is 1", overall);
    }
}
