using System.Text.RegularExpressions;
using GradingEngine.Cli;
using Xunit;

namespace GradingEngine.Tests.Support;

/// <summary>The command line run in process, and what every failing run's standard error must look like.</summary>
public static partial class CliRun
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every line of standard error is a located diagnostic (`path:line:col: error CODE: message`) or its help line.</summary>
    public static void AssertEveryLineLocated(string stderr)
    {
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(LocatedLine().IsMatch(line), $"not a located diagnostic line: {line}\n--- stderr\n{stderr}");
        }
    }

    [GeneratedRegex(@"^(\S.*:\d+:\d+: (error|warning) GE\d{3}: \S|  help: \S)")]
    private static partial Regex LocatedLine();
}
