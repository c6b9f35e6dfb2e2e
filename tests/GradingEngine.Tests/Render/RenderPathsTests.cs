using System.Text.Json;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Trace;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>
/// Output names a folder rulebook's rule files relative to the folder (`criteria/q1.yaml:22`), and an embedded
/// rulebook's by its id (`peel-2015-effectiveness/criteria/q1.yaml:22`), never by a path on the machine.
/// </summary>
public class RenderPathsTests
{
    private const string Id = "peel-2015-effectiveness";

    private static readonly Lazy<GradingResult> Embedded = new(() => Grade(GradingPipeline.LoadRulebook(RulebookSource.Embedded(Id)!).Value!));

    private static GradingResult Grade(GradingEngine.Compile.CompiledRulebook rulebook)
    {
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
        return result with { Inspection = result.Inspection with { Path = "seeds/west-mercia-2015/findings.yaml" } };
    }

    /// <summary>The first criterion of Q1 and the row that decided Q1, with the lines they are on.</summary>
    private static (int Criterion, int Row) Q1Lines(GradingResult result)
    {
        var q1 = result.Find("Q1")!;
        return (q1.Criteria[0].Criterion.Span.Line, q1.Decision!.Rule.Span.Line);
    }

    [Fact]
    public void RuleLocation_Embedded_NamedByRulebookId()
    {
        var result = Embedded.Value;
        var span = result.Find("Q1")!.Criteria[0].Criterion.Span;

        Assert.Equal($"{Id}/criteria/q1.yaml:{span.Line}", RenderPaths.RuleLocation(result.Rulebook, span));
        Assert.Equal("criteria/q1.yaml", RenderPaths.RelativeFile(result.Rulebook, span));
    }

    [Fact]
    public void RuleLocation_Folder_RelativeToTheFolder()
    {
        var result = SeedGrading.Result;
        var span = result.Find("Q1")!.Criteria[0].Criterion.Span;

        Assert.Null(result.Rulebook.EmbeddedId);
        Assert.Equal($"criteria/q1.yaml:{span.Line}", RenderPaths.RuleLocation(result.Rulebook, span));
    }

    [Fact]
    public void Render_Embedded_TextNamesTheRulebookId()
    {
        var (_, row) = Q1Lines(Embedded.Value);

        var text = TextRenderer.Render(Embedded.Value);

        Assert.Contains($"Decided by {Id}/thresholds.yaml:{row} (default table", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" thresholds.yaml:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Repo.Root, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Embedded_JsonNamesTheRulebookIdInEveryRuleReference()
    {
        var (criterion, row) = Q1Lines(Embedded.Value);

        using var json = JsonDocument.Parse(JsonRenderer.Render(Embedded.Value));
        var q1 = json.RootElement.GetProperty("questions")[0];

        Assert.Equal($"{Id}/criteria/q1.yaml:{criterion}", q1.GetProperty("criteria")[0].GetProperty("rule").GetString());
        Assert.Equal($"{Id}/thresholds.yaml", q1.GetProperty("decidedBy").GetProperty("file").GetString());
        Assert.Equal(row, q1.GetProperty("decidedBy").GetProperty("line").GetInt32());
        Assert.Equal($"{Id}/rollup.yaml", json.RootElement.GetProperty("overall").GetProperty("decidedBy").GetProperty("file").GetString());
    }

    [Fact]
    public void Render_Embedded_SameAsTheFolderButForTheNames()
    {
        var folder = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var fromFolder = Grade(folder);
        var named = fromFolder with { Rulebook = fromFolder.Rulebook with { EmbeddedId = Id } };

        Assert.Equal(JsonRenderer.Render(named), JsonRenderer.Render(Embedded.Value));
        Assert.NotEqual(JsonRenderer.Render(fromFolder), JsonRenderer.Render(Embedded.Value));
    }

    [Fact]
    public void Render_Embedded_MarkdownNamesTheRulebookId()
    {
        var (criterion, _) = Q1Lines(Embedded.Value);

        var markdown = MarkdownRenderer.Render(Embedded.Value);

        Assert.Contains($"`{Id}/criteria/q1.yaml:{criterion}`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Embedded_HtmlLinksTheNamedLocationToItsLineInTheAppendix()
    {
        var (criterion, _) = Q1Lines(Embedded.Value);

        var html = HtmlRenderer.Render(Embedded.Value);

        Assert.Contains($"<a class=\"rule\" href=\"#src-criteria_2f_q1.yaml-L{criterion}\">{Id}/criteria/q1.yaml:{criterion}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<li id=\"src-criteria_2f_q1.yaml-L{criterion}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<summary><code>{Id}/criteria/q1.yaml</code>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("criteria/q1.yaml", "peel-2015-effectiveness/criteria/q1.yaml")]
    [InlineData("../../seeds/published-grades/peel-effectiveness.csv", "seeds/published-grades/peel-effectiveness.csv")]
    [InlineData("./tests/../tests/q1.yaml", "peel-2015-effectiveness/tests/q1.yaml")]
    public void Named_Embedded_ByPlaceAmongTheEmbeddedFiles(string relative, string expected)
    {
        Assert.Equal(expected, RenderPaths.Named(Embedded.Value.Rulebook, relative));
        Assert.Equal(relative, RenderPaths.Named(SeedGrading.Result.Rulebook, relative));
    }
}
