using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Xunit;
using static GradingEngine.Tests.Tooling.Agreement.AgreementKit;

namespace GradingEngine.Tests.Tooling.Agreement;

/// <summary>Every format of the agreement report: user text neutralised for its destination, and the same content.</summary>
public class AgreementRendererTests
{
    private const string HostileQuote = "<script>alert(1)</script> **bold** [x](http://e) \u001b[2J\u001b]8;;http://e\u0007 \u202Eevil";

    /// <summary>Two codings, aligned by shared words, that differ on a finding with a hostile quote and force name.</summary>
    private static AgreementReport Hostile(TempFolder temp)
    {
        var a = Coding(null, Finding("A1", "q1.prevention.priority", HostileQuote, judgement: "effective")).Replace("Test Force", "\"<b>Force</b> | # \\u001b[31m\"");
        var b = Coding(null, Finding("B1", "q1.prevention.priority", HostileQuote, judgement: "ineffective"));
        return Succeed(Agree(temp, a, b, report: null));
    }

    [Fact]
    public void RenderText_HostileText_CannotDriveTheTerminal()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var text = AgreementRenderer.RenderText(Hostile(temp));

        // Assert
        Assert.DoesNotContain(text, c => (char.IsControl(c) && c != '\n') || c == '\u202E');
        Assert.Contains("\\u001b[2J", text, StringComparison.Ordinal);
        Assert.Contains("D1  Q1: another judgement or value", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_HostileText_StaysText()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var markdown = AgreementRenderer.RenderMarkdown(Hostile(temp));

        // Assert
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[x\\](http://e)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', markdown);
    }

    [Fact]
    public void RenderHtml_HostileText_EncodedAndThePageRunsNoScript()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var html = AgreementRenderer.RenderHtml(Hostile(temp));

        // Assert
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.Contains("script-src &#39;none&#39;", html, StringComparison.Ordinal);
        Assert.Contains("default-src &#39;none&#39;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_Twice_SameBytes()
    {
        // Arrange
        using var temp = new TempFolder();
        var report = Hostile(temp);

        // Act, Assert
        Assert.Equal(AgreementRenderer.RenderHtml(report), AgreementRenderer.RenderHtml(report));
    }

    [Fact]
    public void RenderEveryFormat_SyntheticExample_NamesTheGradeChangingDisagreementAndItsGrades()
    {
        // Arrange
        var example = Path.Combine(Repo.Root, "seeds", "agreement-example");
        var report = GradingPipeline.Agree(Repo.DefaultRules, Path.Combine(example, "coder-a.yaml"), Path.Combine(example, "coder-b.yaml")).Value!;

        // Act
        var text = AgreementRenderer.RenderText(report);
        var markdown = AgreementRenderer.RenderMarkdown(report);
        var html = AgreementRenderer.RenderHtml(report);
        var json = AgreementRenderer.RenderJson(report);

        // Assert
        Assert.Contains("A with B's version: Q2 Good -> Requires improvement (B's grade)", text, StringComparison.Ordinal);
        Assert.Contains("  - A with B's version: Q2 Good -\\> Requires improvement (B's grade)", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"shift\" data-side=\"a\">A with B's version: Q2 Good -&gt; Requires improvement (B&#39;s grade)", html, StringComparison.Ordinal);
        Assert.Contains("\"aWithB\": [\n            {\n              \"subject\": \"Q2\",\n              \"from\": \"good\",\n              \"to\": \"requires-improvement\"", json, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"differ\" data-subject=\"Q2\" data-a=\"good\" data-b=\"requires-improvement\">", html, StringComparison.Ordinal);
        Assert.Contains("| Q2 | Good | Requires improvement | **differ** |", markdown, StringComparison.Ordinal);
    }
}
