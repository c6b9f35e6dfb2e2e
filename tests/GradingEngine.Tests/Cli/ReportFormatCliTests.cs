using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

/// <summary>`grading grade --format markdown|html`: one report per file, and HTML rule links that work from where the page is written.</summary>
public class ReportFormatCliTests
{
    [Fact]
    public void Grade_SeedAsMarkdown_ReportOnStdout()
    {
        var (exit, stdout, stderr) = Run("grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "markdown");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("# West Mercia Police: inspection west-mercia-2015-effectiveness\n", stdout, StringComparison.Ordinal);
        Assert.Contains("## Overall: Requires improvement", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_TwoFilesAsMarkdown_ReportsConcatenated()
    {
        var (exit, stdout, _) = Run("grade", Repo.SeedFindings, Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "markdown");

        Assert.Equal(0, exit);
        Assert.Equal(2, Regex.Matches(stdout, "^# West Mercia Police", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Grade_SeedAsHtmlToFile_RuleLinksResolveInsideThePageWhereverItIsMoved()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "reports", "west-mercia.html");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var (exit, stdout, stderr) = Run("grade", Repo.SeedFindings, "--format", "html", "--output", output);
        var fromElsewhere = Run("grade", Repo.SeedFindings, "--format", "html");

        Assert.Equal(0, exit);
        Assert.Equal("", stdout + stderr);
        var html = File.ReadAllText(output);
        // The page does not depend on where it is written: it links only into itself.
        Assert.Equal(html, fromElsewhere.Stdout);
        var hrefs = Regex.Matches(html, "<a class=\"rule\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href =>
        {
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.Contains($" id=\"{href[1..]}\"", html, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(Path.Combine(Repo.Root, "rules"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(AppContext.BaseDirectory, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_TwoFilesAsHtml_OnePageWithTwoReports()
    {
        var (exit, stdout, _) = Run("grade", Repo.SeedFindings, Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "html");

        Assert.Equal(0, exit);
        Assert.Single(Regex.Matches(stdout, "<!DOCTYPE html>"));
        Assert.Equal(2, Regex.Matches(stdout, "<article class=\"report\"").Count);
        Assert.Contains("<section id=\"r2-overall\" class=\"overall\" data-grade=\"requires-improvement\">", stdout, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
