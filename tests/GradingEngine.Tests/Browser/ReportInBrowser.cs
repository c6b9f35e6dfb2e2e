using System.Text.Json;
using Xunit;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// An HTML file loaded in a fresh headless Chromium, with the console, log and network events
/// recorded from before navigation. Fails (never skips) when Chromium is not installed.
/// </summary>
public sealed class ReportInBrowser : IAsyncDisposable
{
    private readonly HeadlessChromium _chromium;

    private ReportInBrowser(HeadlessChromium chromium, CdpConnection page)
    {
        _chromium = chromium;
        Page = page;
    }

    public CdpConnection Page { get; }

    /// <param name="width">The viewport's width in CSS pixels; a narrow one is emulated as a phone.</param>
    public static async Task<ReportInBrowser> OpenAsync(string file, int width = 1200)
    {
        var executable = HeadlessChromium.Locate();
        Assert.True(executable is not null,
            $"Chromium not found at {HeadlessChromium.ExpectedPath}: the HTML report is tested in a real browser. " +
            "Install it with `apt-get update && apt-get install -y chromium` (or point $CHROMIUM_PATH at a Chromium binary).");
        var chromium = await HeadlessChromium.StartAsync(executable!);
        CdpConnection? page = null;
        try
        {
            page = await chromium.OpenPageAsync();
            await page.SendAsync("Runtime.enable");
            await page.SendAsync("Log.enable");
            await page.SendAsync("Network.enable");
            await page.SendAsync("Page.enable");
            await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height = 900, deviceScaleFactor = 1, mobile = width < 600 });
            var loaded = page.NextEventAsync("Page.loadEventFired");
            var navigation = await page.SendAsync("Page.navigate", new { url = new Uri(file).AbsoluteUri });
            Assert.False(navigation.TryGetProperty("errorText", out var error), $"navigation failed: {error}");
            await loaded;
            return new ReportInBrowser(chromium, page);
        }
        catch
        {
            if (page is not null) await page.DisposeAsync();
            chromium.Dispose();
            throw;
        }
    }

    /// <summary>Console errors, uncaught exceptions and error log entries (CSP violations are among them).</summary>
    public IReadOnlyList<string> Errors() => Page.Events.Where(e => e.Method switch
    {
        "Runtime.consoleAPICalled" => e.Params.GetProperty("type").GetString() is "error" or "assert",
        "Runtime.exceptionThrown" => true,
        "Log.entryAdded" => e.Params.GetProperty("entry").GetProperty("level").GetString() == "error",
        _ => false,
    }).Select(CdpConnection.Describe).ToList();

    /// <summary>Every URL the page asked the network stack for (the page itself included).</summary>
    public IReadOnlyList<string> Requests() => Page.Events
        .Where(e => e.Method == "Network.requestWillBeSent")
        .Select(e => e.Params.GetProperty("request").GetProperty("url").GetString() ?? "")
        .ToList();

    /// <summary>Evaluates an expression that returns a JSON string, and parses it.</summary>
    public async Task<JsonElement> JsonAsync(string expression)
    {
        var text = await Page.EvaluateAsync($"JSON.stringify({expression})");
        using var document = JsonDocument.Parse(text.GetString() ?? "null");
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A clean exit lets Chromium reap its own helpers; Dispose kills whatever is left.
            await Page.SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The browser closes the connection as it exits, or is already gone.
        }
        try
        {
            await Page.DisposeAsync();
            _chromium.WaitForExit(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _chromium.Dispose();
        }
    }
}
