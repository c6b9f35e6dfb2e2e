using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GradingEngine.Tests.Browser;

/// <summary>
/// A headless Chromium process with a fresh profile, driven over the DevTools protocol with nothing
/// but the BCL (no browser-automation package). Disposal kills the whole process tree and deletes
/// the profile, whatever state the browser is in.
/// </summary>
public sealed partial class HeadlessChromium : IDisposable
{
    /// <summary>The bound on every wait: starting, connecting, each command and each awaited event.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const string DefaultPath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ConcurrentQueue<string> _stderr;

    private HeadlessChromium(Process process, string profile, ConcurrentQueue<string> stderr)
    {
        _process = process;
        _profile = profile;
        _stderr = stderr;
    }

    /// <summary>The DevTools HTTP port Chromium chose (`--remote-debugging-port=0`).</summary>
    public int Port { get; private set; }

    /// <summary>`$CHROMIUM_PATH` when set, else <see cref="DefaultPath"/>: where Chromium is expected.</summary>
    public static string ExpectedPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultPath;

    /// <summary><see cref="ExpectedPath"/>, or null when no file is there.</summary>
    public static string? Locate() => File.Exists(ExpectedPath) ? ExpectedPath : null;

    public static async Task<HeadlessChromium> StartAsync(string executable)
    {
        var profile = Path.Combine(Path.GetTempPath(), "grading-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            // Containers often have a small /dev/shm; without this, rendering large pages can crash the tab.
            "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var stderr = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("Chromium exited before it was ready:\n" + string.Join("\n", stderr)));
                return;
            }
            stderr.Enqueue(e.Data);
            if (DevToolsLine().Match(e.Data) is { Success: true } match) listening.TrySetResult(match.Groups[1].Value);
        };
        process.OutputDataReceived += (_, _) => { };
        var chromium = new HeadlessChromium(process, profile, stderr);
        try
        {
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var endpoint = new Uri(await listening.Task.WaitAsync(Timeout));
            chromium.Port = endpoint.Port;
            return chromium;
        }
        catch (TimeoutException)
        {
            var log = chromium.Log;
            chromium.Dispose();
            throw new TimeoutException($"Chromium printed no `DevTools listening on ws://...` line within {Timeout.TotalSeconds} s:\n{log}");
        }
        catch
        {
            chromium.Dispose();
            throw;
        }
    }

    /// <summary>What Chromium wrote to standard error so far, for failure messages.</summary>
    public string Log => string.Join("\n", _stderr.TakeLast(40));

    /// <summary>Connects to the page target (the `about:blank` tab it started with).</summary>
    public async Task<CdpConnection> OpenPageAsync()
    {
        // Loopback only: a proxy from the environment must not be asked.
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = Timeout };
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/json/list")));
            var page = list.RootElement.EnumerateArray()
                .FirstOrDefault(t => t.GetProperty("type").GetString() == "page" && t.TryGetProperty("webSocketDebuggerUrl", out _));
            if (page.ValueKind == JsonValueKind.Object)
            {
                return await CdpConnection.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!));
            }
            // The first tab can appear a moment after the DevTools line.
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Chromium listed no page target within {Timeout.TotalSeconds} s:\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the browser to exit by itself (after `Browser.close`); false when it is still running.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        try
        {
            return _process.WaitForExit(timeout);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped: nothing to kill.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // A child exited while the tree was being killed.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A crash dump may still be being written; the temp folder is the system's to clean.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
