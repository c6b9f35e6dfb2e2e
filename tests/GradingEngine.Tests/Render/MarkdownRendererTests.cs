using System.Globalization;
using System.Text.RegularExpressions;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>The Markdown report: structure on the seed, escaping of hostile text, and byte-for-byte determinism.</summary>
public class MarkdownRendererTests
{
    private static readonly Lazy<string> Seed = new(() => MarkdownRenderer.Render(SeedGrading.Result));

    private static readonly Regex UnescapedPipe = new(@"(?<!\\)\|");

    [Fact]
    public void Render_Seed_EveryQuestionHeadedWithItsGradeAndInTheSummary()
    {
        var lines = Seed.Value.Split('\n');

        Assert.Equal("# West Mercia Police: inspection west-mercia-2015-effectiveness", lines[0]);
        Assert.All(SeedGrading.Result.Questions, q =>
        {
            Assert.Contains($"## {q.Question.Id}: {q.Grade!.Name}", lines);
            Assert.Single(lines, l => l.StartsWith($"| {q.Question.Id} | ", StringComparison.Ordinal) && l.EndsWith($" | {q.Grade!.Name} |", StringComparison.Ordinal));
        });
        Assert.Contains($"## Overall: {SeedGrading.Result.Overall!.Grade.Name}", lines);
        Assert.Contains($"| **Overall** | | **{SeedGrading.Result.Overall!.Grade.Name}** |", lines);
        Assert.Equal(["good", "good", "requires-improvement", "requires-improvement"], SeedGrading.Result.Questions.Select(q => q.Grade!.Id));
    }

    [Fact]
    public void Render_Seed_AnnexADefinitionOfEveryGradeGiven()
    {
        var result = SeedGrading.Result;

        foreach (var grade in result.Questions.Select(q => q.Grade!).Append(result.Overall!.Grade))
        {
            var defined = result.Rulebook.Scale.Find(grade.Id)!;
            Assert.False(string.IsNullOrWhiteSpace(defined.Definition));
            Assert.Contains($"**Annex A, {defined.Name}:** {MarkdownText.Escape(defined.Definition)}\n", Seed.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Seed_DecidingRuleWithLocationConditionReasonAndValues()
    {
        var q1 = SeedGrading.Result.Find("Q1")!;

        Assert.Contains("Rule 2 of the default thresholds table, `thresholds.yaml:20`:", Seed.Value, StringComparison.Ordinal);
        Assert.Contains($"- when: `{q1.Decision!.Rule.ConditionText}`", Seed.Value, StringComparison.Ordinal);
        Assert.Contains($"- because: {MarkdownText.Escape(q1.Decision!.Rule.Because!)}", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("  | Strengths | 9 | 18 |", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("Rule 3 of the overall roll-up table, `rollup.yaml:23`:", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("- saw: Outstanding 0, Good 2, Requires improvement 2, Inadequate 0", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_EveryMetCriterionUnderItsEffectWithQuotesAndSources()
    {
        var met = SeedGrading.Result.Questions.SelectMany(q => q.Criteria).Where(c => c.Met).ToList();

        Assert.NotEmpty(met);
        Assert.All(met, c =>
        {
            Assert.Contains($"- {MarkdownText.Escape(c.Message!)} (`{c.Criterion.Id}`, weight {c.Criterion.Weight}, `", Seed.Value, StringComparison.Ordinal);
            Assert.All(c.Evidence, f =>
            {
                Assert.Contains($"  - {f.Id}: `{f.IndicatorId}` = ", Seed.Value, StringComparison.Ordinal);
                Assert.Contains($"; source: {MarkdownText.Escape(f.Source)}\n", Seed.Value, StringComparison.Ordinal);
                Assert.Contains($"    > {MarkdownText.Escape(f.Quote)}\n", Seed.Value, StringComparison.Ordinal);
            });
        });
        Assert.Contains("### Strengths (9)", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("### Areas for improvement (2)", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("### Causes of concern (0)", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("### Notable practice (0)", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_WhyNotHigherAndHowCloseToLowerWithChangesMappedToFindings()
    {
        var result = SeedGrading.Result;

        foreach (var question in result.Questions)
        {
            var outlook = result.OutlookOf(question.Question.Id)!;
            var section = Section(Seed.Value, $"## {question.Question.Id}: ");
            Assert.Contains($"### Why not {outlook.Higher!.Grade!.Name}\n", section, StringComparison.Ordinal);
            Assert.Contains($"### How close to {outlook.Lower!.Grade!.Name}\n", section, StringComparison.Ordinal);
            Assert.All(outlook.Higher.Gaps, gap => Assert.Contains($"- {MarkdownText.Rich(gap)}\n", section, StringComparison.Ordinal));
            foreach (var step in new[] { outlook.Higher, outlook.Lower })
            {
                Assert.All(step.CriterionChanges.SelectMany(set => set), change => Assert.Contains(
                    $"`{change.Criterion.Id}` {(change.BecomesMet ? "met" : "not met")} (findings {string.Join(", ", change.Findings.Select(f => f.Id))})",
                    section, StringComparison.Ordinal));
            }
        }
        var overall = Section(Seed.Value, "## Overall: ");
        Assert.Contains("### Why not Good\n", overall, StringComparison.Ordinal);
        Assert.Contains("1. Q3 Requires improvement to Good\n", overall, StringComparison.Ordinal);
        Assert.Contains("### How close to Inadequate\n", overall, StringComparison.Ordinal);
        Assert.Contains("gives Inadequate when no rule above it holds.", overall, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_FindingsNotConsideredAndFooterHashes()
    {
        var result = SeedGrading.Result;

        Assert.All(result.Questions, q => Assert.Contains(
            $"### Findings not considered ({result.NotConsidered.Count(f => f.QuestionId == q.Question.Id)})", Seed.Value, StringComparison.Ordinal));
        Assert.EndsWith(
            $"---\n\nRulebook `peel-2015-effectiveness` version 2015.1, content hash `sha256:{result.Rulebook.ContentHash}`.  \n" +
            $"Findings file `seeds/west-mercia-2015/findings.yaml`, SHA-256 `{result.Inspection.Sha256}`.\n",
            Seed.Value, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", result.Inspection.Sha256);
    }

    [Fact]
    public void Render_HostileText_EscapedSoItReadsAsWritten()
    {
        var markdown = MarkdownRenderer.Render(HostileReport.Grade());
        var lines = markdown.Split('\n');

        // Outside code spans (conditions such as `weight <= 2`), no `<` can start raw HTML: every one is escaped.
        Assert.DoesNotMatch(@"(?<!\\)<", Regex.Replace(markdown, @"(?<!\\)(`+)[^`]+?\1", ""));
        Assert.DoesNotMatch(@"(?<!\\)\]\(", markdown);
        Assert.Contains(@"    > \<script\>alert(1)\</script\> \| pipes \| \*star\* \_under\_ \[link\](https://evil.example/x.png) \&amp; \`tick\`", lines);
        Assert.Contains(@"; source: \# Heading \<img src=x onerror=alert(1)\>", markdown, StringComparison.Ordinal);
        Assert.Contains(@"    > \- looks like a list item", lines);
        Assert.Contains(@"    > 1\. looks like an ordered list", lines);
        Assert.Equal(@"# Force \| \<b\>Bold\</b\> \#1: inspection mini-1", lines[0]);
        // The summary row keeps its three cells: the title's pipes are escaped.
        var row = Assert.Single(lines, l => l.StartsWith("| Q1 |", StringComparison.Ordinal));
        Assert.Equal(4, UnescapedPipe.Matches(row).Count);
        Assert.Contains(@"How \| well \<em\>does\</em\> it \*prevent\*? \#", row, StringComparison.Ordinal);
        // Only the report's own headings start with `#`.
        Assert.All(lines.Where(l => l.StartsWith('#')), l => Assert.Matches(@"^#{1,3} (Force|Summary|Q\d|Overall|Decided|Strengths|Areas|Causes|Notable|Criteria|Why not|How close|Findings)", l));
    }

    [Fact]
    public void Escape_LineStartAndInlineSyntax_BackslashEscaped()
    {
        Assert.Equal(@"\- item", MarkdownText.Escape("- item"));
        Assert.Equal(@"\+ item", MarkdownText.Escape("+ item"));
        Assert.Equal(@"\===", MarkdownText.Escape("==="));
        Assert.Equal(@"12\) item", MarkdownText.Escape("12) item"));
        Assert.Equal("-10.9", MarkdownText.Escape("-10.9", lineStart: false));
        Assert.Equal(@"a \\ b\\", MarkdownText.Escape("a \\ b\\"));
        Assert.Equal("two lines", MarkdownText.Escape("two\r\n  lines"));
        Assert.Equal("``a`b``", MarkdownText.Code("a`b"));
        Assert.Equal("`` `x` ``", MarkdownText.Code("`x`"));
    }

    [Fact]
    public void Render_Seed_SameBytesTwiceAndUnderGermanCulture()
    {
        var first = MarkdownRenderer.Render(SeedGrading.Result);
        var second = MarkdownRenderer.Render(SeedGrading.Result);
        var german = InCulture("de-DE", () => MarkdownRenderer.Render(SeedGrading.Result));

        Assert.Equal(first, second);
        Assert.Equal(first, german);
        Assert.DoesNotContain('\r', first);
        Assert.Contains("= -10.9;", first, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMany_TwoInspections_ReportsOneAfterTheOther()
    {
        var many = MarkdownRenderer.RenderMany([SeedGrading.Result, HostileReport.Grade()]);

        Assert.Equal(2, many.Split('\n').Count(l => l.StartsWith("# ", StringComparison.Ordinal)));
        Assert.StartsWith(Seed.Value + "\n# Force", many, StringComparison.Ordinal);
    }

    /// <summary>From the line starting with <paramref name="heading"/> to the next `## ` heading or the footer.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section `{heading}`");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        if (end < 0) end = markdown.IndexOf("\n---\n", start + 1, StringComparison.Ordinal);
        return markdown[start..end];
    }

    internal static T InCulture<T>(string name, Func<T> action)
    {
        var culture = CultureInfo.CurrentCulture;
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public void Render_OverallCappedByABreach_ShowsTheCountsItSawAsWritten()
    {
        var markdown = MarkdownRenderer.Render(BreachRollup.Result);

        Assert.Contains("- saw: Outstanding 0, Good 2, Requires improvement 0, Inadequate 0, `findings.count` 3, `findings.breach-of-regulation` 1, `findings.notable-practice` 0", markdown);
        Assert.Contains("`no-better-than: requires-improvement` when `findings.breach-of-regulation >= 1`, so Good becomes Requires improvement.", markdown);
    }
}
