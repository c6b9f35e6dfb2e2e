using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>The example case in docs/rulebook-tests.md is a real, passing case of the shipped rulebook.</summary>
public class RulebookTestsDocTests
{
    [Fact]
    public void ExampleCase_AgainstTheShippedRulebook_Passes()
    {
        // Arrange: the shipped rulebook without its own tests, and the documented example as its only test file.
        var example = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "rulebook-tests.md")).Single(b => b.Label == "example: tests/example.yaml").Content;
        using var temp = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Repo.DefaultRules, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.DefaultRules, file);
            if (relative.StartsWith(RuleTestLoader.TestsFolder, StringComparison.Ordinal)) continue;
            temp.Write(Path.Combine("rules", relative), File.ReadAllText(file));
        }
        temp.Write(Path.Combine("rules", RuleTestLoader.TestsFolder, "example.yaml"), example);

        // Act
        var result = GradingPipeline.TestRulebook(Path.Combine(temp.Path, "rules"));

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var c = Assert.Single(result.Value!.Cases);
        Assert.True(c.Passed, string.Join("; ", c.Failures.Select(f => $"{f.Subject}: expected {f.Expected}, got {f.Actual}")));
        Assert.Equal(5, c.Expectations.Count);
    }
}
