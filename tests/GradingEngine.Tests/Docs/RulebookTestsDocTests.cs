using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>The examples in docs/rulebook-tests.md are real, passing tests of the shipped rulebook.</summary>
public class RulebookTestsDocTests
{
    private static string Example(string label) =>
        MarkdownBlocks.Read(Path.Combine(Repo.Docs, "rulebook-tests.md")).Single(b => b.Label == label).Content;

    /// <summary>The shipped rulebook without its own tests, with <paramref name="tests"/> as its test files; returns the rulebook folder.</summary>
    private static string WithTests(TempFolder temp, params (string Name, string Text)[] tests)
    {
        foreach (var file in Directory.EnumerateFiles(Repo.DefaultRules, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.DefaultRules, file);
            if (relative.StartsWith(RuleTestLoader.TestsFolder, StringComparison.Ordinal)) continue;
            temp.Write(Path.Combine("rules", relative), File.ReadAllText(file));
        }
        foreach (var (name, text) in tests) temp.Write(Path.Combine("rules", RuleTestLoader.TestsFolder, name), text);
        return Path.Combine(temp.Path, "rules");
    }

    [Fact]
    public void PublishedExample_AgainstTheShippedRulebook_PrintsTheDocumentedLine()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = WithTests(temp, ("published.yaml", Example("example: tests/published.yaml")), ("published.csv", Example("example: tests/published.csv")));

        // Act
        var result = GradingPipeline.TestRulebook(rules);

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var text = RuleTestRenderer.RenderText(result.Value!, coverage: false, minimumCoverage: null);
        Assert.Equal("PASS published-example: 3 published rows, 3 agree (unknown question grades: some grade)\n1 passed, 0 failed\n", text);
        Assert.Contains("PASS published-example: 3 published rows, 3 agree (unknown question grades: some grade)\n",
            File.ReadAllText(Path.Combine(Repo.Docs, "rulebook-tests.md")).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleCase_AgainstTheShippedRulebook_Passes()
    {
        // Arrange: the shipped rulebook without its own tests, and the documented example as its only test file.
        using var temp = new TempFolder();
        WithTests(temp, ("example.yaml", Example("example: tests/example.yaml")));

        // Act
        var result = GradingPipeline.TestRulebook(Path.Combine(temp.Path, "rules"));

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var c = Assert.Single(result.Value!.Cases);
        Assert.True(c.Passed, string.Join("; ", c.Failures.Select(f => $"{f.Subject}: expected {f.Expected}, got {f.Actual}")));
        Assert.Equal(5, c.Expectations.Count);
    }
}
