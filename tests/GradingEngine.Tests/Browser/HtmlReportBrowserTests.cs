using System.Buffers.Binary;
using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Tests.Render;
using GradingEngine.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// The seed's HTML report in real headless Chromium (Playwright): it loads offline without a single console
/// error, every question opens, the grades it shows are the JSON output's, printing shows every section, and a
/// full-page screenshot is kept as a test artefact. Every wait is bounded by <see cref="Chromium.Timeout"/>.
/// </summary>
public class HtmlReportBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string QuestionsScript = """
        Array.from(document.querySelectorAll("details.question")).map(d => {
          const badge = d.querySelector(":scope > summary .grade");
          return { id: d.dataset.question, grade: d.dataset.grade, badge: badge.dataset.grade, text: badge.innerText.trim() };
        })
        """;

    private const string OverallScript = """
        (() => {
          const s = document.getElementById("overall");
          const badge = s.querySelector(".grade");
          return { grade: s.dataset.grade, badge: badge.dataset.grade, text: badge.innerText.trim() };
        })()
        """;

    [Fact]
    public async Task Open_SeedReport_LoadsOfflineWithoutErrors()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp);

        var links = await browser.JsonAsync("""Array.from(document.querySelectorAll("a.rule")).map(a => a.getAttribute("href"))""");

        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
        var requests = browser.Requests();
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
        Assert.Single(requests);
        // Every criterion and every deciding row links to its rule file's line inside the page, never to a file.
        Assert.True(links.GetArrayLength() >= SeedGrading.Result.Questions.Sum(q => q.Criteria.Count),
            $"{links.GetArrayLength()} rule links");
        Assert.All(links.EnumerateArray(), l => Assert.Matches(@"^#src-.+-L\d+$", l.GetString()!));
    }

    [Fact]
    public async Task Open_SeedReport_QuestionsOpenAndShowTheJsonGrades()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp);
        using var json = JsonDocument.Parse(JsonRenderer.Render(SeedGrading.Result));
        var expected = json.RootElement.GetProperty("questions").EnumerateArray()
            .Select(q => (Id: q.GetProperty("id").GetString(), Grade: q.GetProperty("grade").GetString()!)).ToList();
        var expectedOverall = json.RootElement.GetProperty("overall").GetProperty("grade").GetString()!;

        var shown = (await browser.JsonAsync(QuestionsScript)).EnumerateArray().ToList();
        var overall = await browser.JsonAsync(OverallScript);
        var opened = await browser.JsonAsync("""
            Array.from(document.querySelectorAll("details.question")).map(d => {
              const before = d.open;
              d.open = true;
              const body = d.querySelector(":scope > .body");
              return { id: d.dataset.question, before, open: d.open, height: body.getBoundingClientRect().height, visible: body.checkVisibility() };
            })
            """);

        Assert.Equal(expected.Select(e => e.Id), shown.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(expected.Select(e => e.Grade), shown.Select(s => s.GetProperty("grade").GetString()));
        Assert.Equal(expected.Select(e => e.Grade), shown.Select(s => s.GetProperty("badge").GetString()));
        Assert.Equal(expected.Select(e => NameOf(e.Grade)), shown.Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(expectedOverall, overall.GetProperty("grade").GetString());
        Assert.Equal(expectedOverall, overall.GetProperty("badge").GetString());
        Assert.Equal(NameOf(expectedOverall), overall.GetProperty("text").GetString());
        Assert.Equal(expected.Count, opened.GetArrayLength());
        Assert.All(opened.EnumerateArray(), q =>
        {
            Assert.False(q.GetProperty("before").GetBoolean(), $"{q.GetProperty("id")} should start closed");
            Assert.True(q.GetProperty("open").GetBoolean());
            Assert.True(q.GetProperty("visible").GetBoolean(), $"{q.GetProperty("id")} content is not visible when open");
            Assert.True(q.GetProperty("height").GetDouble() > 0, $"{q.GetProperty("id")} content has no height when open");
        });
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
    }

    [Fact]
    public async Task Print_SeedReport_EverySectionIsShown()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp);
        const string HiddenBodies = """() => Array.from(document.querySelectorAll("details > .body")).filter(b => !b.checkVisibility()).length""";

        var hiddenOnScreen = await browser.Page.EvaluateAsync<int>(HiddenBodies);
        var closedOnScreen = await browser.Page.EvaluateAsync<int>("""() => document.querySelectorAll("details:not([open])").length""");
        // The print style sheet alone, with no script: closed sections are laid out for paper.
        await browser.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var hiddenInPrintCss = await browser.Page.EvaluateAsync<int>(HiddenBodies);
        await browser.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        // The script: every section opened for printing, and closed again afterwards.
        var closedDuringPrint = await browser.Page.EvaluateAsync<int>("""
            () => (window.dispatchEvent(new Event("beforeprint")), document.querySelectorAll("details:not([open])").length)
            """);
        var closedAfterPrint = await browser.Page.EvaluateAsync<int>("""
            () => (window.dispatchEvent(new Event("afterprint")), document.querySelectorAll("details:not([open])").length)
            """);
        var pdf = await browser.Page.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.True(hiddenOnScreen > 0, "sections should start closed on screen");
        Assert.Equal(0, hiddenInPrintCss);
        Assert.Equal(0, closedDuringPrint);
        Assert.Equal(closedOnScreen, closedAfterPrint);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
    }

    [Fact]
    public async Task CaptureScreenshot_SeedReportWithQuestionsOpen_WritesValidPngArtefact()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp);
        await browser.Page.EvaluateAsync("""() => document.querySelectorAll("details.question").forEach(d => d.open = true)""");

        var png = await browser.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        await File.WriteAllBytesAsync(ArtefactPath("html-report.png"), png, TestContext.Current.CancellationToken);

        Assert.True(png.Length > 20_000, $"{png.Length} bytes is too small for the report");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) >= 800, "screenshot narrower than the viewport");
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) > 900, "screenshot is not the full page");
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
    }

    [Fact]
    public async Task Open_HostileReport_TextShownAsWrittenAndNothingRuns()
    {
        using var temp = new TempFolder();
        var file = temp.Write("hostile.html", HtmlRenderer.Render(HostileReport.Grade()));
        await using var browser = await ReportInBrowser.OpenAsync(chromium, file);

        var page = await browser.JsonAsync("""
            (() => {
              const finding = document.querySelector("li.finding");
              return {
                quote: finding.querySelector("blockquote").textContent,
                source: finding.querySelector(".source").textContent,
                id: finding.dataset.finding,
                scripts: document.scripts.length,
                images: document.images.length,
                title: document.querySelector("details.question .qtitle").textContent,
              };
            })()
            """);

        Assert.Equal(HostileReport.Quote, page.GetProperty("quote").GetString());
        Assert.Equal("Source: " + HostileReport.Source, page.GetProperty("source").GetString());
        Assert.Equal(HostileReport.FindingId, page.GetProperty("id").GetString());
        Assert.Equal(HostileReport.QuestionTitle, page.GetProperty("title").GetString());
        Assert.Equal(1, page.GetProperty("scripts").GetInt32());
        Assert.Equal(0, page.GetProperty("images").GetInt32());
        Assert.Empty(browser.Dialogs());
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
    }

    /// <summary>The seed's report in a temp folder, open in Chromium.</summary>
    private async Task<ReportInBrowser> OpenSeedAsync(TempFolder temp, int width = 1200)
    {
        var result = SeedGrading.Result;
        var file = temp.Write("report.html", HtmlRenderer.Render(result));
        return await ReportInBrowser.OpenAsync(chromium, file, width);
    }

    private static string NameOf(string gradeId) => SeedGrading.Result.Rulebook.Scale.Find(gradeId)!.Name;

    /// <summary>`$GRADING_TEST_ARTIFACTS/NAME` when set, else `TestResults/NAME` beside the test binary.</summary>
    private static string ArtefactPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("GRADING_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
