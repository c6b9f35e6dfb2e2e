using System.Diagnostics;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.Batch;

public class BatchCliTests
{
    [Fact]
    public void Batch_SeedFolderAllAgree_Exit0WithSummaryAndNothingOnStderr()
    {
        // Act
        var (exit, stdout, stderr) = BatchKit.Cli("batch", Repo.SeedFolder, "--rules", Repo.DefaultRules);

        // Assert
        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Contains("west-mercia-2015-effectiveness", stdout, StringComparison.Ordinal);
        Assert.Contains("Disagreements: none.", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Batch_NoProposedGrades_Exit0()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = BatchKit.WriteMiniRules(temp);
        temp.Write("in/a.yaml", BatchKit.MiniFindings("a"));

        // Act
        var (exit, _, stderr) = BatchKit.Cli("batch", Path.Combine(temp.Path, "in"), "--rules", rules);

        // Assert
        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Batch_AProposedGradeDisagrees_Exit1AndOutputFileWritten()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = BatchKit.WriteMiniRules(temp);
        temp.Write("in/a.yaml", BatchKit.MiniFindings("a", "Q1: good"));
        temp.Write("in/b.yaml", BatchKit.MiniFindings("b", "Q1: outstanding"));
        var output = Path.Combine(temp.Path, "report.csv");

        // Act
        var (exit, stdout, stderr) = BatchKit.Cli("batch", Path.Combine(temp.Path, "in"), "--rules", rules, "--format", "csv", "--output", output);

        // Assert
        Assert.Equal((int)ExitCode.Disagree, exit);
        Assert.Equal(("", ""), (stdout, stderr));
        Assert.Contains("b,Q1,outstanding,good,false,1,", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_InvalidFiles_Exit2EveryDiagnosticAndNoOutputFile()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = BatchKit.WriteMiniRules(temp);
        temp.Write("in/a.yaml", BatchKit.MiniFindings("a").Replace("q1.prevention.priority", "q1.prevention.priorty", StringComparison.Ordinal));
        temp.Write("in/b.csv", BatchKit.CsvHeader + "b,Force,mini,F1,Q1,q1.prevention.crime-change,,lots,Quote.,Src\n");
        var output = Path.Combine(temp.Path, "report.txt");

        // Act
        var (exit, stdout, stderr) = BatchKit.Cli("batch", Path.Combine(temp.Path, "in"), "--rules", rules, "--output", output);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"(?m)^\S*a\.yaml:7:16: error GE302: unknown indicator `q1\.prevention\.priorty`$", stderr);
        Assert.Matches(@"(?m)^\S*b\.csv:2:8: error GE202: indicator `q1\.prevention\.crime-change` takes a number, found `lots`$", stderr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Batch_ParallelBelowOne_Exit2UsageError(string parallel)
    {
        // Act
        var (exit, stdout, stderr) = BatchKit.Cli("batch", Repo.SeedFolder, "--parallel", parallel);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: `--parallel` must be at least 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_GeneratedFolder_StdoutIdenticalForParallel1And2And8()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = BatchKit.WriteMiniRules(temp);
        var folder = BatchKit.WriteGeneratedFolder(temp);

        foreach (var format in new[] { "text", "json", "csv" })
        {
            // Act
            var runs = new[] { "1", "2", "8" }.Select(n => BatchKit.Cli("batch", folder, "--rules", rules, "--parallel", n, "--format", format)).ToList();

            // Assert
            Assert.All(runs, r => Assert.Equal((int)ExitCode.Disagree, r.Exit));
            Assert.All(runs, r => Assert.Equal(runs[0].Stdout, r.Stdout));
            Assert.All(runs, r => Assert.Equal("", r.Stderr));
        }
    }

    [Fact]
    public async Task Batch_RunAsAProcessWithStderrRedirected_DrawsNoProgressBar()
    {
        // Arrange: the real executable, so Console.Error is the process's own, redirected to a pipe.
        var dll = Path.Combine(AppContext.BaseDirectory, "grading.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "batch", Repo.SeedFolder, "--rules", Repo.DefaultRules }) start.ArgumentList.Add(arg);

        // Act
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await stderr);
        Assert.Equal(BatchKit.Cli("batch", Repo.SeedFolder, "--rules", Repo.DefaultRules).Stdout, await stdout);
    }
}
