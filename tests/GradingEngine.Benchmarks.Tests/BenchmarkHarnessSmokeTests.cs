using System.Diagnostics;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Benchmarks.Tests;

/// <summary>
/// The benchmark harness (tests/GradingEngine.Benchmarks) on a tiny corpus, for correctness only:
/// the generated rulebook checks, generation is deterministic, and every variant (the engine with and
/// without outlooks, the hand-written baseline, the engine's conditions without Rete, Microsoft
/// RulesEngine, Roslyn) gives the same question and overall grades. The harness runs as its own process
/// because it loads Roslyn, which this test process must never load (Build/DependencyTests). No timings.
/// </summary>
public class BenchmarkHarnessSmokeTests
{
    private static string HarnessDll()
    {
        // tests/GradingEngine.Benchmarks.Tests/bin/<Configuration>/net10.0/ → the harness built in the same configuration
        // (the test project references it with ReferenceOutputAssembly=false, so it is built first).
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        return Path.Combine(Repo.Root, "tests", "GradingEngine.Benchmarks", "bin", configuration, framework.Name, "GradingEngine.Benchmarks.dll");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Harness(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        start.ArgumentList.Add(HarnessDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task TinyCorpus_EveryVariantGivesTheSameGrades_AndTheRulebookChecks()
    {
        // Arrange: 30 criteria, 5 inspections x 20 findings
        Assert.True(File.Exists(HarnessDll()), $"benchmark harness not built at {HarnessDll()}");
        using var temp = new TempFolder();

        // Act
        var (exit, stdout, stderr) = await Harness("verify", "--tiny", "--out", temp.Path);

        // Assert
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("checked: no errors", stdout);
        Assert.Contains("deterministic:", stdout);
        foreach (var variant in new[] { "engine (Grade, with outlooks)", "hand-written baseline", "engine conditions in loops (no Rete)", "Microsoft RulesEngine 6.0.1", "Roslyn-compiled C#" })
        {
            Assert.Contains($"{variant}: same grades for all 5 inspections", stdout);
        }
        Assert.Contains("all variants agree", stdout);

        // The generated rulebook, checked again here by the engine itself: no errors.
        var rulebook = stdout.Split('\n').Single(l => l.StartsWith("rulebook: ", StringComparison.Ordinal))["rulebook: ".Length..].Trim();
        var check = GradingPipeline.CheckRulebook(rulebook);
        Assert.True(check.Succeeded, string.Join("\n", check.Errors));
        Assert.Equal(30, check.Value!.Rulebook.Criteria.Count);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(Path.GetDirectoryName(rulebook)!, "inspections"), "*.yaml").Length);
    }
}
