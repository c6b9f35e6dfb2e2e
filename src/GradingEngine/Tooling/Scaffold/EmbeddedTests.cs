using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Tooling.RuleTests;

namespace GradingEngine.Tooling.Scaffold;

/// <summary>
/// Runs an embedded rulebook's own test cases. They name findings files by paths relative to the test file
/// (the seed case reaches `../../../seeds/...`), so the rulebook and its seeds are written out to a fresh
/// temporary folder in the repository's layout, tested there exactly as a folder is, and deleted; diagnostics
/// and the report name the embedded files (`ID/tests/q1.yaml`, `seeds/...`), never the temporary folder.
/// </summary>
internal static class EmbeddedTests
{
    public static Result<RuleTestReport> Run(string id, LoadLimits? limits)
    {
        var root = Path.Combine(Path.GetTempPath(), "grading-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = NewFiles.Write(root, RulebookExport.Files(id));
            if (!written.Succeeded) return Result<RuleTestReport>.Fail(written.Diagnostics);
            var result = RuleTestRunner.Test(Path.Combine(root, "rules", id), limits ?? LoadLimits.Default, findingsRoot: Path.Combine(root, "seeds"));
            var diagnostics = result.Diagnostics.Select(d => d with { Span = d.Span with { Path = Rename(root, id, d.Span.Path) } }).ToList();
            // The report names the rule files as any output of an embedded rulebook does: `ID/tests/q1.yaml`.
            var report = result.Value is { } value ? value with { Rulebook = value.Rulebook with { EmbeddedId = id } } : null;
            return result with { Value = report, Diagnostics = diagnostics };
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static string Rename(string root, string id, string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetRelativePath(root, full).StartsWith("..", StringComparison.Ordinal)) return path;
        return Render.RenderPaths.EmbeddedName(id, Path.GetRelativePath(Path.Combine(root, "rules", id), full).Replace('\\', '/'));
    }
}
