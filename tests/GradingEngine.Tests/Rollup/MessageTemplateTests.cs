using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Trace;
using Xunit;

namespace GradingEngine.Tests.Rollup;

public class MessageTemplateTests
{
    private static readonly SourceSpan Span = new("findings.yaml", 1, 1);

    private static Finding Finding(string id, string? judgement = "effective", decimal? number = null) =>
        new(id, "Q1", "q1.prevention.priority", judgement, number, null, "a quote", "a source", FieldSpans.None(Span));

    [Theory]
    [InlineData("No placeholders", "No placeholders")]
    [InlineData("Judged {judgement}", "Judged effective")]
    [InlineData("{count} findings, first {indicator}", "2 findings, first q1.prevention.priority")]
    [InlineData("\"{quote}\" ({source})", "\"a quote\" (a source)")]
    [InlineData("{value}{value}", "effectiveeffective")]
    [InlineData("", "")]
    [InlineData("{unknown} stays", "{unknown} stays")]
    [InlineData("braces { alone } stay", "braces { alone } stay")]
    public void Format_FillsPlaceholdersFromTheRepresentative(string template, string expected)
    {
        var evidence = new[] { Finding("A"), Finding("B") };

        Assert.Equal(expected, MessageTemplate.Parse(template).Format(evidence, evidence[0]));
    }

    [Fact]
    public void Format_NoRepresentative_SaysNoneButStillCounts()
    {
        Assert.Equal("(none), 0", MessageTemplate.Parse("{judgement}, {count}").Format([], null));
    }

    /// <summary>The split template gives what one regular-expression replace over the text gives.</summary>
    [Property(MaxTest = 300)]
    public Property Format_EqualsAReplaceOverTheWholeTemplate()
    {
        var pieces = Gen.Elements("text ", "{judgement}", "{count}", "{quote}", "{source}", "{indicator}", "{value}", "{", "}", "{}", "{x}", "é", " ");
        var templates = Gen.ListOf(pieces).Select(p => string.Concat(p)).ToArbitrary();
        return Prop.ForAll(templates, template =>
        {
            var evidence = new[] { Finding("A", judgement: "ineffective"), Finding("B") };
            var expected = Regex.Replace(template, @"\{([^{}]*)\}", m => m.Groups[1].Value switch
            {
                "count" => "2",
                "judgement" or "value" => "ineffective",
                "indicator" => "q1.prevention.priority",
                "quote" => "a quote",
                "source" => "a source",
                _ => m.Value,
            });
            return MessageTemplate.Parse(template).Format(evidence, evidence[0]) == expected;
        });
    }

    /// <summary>The placeholders the checker validates are the ones a regular expression finds, known or not, in order.</summary>
    [Property(MaxTest = 300)]
    public Property Placeholders_AreWhatARegularExpressionFinds()
    {
        var pieces = Gen.Elements("a", "{", "}", "{}", "{x}", "{count}", "{{y}", "{z}}", " ");
        var templates = Gen.ListOf(pieces).Select(p => string.Concat(p)).ToArbitrary();
        return Prop.ForAll(templates, template =>
            Assert.Equal(
                Regex.Matches(template, @"\{([^{}]*)\}").Select(m => m.Groups[1].Value),
                MessageTemplate.Parse(template).Placeholders));
    }
}
