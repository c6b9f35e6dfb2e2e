using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>
/// Sections 0 to 2 of the guide, replayed: the shipped PEEL 2015 rulebook copied to `rules/peel-2015` and
/// `rules/peel-2016`, the guide's criterion appended (with its typo, then fixed), then the guide's test case;
/// each labelled output block is what its command prints at that step.
/// </summary>
public partial class MethodologyGuideDocTests
{
    private static readonly string Guide = Path.Combine(Repo.Docs, "methodology-guide.md");

    [Fact]
    public void Peel2016_RulesCheckOfLastYear_IsWhatTheCommandPrints()
    {
        using var temp = Peel2016Folder(criterion: false, typo: false, testCase: false);

        var (exit, stdout, stderr) = CliRun.Run(Arguments(temp, "rules check rules/peel-2015"));

        Assert.True(exit == 0, stderr);
        Assert.Equal(GuideBlock("peel-2016 output: rules check rules/peel-2015"), Relative(temp, stdout));
    }

    [Fact]
    public void Peel2016_CriterionWithTheTypo_ErrorsAreWhatTheCommandPrints()
    {
        using var temp = Peel2016Folder(criterion: true, typo: true, testCase: false);

        var (exit, stdout, stderr) = CliRun.Run(Arguments(temp, "rules check rules/peel-2016"));

        // As a terminal shows it: the diagnostics (standard error), then the count (standard output).
        Assert.Equal(2, exit);
        Assert.Equal(GuideBlock("peel-2016 errors: rules check rules/peel-2016"), Relative(temp, stderr + stdout));
    }

    [Theory]
    [InlineData(false, "rules test rules/peel-2016 --findings-root seeds --coverage")]
    [InlineData(true, "rules test rules/peel-2016 --findings-root seeds --coverage --min-coverage 90")]
    public void Peel2016_RulesTestCoverage_IsWhatTheCommandPrints(bool testCase, string command)
    {
        using var temp = Peel2016Folder(criterion: true, typo: false, testCase);

        var (exit, stdout, stderr) = CliRun.Run(Arguments(temp, command));

        // The guide leaves out the `PASS` line of each case: the rest is there line for line.
        Assert.True(exit == 0, stderr);
        Assert.Contains(GuideBlock($"peel-2016 output: {command}"), Relative(temp, stdout), StringComparison.Ordinal);
        Assert.Equal(testCase, stdout.Contains("PASS q2-digital-evidence-failing\n", StringComparison.Ordinal));
    }

    /// <summary>The layout the guide runs in: `rules/peel-2015`, `rules/peel-2016` and `seeds/`, with the guide's edits made.</summary>
    private static TempFolder Peel2016Folder(bool criterion, bool typo, bool testCase)
    {
        var temp = new TempFolder();
        CopyFolder(Repo.DefaultRules, Path.Combine(temp.Path, "rules", "peel-2015"));
        CopyFolder(Repo.DefaultRules, Path.Combine(temp.Path, "rules", "peel-2016"));
        CopyFolder(Repo.Seeds, Path.Combine(temp.Path, "seeds"));
        var peel2016 = Path.Combine(temp.Path, "rules", "peel-2016");
        if (criterion)
        {
            var text = GuideBlock("peel-2016 criterion");
            // The guide's fix: `f.judgment` is `f.judgement`.
            File.AppendAllText(Path.Combine(peel2016, "criteria", "q2.yaml"), typo ? text : text.Replace("f.judgment", "f.judgement", StringComparison.Ordinal));
        }
        if (testCase) File.AppendAllText(Path.Combine(peel2016, "tests", "q2.yaml"), GuideBlock("peel-2016 case"));
        return temp;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string GuideBlock(string label) => MarkdownBlocks.Read(Guide).Single(b => b.Label == label).Content;

    private static string[] Arguments(TempFolder temp, string command) =>
        command.Split(' ').Select(a => a.StartsWith("rules/", StringComparison.Ordinal) || a == "seeds" ? Path.Combine(temp.Path, a) : a).ToArray();

    /// <summary>Output as run from the folder: the guide names `rules/peel-2016`, not the temporary folder.</summary>
    private static string Relative(TempFolder temp, string output) =>
        output.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(temp.Path.Replace('\\', '/') + "/", "", StringComparison.Ordinal);
}
