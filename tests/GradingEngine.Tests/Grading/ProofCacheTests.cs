using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Grading;
using GradingEngine.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Grading;

public class ProofCacheTests
{
    private const string NotMonotone = MiniRulebook.NotMonotoneThresholdsYaml;

    /// <summary>A roll-up that never gives `outstanding` or `requires-improvement` (GE506), a warning: the rulebook still grades.</summary>
    private const string NarrowRollup = """
        overall:
          - grade: good
            when: all(q => q.grade no worse than good)
          - grade: inadequate
            otherwise: true
        """;

    private static Result<CompiledRulebook> Load(string folder, ProofCache? proofs) =>
        GradingPipeline.LoadRulebook(RulebookSource.Folder(folder), mode: ExpressionMode.Interpreted, proofs: proofs);

    private static string Render(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => $"{d.Span} {d.Severity} {d.Code} {d.Message} | {d.Help}"));

    [Fact]
    public void LoadRulebook_SecondLoadWithTheCache_DoesNotProveAgainAndGivesTheSameDiagnostics()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = new MiniRulebook().With("rollup.yaml", NarrowRollup).WriteTo(temp);
        var cache = new ProofCache(Path.Combine(temp.Path, "cache"));

        // Act
        var first = Load(folder, cache);
        var second = Load(folder, cache);

        // Assert: the first proved (its analyses are there) and kept what it found; the second took that instead.
        Assert.True(first.Succeeded, Render(first.Diagnostics));
        Assert.NotEmpty(first.Value!.Checked.Analyses);
        Assert.True(File.Exists(cache.EntryPath(first.Value.Rulebook)));
        Assert.True(second.Succeeded, Render(second.Diagnostics));
        Assert.Empty(second.Value!.Checked.Analyses);
        Assert.Contains(second.Diagnostics, d => d.Code == DiagnosticCodes.GradeNeverProduced);
        Assert.Equal(Render(first.Diagnostics), Render(second.Diagnostics));
        Assert.Equal(Render(Load(folder, null).Diagnostics), Render(second.Diagnostics));
    }

    [Fact]
    public void LoadRulebook_KeptProofFailure_FailsAgainWithTheSameErrors()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = new MiniRulebook().With("thresholds.yaml", NotMonotone).WriteTo(temp);
        var cache = new ProofCache(Path.Combine(temp.Path, "cache"));

        // Act
        var first = Load(folder, cache);
        var second = Load(folder, cache);

        // Assert: never graded silently, with or without the kept proof.
        Assert.False(first.Succeeded);
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.NotMonotone && d.IsError);
        Assert.False(second.Succeeded);
        Assert.Equal(Render(first.Diagnostics), Render(second.Diagnostics));
        Assert.Single(Directory.GetFiles(cache.Directory));
    }

    [Fact]
    public void LoadRulebook_CopyElsewhere_SharesTheEntryAndNamesItsOwnFiles()
    {
        // Arrange
        using var a = new TempFolder();
        using var b = new TempFolder();
        var cache = new ProofCache(Path.Combine(a.Path, "cache"));
        var original = new MiniRulebook().With("rollup.yaml", NarrowRollup).WriteTo(a);
        var copy = new MiniRulebook().With("rollup.yaml", NarrowRollup).WriteTo(b);

        // Act
        Load(original, cache);
        var fromCopy = Load(copy, cache);

        // Assert: one entry; the kept warnings point into the copy's own files.
        Assert.Single(Directory.GetFiles(cache.Directory));
        Assert.True(fromCopy.Succeeded, Render(fromCopy.Diagnostics));
        Assert.Empty(fromCopy.Value!.Checked.Analyses);
        var warnings = fromCopy.Diagnostics.Where(d => d.Code == DiagnosticCodes.GradeNeverProduced).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.StartsWith(copy + Path.DirectorySeparatorChar, w.Span.Path));
        Assert.Contains(warnings, w => w.Span.Path == Path.Combine(copy, "rollup.yaml"));
    }

    [Fact]
    public void LoadRulebook_ChangedRulebook_IsProvedAgain()
    {
        // Arrange
        using var temp = new TempFolder();
        var cache = new ProofCache(Path.Combine(temp.Path, "cache"));
        var folder = new MiniRulebook().WriteTo(temp);
        Load(folder, cache);

        // Act: the same folder, now with a table that is not monotone.
        File.WriteAllText(Path.Combine(folder, "thresholds.yaml"), NotMonotone);
        var changed = Load(folder, cache);

        // Assert
        Assert.False(changed.Succeeded);
        Assert.Contains(changed.Diagnostics, d => d.Code == DiagnosticCodes.NotMonotone);
        Assert.Equal(2, Directory.GetFiles(cache.Directory).Length);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("folder")]
    [InlineData("other-rulebook")]
    public void LoadRulebook_DamagedEntry_IsIgnoredAndProvedAgain(string damage)
    {
        // Arrange: a kept proof that says nothing is wrong, for a rulebook whose table is not monotone.
        using var temp = new TempFolder();
        var cache = new ProofCache(Path.Combine(temp.Path, "cache"));
        var good = new MiniRulebook().WriteTo(temp);
        var entry = cache.EntryPath(Load(good, cache).Value!.Rulebook);
        using var other = new TempFolder();
        var bad = new MiniRulebook().With("thresholds.yaml", NotMonotone).WriteTo(other);
        var badEntry = cache.EntryPath(LoadedRulebook(bad));
        var text = File.ReadAllText(entry);
        switch (damage)
        {
            case "edited": File.WriteAllText(badEntry, text.Replace("\"diagnostics\": []", "\"diagnostics\": [{\"severity\": \"bogus\"}]")); break;
            case "truncated": File.WriteAllText(badEntry, text[..(text.Length / 2)]); break;
            case "empty": File.WriteAllText(badEntry, ""); break;
            case "folder": Directory.CreateDirectory(badEntry); break;
            // A genuine entry of another rulebook copied to this one's name: its content hash gives it away.
            case "other-rulebook": File.WriteAllText(badEntry, text); break;
        }

        // Act
        var result = Load(bad, cache);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.NotMonotone);
    }

    [Fact]
    public void ForUser_ChoosesTheSettingThenXdgThenHome()
    {
        Assert.Equal(Path.GetFullPath("/c/proofs"), ProofCache.ForUser("/c", "/x", "/h")!.Directory);
        Assert.Equal(Path.GetFullPath("/x/grading-engine/proofs"), ProofCache.ForUser(null, "/x", "/h")!.Directory);
        // A relative XDG_CACHE_HOME is ignored, as the XDG base directory specification says.
        Assert.Equal(Path.GetFullPath("/h/.cache/grading-engine/proofs"), ProofCache.ForUser("", "relative", "/h")!.Directory);
        Assert.Null(ProofCache.ForUser(null, null, null));
    }

    private static GradingEngine.Model.Rulebook LoadedRulebook(string folder) =>
        RulebookLoader.Load(folder, LoadLimits.Default, new DiagnosticBag())!;
}
