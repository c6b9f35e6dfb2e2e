using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>
/// The HTML report as text: sections and data attributes on the seed, encoding of hostile text, no
/// resource from anywhere, balanced markup, and byte-for-byte determinism. Behaviour in a real
/// browser is in Browser/HtmlReportBrowserTests.
/// </summary>
public class HtmlRendererTests
{
    private static readonly Lazy<string> Seed = new(() => HtmlRenderer.Render(SeedGrading.Result));

    private static readonly Regex Attribute = new(@"\s(href|src|srcset|action|formaction|data|poster|xlink:href)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase);

    private static readonly Regex Tag = new(@"<(/?)(article|header|footer|section|nav|details|summary|div|ul|ol|li|table|thead|tbody|tr|th|td|svg|title|text|rect|line|main|blockquote|p|dl|dt|dd|h[1-4]|code|strong|span|a|style|script|html|head|body)\b[^>]*>");

    [Fact]
    public void Render_Seed_EveryQuestionSectionCarriesItsGrade()
    {
        var result = SeedGrading.Result;

        Assert.All(result.Questions, q =>
        {
            Assert.Contains($"<details class=\"question\" id=\"q-{q.Question.Id}\" data-question=\"{q.Question.Id}\" data-grade=\"{q.Grade!.Id}\">", Seed.Value, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"qid\">{q.Question.Id}</span> <span class=\"grade rank-{q.Grade!.Rank}\" data-grade=\"{q.Grade!.Id}\">{q.Grade!.Name}</span>", Seed.Value, StringComparison.Ordinal);
            Assert.Contains($"<tr data-question=\"{q.Question.Id}\" data-grade=\"{q.Grade!.Id}\">", Seed.Value, StringComparison.Ordinal);
        });
        Assert.Equal(result.Questions.Count, Regex.Matches(Seed.Value, "<details class=\"question\"").Count);
        Assert.Contains($"<section id=\"overall\" class=\"overall\" data-grade=\"{result.Overall!.Grade.Id}\">", Seed.Value, StringComparison.Ordinal);
        Assert.Equal(["good", "good", "requires-improvement", "requires-improvement"], result.Questions.Select(q => q.Grade!.Id));
    }

    [Fact]
    public void Render_Seed_AnnexADefinitionsDecisionsAndOutlooks()
    {
        var result = SeedGrading.Result;

        foreach (var grade in result.Questions.Select(q => q.Grade!).Append(result.Overall!.Grade))
        {
            var defined = result.Rulebook.Scale.Find(grade.Id)!;
            Assert.Contains($"<p class=\"definition\"><strong>Annex A, {defined.Name}:</strong> {HtmlText.Encode(defined.Definition)}</p>", Seed.Value, StringComparison.Ordinal);
        }
        Assert.Contains("Rule 2 of the default thresholds table, <a class=\"rule\" href=\"#src-thresholds.yaml-L20\">thresholds.yaml:20</a>, gives Good when <code>", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("<h3>Why not Outstanding</h3>", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("<h3>How close to Inadequate</h3>", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("<code>Q1.resources.specialist-support-gap</code> <strong>not met</strong> (findings <a class=\"fid\" href=\"#f-Q1-15\">Q1-15</a>)", Seed.Value, StringComparison.Ordinal);
        Assert.Contains("<li>Q3 from Requires improvement to Good</li>", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_EveryCriterionLinkedToItsRuleWithItsEvidenceQuoted()
    {
        var result = SeedGrading.Result;

        Assert.All(result.Questions.SelectMany(q => q.Criteria), c =>
        {
            var location = RenderPaths.RuleLocation(result.Rulebook, c.Criterion.Span);
            var file = HtmlText.Token(RenderPaths.RuleFile(result.Rulebook, c.Criterion.Span));
            var section = Criterion(Seed.Value, c.Criterion.Id);
            Assert.Contains($"data-outcome=\"{(c.Met ? "met" : "not met")}\"", section, StringComparison.Ordinal);
            Assert.Contains($"<a class=\"rule\" href=\"#src-{file}-L{c.Criterion.Span.Line}\">{location}</a>", section, StringComparison.Ordinal);
            Assert.All(c.Evidence, f =>
            {
                Assert.Contains($"<li class=\"finding\" data-finding=\"{f.Id}\"><a class=\"fid\" href=\"#f-{f.Id}\">{f.Id}</a>", section, StringComparison.Ordinal);
                Assert.Contains($"<blockquote class=\"quote\">{HtmlText.Encode(f.Quote)}</blockquote>", section, StringComparison.Ordinal);
                Assert.Contains($"<p class=\"source\">Source: {HtmlText.Encode(f.Source)}</p>", section, StringComparison.Ordinal);
                Assert.Contains($"<p class=\"source found\" data-line=\"{f.QuoteAt!.Line}\">Found in report.txt, {f.QuoteAt.LinesText}</p>", section, StringComparison.Ordinal);
            });
        });
        Assert.Contains("<a class=\"rule\" href=\"#src-criteria_2f_q1.yaml-L22\">criteria/q1.yaml:22</a>", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_QuoteFoundAfterNormalisation_ShownAsWrittenWithWhereAndWhy()
    {
        // Arrange: the seed's Q1-01 quoted over a line-end hyphen its report does not have, located as the loader would.
        var result = SeedGrading.Result;
        var q1 = result.Questions[0];
        var finding = q1.Criteria.First(c => c.Met).Evidence[0];
        var edited = finding with { Quote = "anti-social <b>", QuoteAt = new GradingEngine.Model.QuoteLocation(122, 123, GradingEngine.Model.QuoteNormalisation.LineEndHyphen, 0, 1) };
        var criteria = q1.Criteria.Select(c => c.Met && c.Evidence.Contains(finding) ? c with { Evidence = [edited] } : c).ToList();
        var changed = result with { Questions = [q1 with { Criteria = criteria }, .. result.Questions.Skip(1)] };

        // Act
        var html = HtmlRenderer.Render(changed);

        // Assert
        Assert.Contains("<blockquote class=\"quote\">anti-social &lt;b&gt;</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"source found\" data-line=\"122\">Found in report.txt, lines 122-123 (a word hyphenated at a line end read whole)</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_EveryRuleFileCopiedLineByLine()
    {
        var rulebook = SeedGrading.Result.Rulebook;

        Assert.All(rulebook.Files, file =>
        {
            var id = "src-" + HtmlText.Token(file.RelativePath);
            var lines = file.Text.TrimEnd('\n').Split('\n');
            Assert.Contains($"<details class=\"rule-file\" id=\"{id}\">", Seed.Value, StringComparison.Ordinal);
            Assert.Equal(lines.Length, Regex.Matches(Seed.Value, $"<li id=\"{Regex.Escape(id)}-L\\d+\">").Count);
            Assert.Contains($"<li id=\"{id}-L{lines.Length}\"><code>{HtmlText.Encode(lines[^1])}</code></li>", Seed.Value, StringComparison.Ordinal);
        });
        Assert.Contains("<li id=\"src-thresholds.yaml-L20\"><code>  - grade: good</code></li>", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_EveryFindingOnceWithItsAnchor()
    {
        var findings = SeedGrading.Result.Inspection.Findings;

        Assert.All(findings, f => Assert.Single(Regex.Matches(Seed.Value, $"<li class=\"indexed-finding\" id=\"f-{Regex.Escape(f.Id)}\">")));
        Assert.Equal(findings.Count, Regex.Matches(Seed.Value, "<li class=\"indexed-finding\"").Count);
    }

    [Fact]
    public void Render_Seed_OneAccessibleBalanceChartPerQuestion()
    {
        var charts = Regex.Matches(Seed.Value, "<svg class=\"balance\"[^>]*aria-labelledby=\"([^\"]+)\">\n<title id=\"([^\"]+)\">Evidence balance of (Q\\d): strengths weight (\\d+)");

        Assert.Equal(SeedGrading.Result.Questions.Select(q => q.Question.Id), charts.Select(m => m.Groups[3].Value));
        Assert.All(charts, m => Assert.Equal(m.Groups[1].Value, m.Groups[2].Value));
        Assert.Equal("18", charts[0].Groups[4].Value);
        Assert.Contains("<text x=\"0\" y=\"17\">Strengths</text>", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_FooterHoldsTheRecordHashes()
    {
        var result = SeedGrading.Result;
        var footer = Seed.Value[Seed.Value.LastIndexOf("<footer>", StringComparison.Ordinal)..];

        Assert.Contains($"<code class=\"rulebook-hash\">sha256:{result.Rulebook.ContentHash}</code>", footer, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"findings-hash\">{result.Inspection.Sha256}</code>", footer, StringComparison.Ordinal);
        Assert.Contains("<code>seeds/west-mercia-2015/findings.yaml</code>", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_EncodedEverywhere()
    {
        var html = HtmlRenderer.Render(HostileReport.Grade());

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)</", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"quote\">&lt;script&gt;alert(1)&lt;/script&gt; | pipes | *star* _under_ [link](https://evil.example/x.png) &amp;amp; `tick`</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"source\">Source: # Heading &lt;img src=x onerror=alert(1)&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("data-finding=\"F1&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Force | &lt;b&gt;Bold&lt;/b&gt; #1: inspection mini-1</h1>", html, StringComparison.Ordinal);
        Assert.Contains("How | well &lt;em&gt;does&lt;/em&gt; it *prevent*? #", html, StringComparison.Ordinal);
        // The text `onerror=` is there, but only as text: no tag has an event handler.
        Assert.All(Tags(html), tag => Assert.DoesNotMatch(@"\son[a-z]+\s*=", tag));
        AssertBalanced(html);
    }

    [Fact]
    public void Render_SeedAndHostile_NoNetworkResource()
    {
        foreach (var html in new[] { Seed.Value, HtmlRenderer.Render(HostileReport.Grade()) })
        {
            Assert.All(Attribute.Matches(html), m =>
            {
                Assert.Equal("href", m.Groups[1].Value);
                Assert.DoesNotMatch(@"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)", m.Groups[2].Value);
            });
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.All(Tags(html), tag => Assert.DoesNotMatch(@"\s(src|srcset|action|poster)\s*=", tag));
            Assert.DoesNotMatch(@"<a [^>]*href=""https?:", html);
        }
    }

    [Fact]
    public void Render_Seed_InlineStyleAndScriptAdmittedByHashOnly()
    {
        var style = Between(Seed.Value, "<style>", "</style>");
        var script = Between(Seed.Value, "<script>", "</script>");
        var policy = Regex.Match(Seed.Value, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value.Replace("&#39;", "'", StringComparison.Ordinal);

        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{Sha256(style)}'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src 'sha256-{Sha256(script)}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("@media print", style, StringComparison.Ordinal);
        Assert.Contains("beforeprint", script, StringComparison.Ordinal);
        Assert.Contains("<div class=\"toolbar\" hidden>", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_BalancedMarkup()
    {
        AssertBalanced(Seed.Value);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", Seed.Value, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", Seed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Seed_SameBytesTwiceAndUnderGermanCulture()
    {
        var first = HtmlRenderer.Render(SeedGrading.Result);
        var second = HtmlRenderer.Render(SeedGrading.Result);
        var german = MarkdownRendererTests.InCulture("de-DE", () => HtmlRenderer.Render(SeedGrading.Result));

        Assert.Equal(first, second);
        Assert.Equal(first, german);
        Assert.DoesNotContain('\r', first);
    }

    [Fact]
    public void RenderMany_TwoInspections_OnePageWithUniqueIds()
    {
        var html = HtmlRenderer.RenderMany([SeedGrading.Result, HostileReport.Grade()]);
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, Regex.Matches(html, "<article class=\"report\"").Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("<details class=\"question\" id=\"r1-q-Q1\" data-question=\"Q1\" data-grade=\"good\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"r2-overall\" class=\"overall\" data-grade=\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<!DOCTYPE html>"));
        AssertBalanced(html);
    }

    [Fact]
    public void Encode_MarkupQuotesAndControls_SafeForContentAndAttributes()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", HtmlText.Encode("<a href=\"x\" title='y'>&"));
        Assert.Equal("ab\uFFFD", HtmlText.Encode("a\u0000b\uD800"));
        Assert.Equal("😀", HtmlText.Encode("😀"));
        Assert.Equal("criteria_2f_q1.yaml", HtmlText.Token("criteria/q1.yaml"));
        Assert.NotEqual(HtmlText.Token("F1\""), HtmlText.Token("F1_22_"));
        Assert.Equal("F1_22__3e_", HtmlText.Token("F1\">"));
    }

    /// <summary>The `criterion` details element of one criterion, up to its end.</summary>
    private static string Criterion(string html, string id)
    {
        var start = html.IndexOf($"data-criterion=\"{HtmlText.Encode(id)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no criterion {id}");
        return html[start..html.IndexOf("</details>", start, StringComparison.Ordinal)];
    }

    /// <summary>Every start tag; user text cannot make one, since its `&lt;` is encoded.</summary>
    private static IEnumerable<string> Tags(string html) => Regex.Matches(html, "<[a-zA-Z][^>]*>").Select(m => m.Value);

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every element the renderer writes is closed, in order: user text cannot open or close one.</summary>
    private static void AssertBalanced(string html)
    {
        var open = new Stack<string>();
        foreach (Match m in Tag.Matches(html))
        {
            var name = m.Groups[2].Value;
            if (m.Groups[1].Value.Length == 0)
            {
                open.Push(name);
                continue;
            }
            Assert.True(open.Count > 0 && open.Peek() == name, $"</{name}> at {m.Index} closes {(open.Count > 0 ? open.Peek() : "nothing")}");
            open.Pop();
        }
        Assert.Empty(open);
    }

    [Fact]
    public void Render_OverallCappedByABreach_ShowsTheCountsItSawBesideTheQuestions()
    {
        var html = HtmlRenderer.Render(BreachRollup.Result);

        Assert.Contains("<th scope=\"col\" class=\"num\">Number</th>", html);
        Assert.Contains("<tr><th scope=\"row\">Good</th><td class=\"num\">2</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\"><code>findings.breach-of-regulation</code></th><td class=\"num\">1</td></tr>", html);
        Assert.Contains("when <code>findings.breach-of-regulation &gt;= 1</code>, so Good becomes Requires improvement.", html);
    }

    [Fact]
    public void Render_SeedOverall_CountsQuestionsOnly()
    {
        Assert.DoesNotContain("class=\"num\">Number</th>", Seed.Value);
        Assert.Contains("<th scope=\"col\" class=\"num\">Questions</th>", Seed.Value);
    }
}
