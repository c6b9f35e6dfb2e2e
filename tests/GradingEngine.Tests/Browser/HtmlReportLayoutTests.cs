using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// The seed's HTML report at a phone's 360 px and a desktop's 1,280 px, every section open: nothing wider than
/// the page, every finding id and rule reference a link that resolves inside the page, 0 axe-core violations
/// at WCAG 2.0, 2.1 and 2.2 A and AA, the evidence chart marking the rows around the grade, and keyboard
/// navigation from question to question.
/// </summary>
public class HtmlReportLayoutTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private const string OpenEverything = """() => document.querySelectorAll("details").forEach(d => d.open = true)""";

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Open_EverySectionOpen_NothingWiderThanTheViewport(int width)
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, width);
        await browser.Page.EvaluateAsync(OpenEverything);

        var page = await browser.JsonAsync("""
            (() => {
              const wide = Array.from(document.querySelectorAll("body *"))
                .filter(e => e.checkVisibility() && e.getClientRects().length > 0 && !e.closest("thead") && !e.matches(".skip"))
                .filter(e => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 0.5 || r.left < -0.5; })
                .slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right));
              return { scroll: document.documentElement.scrollWidth, inner: innerWidth, wide };
            })()
            """);

        Assert.Equal(width, page.GetProperty("inner").GetInt32());
        Assert.True(page.GetProperty("scroll").GetInt32() <= width, $"page is {page.GetProperty("scroll")} px wide at {width} px");
        Assert.True(page.GetProperty("wide").GetArrayLength() == 0, $"elements past the edge at {width} px: {page.GetProperty("wide")}");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task RunAxe_EverySectionOpen_NoWcagViolations(int width)
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, width);
        await browser.Page.EvaluateAsync(OpenEverything);

        var result = await browser.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        Assert.True(result.Passes.Length > 10, "axe-core ran too few checks");
    }

    [Fact]
    public async Task Open_SeedReport_EveryFindingAnchoredAndEveryLinkResolvesInThePage()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, 1280);
        var findings = SeedGrading.Result.Inspection.Findings;

        var page = await browser.JsonAsync("""
            (() => {
              const ids = Array.from(document.querySelectorAll("[id]")).map(e => e.id);
              const links = Array.from(document.querySelectorAll("a[href]")).map(a => a.getAttribute("href"));
              const broken = links.filter(h => !h.startsWith("#") || !document.getElementById(decodeURIComponent(h.slice(1))));
              const anchored = Array.from(document.querySelectorAll("li.indexed-finding")).map(li => li.querySelector(".fid").textContent);
              const fidLinks = Array.from(document.querySelectorAll("a.fid"));
              const wrongFid = fidLinks.filter(a => document.getElementById(a.getAttribute("href").slice(1)).querySelector(".fid").textContent !== a.textContent).length;
              const ruleLines = Array.from(document.querySelectorAll("a.rule")).map(a => ({ text: a.textContent, line: document.getElementById(a.getAttribute("href").slice(1)).textContent }));
              return { duplicates: ids.length - new Set(ids).size, links: links.length, broken, anchored, fidLinks: fidLinks.length, wrongFid, ruleLines };
            })()
            """);

        Assert.Equal(0, page.GetProperty("duplicates").GetInt32());
        Assert.True(page.GetProperty("broken").GetArrayLength() == 0, $"links that do not resolve in the page: {page.GetProperty("broken")}");
        Assert.Equal(findings.Select(f => f.Id).Order(StringComparer.Ordinal), page.GetProperty("anchored").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.True(page.GetProperty("fidLinks").GetInt32() > findings.Count, "every mention of a finding should link to it");
        Assert.Equal(0, page.GetProperty("wrongFid").GetInt32());
        // A rule reference lands on the very line it names: `thresholds.yaml:20` on line 20 of the copy of thresholds.yaml.
        Assert.All(page.GetProperty("ruleLines").EnumerateArray(), r =>
        {
            var (file, line) = (r.GetProperty("text").GetString()!.Split(':')[0], int.Parse(r.GetProperty("text").GetString()!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            var text = File.ReadAllLines(Path.Combine(Repo.DefaultRules, file))[line - 1];
            Assert.Equal(text, r.GetProperty("line").GetString());
        });
    }

    [Fact]
    public async Task Click_FindingLinkInAClosedQuestion_OpensAndShowsTheFinding()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, 360);
        await browser.Page.Locator("details.question").First.Locator("summary").First.ClickAsync();
        var criterion = browser.Page.Locator("details.question").First.Locator("details.criterion.met").First;
        await criterion.Locator("summary").ClickAsync();
        var link = criterion.Locator("a.fid").First;
        var target = (await link.GetAttributeAsync("href"))![1..];

        await link.ClickAsync();

        var finding = browser.Page.Locator($"[id='{target}']");
        await Microsoft.Playwright.Assertions.Expect(finding).ToBeInViewportAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>("id => document.getElementById(id).closest('details').open", target));
        Assert.Equal(await link.TextContentAsync(), await finding.Locator(".fid").TextContentAsync());
    }

    [Fact]
    public async Task Click_RuleLink_OpensTheRuleFileAtThatLine()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, 1280);
        await browser.Page.Locator("details.question").First.Locator("summary").First.ClickAsync();
        var link = browser.Page.Locator("details.question").First.Locator("section.decision a.rule").First;

        await link.ClickAsync();

        var line = browser.Page.Locator("ol.source > li:target");
        await Microsoft.Playwright.Assertions.Expect(line).ToBeInViewportAsync();
        Assert.Equal("thresholds.yaml:20", await link.TextContentAsync());
        Assert.Equal(File.ReadAllLines(Path.Combine(Repo.DefaultRules, "thresholds.yaml"))[19], await line.TextContentAsync());
    }

    [Fact]
    public async Task Open_SeedReport_ChartMarksTheDecidingRowAndItsNeighbours()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, 1280);

        var q1 = await browser.JsonAsync("""
            (() => {
              const q = document.querySelector("details.question");
              return {
                deciding: q.querySelectorAll("svg.balance line.mark.deciding").length,
                neighbours: Array.from(q.querySelectorAll("svg.balance line.mark.neighbour")).map(l => l.dataset.rule),
                legend: Array.from(q.querySelectorAll("ul.marks li")).map(li => li.textContent),
              };
            })()
            """);

        // Q1 is good by rule 2 (strengths.weight >= 6, areas-for-improvement.weight <= 5, strengths.weight >= 2 * it);
        // rule 1 (outstanding) needs strengths.weight >= 12, rule 3 (requires improvement) bounds weights too.
        Assert.Equal(3, q1.GetProperty("deciding").GetInt32());
        Assert.Contains("1", q1.GetProperty("neighbours").EnumerateArray().Select(e => e.GetString()));
        var legend = q1.GetProperty("legend").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("Good, rule 2 (the deciding row, solid line): areas for improvement weight ≤ 5, strengths weight ≥ 8, strengths weight ≥ 6", legend);
        Assert.Contains(legend, l => l.StartsWith("Outstanding, rule 1 (a neighbouring row, dashed line): strengths weight ≥ 12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tab_FromTheTop_ReachesEveryQuestionInOrderAndEnterOpensIt()
    {
        using var temp = new TempFolder();
        await using var browser = await OpenSeedAsync(temp, 1280);
        var questions = SeedGrading.Result.Questions.Select(q => q.Question.Id).ToList();

        var reached = new List<string>();
        for (var i = 0; i < 60 && reached.Count < questions.Count; i++)
        {
            await browser.Page.Keyboard.PressAsync("Tab");
            var focused = await browser.Page.EvaluateAsync<string?>("""() => { const e = document.activeElement; return e && e.tagName === "SUMMARY" && e.parentElement.matches("details.question") ? e.parentElement.dataset.question : null; }""");
            if (focused is not null) reached.Add(focused);
        }
        await browser.Page.Keyboard.PressAsync("Enter");

        Assert.Equal(questions, reached);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.activeElement.parentElement.open"));
    }

    private async Task<ReportInBrowser> OpenSeedAsync(TempFolder temp, int width)
    {
        var file = temp.Write("report.html", HtmlRenderer.Render(SeedGrading.Result));
        return await ReportInBrowser.OpenAsync(chromium, file, width);
    }
}
