using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>
/// The methodology guide shows real output: `grading agree` on the synthetic example, `grading grade` on the
/// nine-question fixture, and, in "Writing a new framework from scratch", the shipped Ofsted rulebook and its commands.
/// </summary>
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

    [Theory]
    [InlineData("not graded output")]
    [InlineData("limit output")]
    public void GradingModelExampleOutput_IsPartOfWhatTheCommandPrints(string label)
    {
        // Arrange
        var documented = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "methodology-guide.md")).Single(b => b.Label == label).Content;
        var rules = Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // Act
        var exit = GradingCli.Run(["grade", Path.Combine(rules, "examples", "findings.yaml"), "--rules", rules], stdout, stderr);

        // Assert: the guide shows one question's part of the report, line for line.
        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Contains(documented, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Every file block of "Writing a new framework from scratch" is part of the shipped file it names.</summary>
    [Fact]
    public void NewFrameworkFileBlocks_AreThePublishedRulebook()
    {
        var blocks = GuideBlocks("ofsted-2015 file: ");

        Assert.True(blocks.Count >= 8, $"only {blocks.Count} file blocks");
        Assert.All(blocks, b => Assert.Contains(b.Content, File.ReadAllText(Path.Combine(Repo.Root, b.Argument)).Replace("\r\n", "\n"), StringComparison.Ordinal));
    }

    /// <summary>Every output block of "Writing a new framework from scratch" is what its command prints, run from the repository.</summary>
    [Fact]
    public void NewFrameworkOutputBlocks_AreWhatTheCommandsPrint()
    {
        var blocks = GuideBlocks("ofsted-2015 output: ");

        Assert.Equal(2, blocks.Count);
        foreach (var block in blocks)
        {
            var args = block.Argument.Split(' ').Select(a => a.StartsWith("rules/", StringComparison.Ordinal) || a == "seeds" ? Path.Combine(Repo.Root, a) : a).ToArray();
            var (exit, stdout, stderr) = CliRun.Run(args);
            Assert.True(exit == 0, $"{block.Argument} exited {exit}: {stderr}");
            Assert.Equal(block.Content, stdout.Replace(Repo.Root.Replace('\\', '/') + "/", "", StringComparison.Ordinal));
        }
    }

    private static List<(string Argument, string Content)> GuideBlocks(string prefix) =>
        [.. MarkdownBlocks.Read(Path.Combine(Repo.Docs, "methodology-guide.md"))
            .Where(b => b.Label.StartsWith(prefix, StringComparison.Ordinal))
            .Select(b => (b.Label[prefix.Length..], b.Content))];

    private static string Hashless(string text) => Hash().Replace(text, "sha256:<hash>");

    [GeneratedRegex("sha256:[0-9a-f]{12}")]
    private static partial Regex Hash();
}
