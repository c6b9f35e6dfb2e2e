using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Scaffold;
using Xunit;

namespace GradingEngine.Tests.Tooling.Scaffold;

/// <summary>`rules export` and `init`: files that check and test clean, written all or nothing, never over an existing file.</summary>
public class ScaffoldTests
{
    [Fact]
    public void Write_Template_ChecksWithoutWarningsAndTestsWithFullCoverage()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "my-framework");

        var written = RulebookTemplate.Write(folder);
        var check = GradingPipeline.CheckRulebook(folder);
        var test = GradingPipeline.TestRulebook(folder);

        Assert.True(written.Succeeded);
        Assert.True(check.Succeeded, string.Join("\n", check.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.Empty(check.Diagnostics);
        Assert.Equal("my-framework", check.Value!.Rulebook.Id);
        Assert.Single(check.Value.Rulebook.Questions);
        Assert.True(test.Succeeded, string.Join("\n", test.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.True(test.Value!.AllPassed);
        Assert.Empty(test.Value.Coverage.Below(100));
    }

    [Fact]
    public void IdFor_FolderNameNotAnId_FallbackId()
    {
        Assert.Equal(RulebookTemplate.FallbackId, RulebookTemplate.IdFor("/tmp/my rules"));
        Assert.Equal("peel-2016", RulebookTemplate.IdFor("/tmp/peel-2016/"));
    }

    [Fact]
    public void Write_IntoFolderWithOneOfItsFiles_ReportsItAndWritesNothing()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "rules");
        temp.Write(Path.Combine("rules", "thresholds.yaml"), "mine\n");

        var written = RulebookTemplate.Write(folder);

        var error = Assert.Single(written.Diagnostics);
        Assert.Equal(DiagnosticCodes.OutputExists, error.Code);
        Assert.EndsWith("thresholds.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Equal(["thresholds.yaml"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(folder, "thresholds.yaml")));
    }

    [Fact]
    public void Export_ShippedRulebook_WritesTheRepositoryLayoutWhoseTestsPass()
    {
        using var temp = new TempFolder();

        var written = RulebookExport.Export(EmbeddedRulebooks.DefaultId, temp.Path);
        var exported = Path.Combine(temp.Path, "rules", EmbeddedRulebooks.DefaultId);
        var test = GradingPipeline.TestRulebook(exported, findingsRoot: Path.Combine(temp.Path, "seeds"));

        Assert.True(written.Succeeded);
        Assert.Equal(EmbeddedRulebooks.FilesOf(EmbeddedRulebooks.DefaultId).Count + EmbeddedRulebooks.Seeds.Count, written.Value!.Files.Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.DefaultRules, "thresholds.yaml")), File.ReadAllBytes(Path.Combine(exported, "thresholds.yaml")));
        Assert.True(test.Succeeded, string.Join("\n", test.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.True(test.Value!.AllPassed);
    }

    [Fact]
    public void Export_Twice_SecondRefusesEveryFileAndChangesNothing()
    {
        using var temp = new TempFolder();
        RulebookExport.Export(EmbeddedRulebooks.DefaultId, temp.Path);
        var thresholds = Path.Combine(temp.Path, "rules", EmbeddedRulebooks.DefaultId, "thresholds.yaml");
        File.WriteAllText(thresholds, "edited\n");

        var again = RulebookExport.Export(EmbeddedRulebooks.DefaultId, temp.Path);

        Assert.False(again.Succeeded);
        Assert.All(again.Diagnostics, d => Assert.Equal(DiagnosticCodes.OutputExists, d.Code));
        Assert.Equal(EmbeddedRulebooks.FilesOf(EmbeddedRulebooks.DefaultId).Count + EmbeddedRulebooks.Seeds.Count, again.Diagnostics.Count);
        Assert.Equal("edited\n", File.ReadAllText(thresholds));
    }

    [Fact]
    public void Export_UnknownId_ErrorWithSuggestion()
    {
        using var temp = new TempFolder();

        var result = RulebookExport.Export("peel-2015-efectiveness", temp.Path);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, error.Code);
        Assert.Contains(EmbeddedRulebooks.DefaultId, error.Help);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
