using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// An HTML file loaded in a fresh browser context of <see cref="Chromium"/> at a given viewport, with
/// console errors, page errors, dialogs and every request recorded from before navigation.
/// </summary>
public sealed class ReportInBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _dialogs = new();

    private ReportInBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "assert") _errors.Enqueue($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public static async Task<ReportInBrowser> OpenAsync(Chromium chromium, string file, int width = 1200, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // The report may load nothing: any request but the page's own is recorded, and none may leave the machine.
            Offline = true,
        });
        context.SetDefaultTimeout(Chromium.Timeout);
        var page = await context.NewPageAsync();
        var browser = new ReportInBrowser(context, page);
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return browser;
    }

    /// <summary>Console errors and uncaught exceptions; a blocked inline script or style (CSP) is a console error.</summary>
    public IReadOnlyList<string> Errors() => [.. _errors];

    /// <summary>Every URL the page asked for, the page itself included.</summary>
    public IReadOnlyList<string> Requests() => [.. _requests];

    /// <summary>Every alert, confirm or prompt the page tried to show.</summary>
    public IReadOnlyList<string> Dialogs() => [.. _dialogs];

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> JsonAsync(string expression)
    {
        var text = await Page.EvaluateAsync<string>($"() => JSON.stringify({expression})");
        using var document = JsonDocument.Parse(text ?? "null");
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
