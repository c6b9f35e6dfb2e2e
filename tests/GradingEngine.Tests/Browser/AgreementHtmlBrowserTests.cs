using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Microsoft.Playwright;
using Xunit;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// The `grading agree` page in real headless Chromium: offline, no script, no console error; on a 360 px
/// phone nothing makes the page scroll sideways and the grades table fits; printed, every pair is shown.
/// Every wait is bounded by <see cref="Chromium.Timeout"/>.
/// </summary>
public class AgreementHtmlBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static string Example(string file) => Path.Combine(Repo.Root, "seeds", "agreement-example", file);

    private async Task<ReportInBrowser> OpenAsync(TempFolder temp, int width)
    {
        var report = GradingPipeline.Agree(Repo.DefaultRules, Example("coder-a.yaml"), Example("coder-b.yaml"));
        var file = temp.Write("agree.html", AgreementRenderer.RenderHtml(report.Value!));
        return await ReportInBrowser.OpenAsync(chromium, file, width);
    }

    [Fact]
    public async Task Open_OnA360PixelScreen_ReadsWithoutSidewaysScrolling()
    {
        // Arrange
        using var temp = new TempFolder();
        await using var browser = await OpenAsync(temp, 360);

        // Act
        var page = await browser.JsonAsync("""
            (() => {
              const root = document.documentElement;
              const overflowing = Array.from(document.querySelectorAll(".scroll")).filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => s.querySelector("table").className);
              const fontSize = parseFloat(getComputedStyle(document.body).fontSize);
              return { width: root.clientWidth, scrollWidth: root.scrollWidth, overflowing, fontSize,
                       differ: Array.from(document.querySelectorAll("table.grades tr.differ")).map(r => r.dataset.subject) };
            })()
            """);

        // Assert
        Assert.True(page.GetProperty("scrollWidth").GetInt32() <= page.GetProperty("width").GetInt32(), $"the page scrolls sideways: {page}");
        Assert.Empty(page.GetProperty("overflowing").EnumerateArray());
        Assert.True(page.GetProperty("fontSize").GetDouble() >= 14, $"text too small: {page}");
        Assert.Equal(["Q2", "overall"], page.GetProperty("differ").EnumerateArray().Select(e => e.GetString()));
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
        Assert.Single(browser.Requests());
    }

    [Fact]
    public async Task Open_Sample_PairsStartClosedAndPrintOpen()
    {
        // Arrange: a sample of two pairs.
        using var temp = new TempFolder();
        foreach (var pair in new[] { "one", "two" })
        {
            File.Copy(Example("report.txt"), Path.Combine(Directory.CreateDirectory(Path.Combine(temp.Path, "sample", pair)).FullName, "report.txt"));
            File.Copy(Example("coder-a.yaml"), Path.Combine(temp.Path, "sample", pair, "a.yaml"));
            File.Copy(Example(pair == "one" ? "coder-b.yaml" : "coder-a.yaml"), Path.Combine(temp.Path, "sample", pair, "b.yaml"));
        }
        var report = GradingPipeline.AgreePairs(Repo.DefaultRules, Path.Combine(temp.Path, "sample"));
        var file = temp.Write("sample.html", AgreementRenderer.RenderHtml(report.Value!));
        await using var browser = await ReportInBrowser.OpenAsync(chromium, file);
        const string Hidden = """Array.from(document.querySelectorAll("details.pair > .body")).filter(b => !b.checkVisibility()).length""";

        // Act
        var hiddenOnScreen = await browser.Page.EvaluateAsync<int>(Hidden);
        await browser.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var hiddenInPrint = await browser.Page.EvaluateAsync<int>(Hidden);

        // Assert
        Assert.Equal(2, hiddenOnScreen);
        Assert.Equal(0, hiddenInPrint);
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.scripts.length"));
        Assert.True(browser.Errors().Count == 0, "console errors:\n" + string.Join("\n", browser.Errors()));
    }
}
