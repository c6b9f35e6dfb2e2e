using Microsoft.Playwright;
using Xunit;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, started once per test class: Playwright never downloads a
/// browser of its own (<c>ExecutablePath</c>), and the flags keep Chromium off this machine's closed network.
/// Fails (never skips) when Chromium is not installed.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The bound on every Playwright wait.</summary>
    public const float Timeout = 30_000;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>`$CHROMIUM_PATH` when set, else <see cref="DefaultPath"/>.</summary>
    public static string ExpectedPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultPath;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ExpectedPath),
            $"Chromium not found at {ExpectedPath}: the HTML report is tested in a real browser. " +
            "Install it with `apt-get update && apt-get install -y chromium` (.ci/run does), or point $CHROMIUM_PATH at a Chromium binary.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExpectedPath,
            Headless = true,
            Timeout = Timeout,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Containers often have a small /dev/shm; without this, rendering large pages can crash the tab.
                "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
