using System.Diagnostics;
using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Cli.Commands;
using GradingEngine.Diagnostics;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

/// <summary>Every verb's help carries examples and exit codes that docs/cli.md repeats; completion scripts complete from the CLI itself; SARIF help links resolve.</summary>
public class HelpAndCompletionTests
{
    public static TheoryData<string> Verbs() =>
        new("grade", "batch", "validate", "explain", "verify", "rules check", "rules test", "rules diff", "rules list", "rules export", "init", "completion");

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_EveryVerb_ExamplesAndExitCodesAlsoInTheDocs(string verb)
    {
        var run = Run([.. verb.Split(' '), "--help"]);
        var docs = File.ReadAllText(Path.Combine(Repo.Docs, "cli.md"));

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Stderr);
        var examples = run.Stdout[run.Stdout.IndexOf("Examples:\n", StringComparison.Ordinal)..];
        var exitCodes = Regex.Matches(run.Stdout, @"^  (\d)  (.+)$", RegexOptions.Multiline);
        Assert.Contains($"grading {verb}", examples.Split('\n')[1], StringComparison.Ordinal);
        Assert.NotEmpty(exitCodes);
        Assert.All(exitCodes, m => Assert.Contains($"| `{verb}` | {m.Groups[1].Value} | {m.Groups[2].Value} |", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_EveryRuleHelpUri_IsAnAnchorOfDiagnosticsMd()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Docs, "diagnostics.md"));

        Assert.All(DiagnosticCodes.All, c =>
        {
            var uri = SarifWriter.HelpUri(c.Code);
            Assert.StartsWith("docs/diagnostics.md#", uri, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Repo.Root, uri.Split('#')[0])));
            Assert.Contains($"| <a id=\"{uri.Split('#')[1]}\"></a>`{c.Code}` | {c.Summary} |", docs, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Completion_Bash_CompletesVerbsOptionsAndValuesFromTheCli()
    {
        Assert.True(File.Exists("/bin/bash"), "bash is needed for this test");
        using var temp = new TempFolder();
        // `grading` on PATH: this build of the CLI.
        var grading = temp.Write(Path.Combine("bin", "grading"), $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "grading.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(grading, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = temp.Write("completion.bash", CompletionCommand.Script("bash"));
        var probe = temp.Write("probe.sh", $$"""
            source "{{script}}"
            for line in "grading gr" "grading rules ex" "grading grade x.yaml --for" "grading grade x.yaml --format m"; do
              COMP_LINE="$line"; COMP_POINT=${#line}; COMPREPLY=()
              _grading_complete
              echo "$line => ${COMPREPLY[*]}"
            done
            """);
        var start = new ProcessStartInfo("/bin/bash", [probe]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Path.Combine(temp.Path, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000);

        Assert.Contains("grading gr => grade", output, StringComparison.Ordinal);
        Assert.Contains("grading rules ex => export", output, StringComparison.Ordinal);
        Assert.Contains("grading grade x.yaml --for => --format", output, StringComparison.Ordinal);
        Assert.Contains("grading grade x.yaml --format m => markdown", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _grading_complete grading")]
    [InlineData("zsh", "compdef _grading_complete grading")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName grading")]
    public void Completion_EachShell_PrintsItsScript(string shell, string registration)
    {
        var run = Run("completion", shell);

        Assert.Equal(0, run.Exit);
        Assert.Contains(registration, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_UsageError()
    {
        var run = Run("completion", "fish");

        Assert.Equal(2, run.Exit);
        Assert.Contains("fish", run.Stderr, StringComparison.Ordinal);
    }
}
