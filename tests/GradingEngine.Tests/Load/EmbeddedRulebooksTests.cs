using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

/// <summary>The rulebooks embedded in the engine are the repository's `rules/` folders, byte for byte, and grade exactly as the folders do.</summary>
public class EmbeddedRulebooksTests
{
    private static IEnumerable<string> ShippedFolders() =>
        Directory.GetDirectories(Path.Combine(Repo.Root, "rules"))
            .Where(d => File.Exists(Path.Combine(d, RulebookLoader.RulebookFile)))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Ids_EveryFolderUnderRules_IsEmbedded()
    {
        Assert.Equal(ShippedFolders(), EmbeddedRulebooks.Ids);
        Assert.Contains(EmbeddedRulebooks.DefaultId, EmbeddedRulebooks.Ids);
    }

    [Fact]
    public void Files_EveryShippedFile_EmbeddedByteForByte()
    {
        var onDisk = ShippedFolders()
            .SelectMany(id => Directory.GetFiles(Path.Combine(Repo.Root, "rules", id), "*", SearchOption.AllDirectories))
            .Concat(Directory.GetDirectories(Path.Combine(Repo.Root, "seeds")).Where(d => Path.GetFileName(d) != "agreement-example")
                .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories)))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(onDisk, EmbeddedRulebooks.Files);
        Assert.All(onDisk, path =>
        {
            using var stream = EmbeddedRulebooks.Open(path)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(File.ReadAllBytes(Path.Combine(Repo.Root, path)).AsSpan().SequenceEqual(copy.ToArray()), $"{path} differs from its embedded copy");
        });
    }

    [Fact]
    public void EmbeddedRulebooks_EachIdIsItsFolderName()
    {
        var rulebooks = GradingPipeline.EmbeddedRulebooks();

        Assert.All(rulebooks, r => Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics.Select(DiagnosticFormatter.Format))));
        Assert.Equal(EmbeddedRulebooks.Ids, rulebooks.Select(r => r.Value!.Id));
    }

    [Fact]
    public void LoadRulebook_Embedded_SameContentAndGradesAsTheFolder()
    {
        var embedded = GradingPipeline.LoadRulebook(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!).Value!;
        var folder = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var inspection = GradingPipeline.LoadInspection(Repo.SeedFindings, folder).Value!;

        var fromEmbedded = GradingPipeline.Grade(embedded, inspection);
        var fromFolder = GradingPipeline.Grade(folder, inspection);

        Assert.Equal(folder.Rulebook.ContentHash, embedded.Rulebook.ContentHash);
        Assert.Equal(folder.Rulebook.Files, embedded.Rulebook.Files);
        // The same trace; only the rule files' names differ (the embedded ones by id, see RenderPathsTests).
        Assert.Equal(JsonRenderer.Render(fromFolder with { Rulebook = fromFolder.Rulebook with { EmbeddedId = EmbeddedRulebooks.DefaultId } }), JsonRenderer.Render(fromEmbedded));
        Assert.Equal(EmbeddedRulebooks.DefaultId, embedded.Rulebook.Directory);
        Assert.Equal(EmbeddedRulebooks.DefaultId, embedded.Rulebook.EmbeddedId);
        Assert.Null(folder.Rulebook.EmbeddedId);
    }

    [Fact]
    public void Load_EmbeddedFiles_NamedByRulebookIdNotByMachinePath()
    {
        var checkedRulebook = GradingPipeline.CheckRulebook(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!, lint: false).Value!;

        var criterion = checkedRulebook.Rulebook.Criteria.First(c => c.QuestionId == "Q1");

        Assert.StartsWith($"{EmbeddedRulebooks.DefaultId}/criteria/q1.yaml", criterion.Span.Path, StringComparison.Ordinal);
        Assert.Equal($"{EmbeddedRulebooks.DefaultId}/criteria/q1.yaml:{criterion.Span.Line}", RenderPaths.RuleLocation(checkedRulebook.Rulebook, criterion.Span));
    }

    [Fact]
    public void Load_EmbeddedFileOverTheLimit_LocatedErrorNamingTheEmbeddedFile()
    {
        var bag = new DiagnosticBag();

        var rulebook = RulebookLoader.Load(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!, LoadLimits.Default with { MaxFileBytes = 100 }, bag);

        Assert.Contains(bag.ToSortedList(), d => d.Code == DiagnosticCodes.FileTooLarge && d.Span.Path == $"{EmbeddedRulebooks.DefaultId}/rulebook.yaml");
        Assert.True(rulebook is null || bag.HasErrors);
    }

    [Fact]
    public void Load_EmbeddedFileOverTheLimit_DiagnosticNamesTheRulebookIdNotAMachinePath()
    {
        var bag = new DiagnosticBag();

        RulebookLoader.Load(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!, LoadLimits.Default with { MaxFileBytes = 100 }, bag);

        var formatted = DiagnosticFormatter.Format(bag.ToSortedList().First(d => d.Code == DiagnosticCodes.FileTooLarge));
        Assert.StartsWith($"{EmbeddedRulebooks.DefaultId}/", formatted, StringComparison.Ordinal);
        Assert.DoesNotContain(Repo.Root, formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void TestRulebook_Embedded_ReportNamesTheEmbeddedFiles()
    {
        var report = GradingPipeline.TestRulebook(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!).Value!;

        using var json = System.Text.Json.JsonDocument.Parse(GradingEngine.Tooling.RuleTests.RuleTestRenderer.RenderJson(report, coverage: false, minimumCoverage: null));
        var files = json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("file").GetString()!).Distinct().ToList();
        var csv = json.RootElement.GetProperty("published").EnumerateArray().Select(p => p.GetProperty("csv").GetString()!).Distinct().ToList();

        Assert.Contains($"{EmbeddedRulebooks.DefaultId}/tests/q1.yaml", files);
        Assert.All(files, f => Assert.StartsWith($"{EmbeddedRulebooks.DefaultId}/tests/", f, StringComparison.Ordinal));
        Assert.Equal(["seeds/published-grades/peel-effectiveness.csv"], csv);
    }

    [Fact]
    public void TestRulebook_Embedded_RunsTheShippedSuiteWithItsSeed()
    {
        var report = GradingPipeline.TestRulebook(RulebookSource.Embedded(EmbeddedRulebooks.DefaultId)!);

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.True(report.Value!.AllPassed);
        Assert.Contains(report.Value.Cases, c => c.Case.Name == "seed-published-grades");
        Assert.Equal(GradingPipeline.TestRulebook(Repo.DefaultRules, findingsRoot: Path.Combine(Repo.Root, "seeds")).Value!.Cases.Count, report.Value.Cases.Count);
    }
}
