using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>The methodology guide's "Checking coder agreement" shows the real output of `grading agree` on the synthetic example.</summary>
public partial class MethodologyGuideDocTests
{
    [Fact]
    public void AgreeExampleOutput_IsWhatTheCommandPrints()
    {
        // Arrange
        var documented = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "methodology-guide.md")).Single(b => b.Label == "agree example output").Content;
        var example = Path.Combine(Repo.Root, "seeds", "agreement-example");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // Act
        var exit = GradingCli.Run(["agree", Path.Combine(example, "coder-a.yaml"), Path.Combine(example, "coder-b.yaml"), "--rules", Repo.DefaultRules], stdout, stderr);

        // Assert: the files as the guide names them, relative to the repository; the rulebook's hash as written there.
        Assert.Equal((int)ExitCode.Disagree, exit);
        var actual = stdout.ToString().Replace(Repo.Root.Replace('\\', '/') + "/", "", StringComparison.Ordinal);
        Assert.Equal(Hashless(documented), Hashless(actual));
    }

    private static string Hashless(string text) => Hash().Replace(text, "sha256:<hash>");

    [GeneratedRegex("sha256:[0-9a-f]{12}")]
    private static partial Regex Hash();
}
