using GradingEngine.Diagnostics;
using GradingEngine.Load;

namespace GradingEngine.Tooling.Scaffold;

/// <summary>
/// Writes an embedded rulebook out as files to start editing, in the repository's layout:
/// `DIR/rules/ID/...` and, beside it, the seed files its own test cases grade (`DIR/seeds/...`), so
/// `grading rules test DIR/rules/ID --findings-root DIR/seeds` passes on the copy as it does on the original.
/// </summary>
internal static class RulebookExport
{
    /// <summary>The rulebook written, or why nothing was (an unknown id, or a file already there).</summary>
    public static Result<WrittenRulebook> Export(string id, string directory)
    {
        if (RulebookSource.Embedded(id) is null)
        {
            var help = Diagnostics.NameSuggester.Help(id, EmbeddedRulebooks.Ids)
                ?? $"the embedded rulebooks are: {string.Join(", ", EmbeddedRulebooks.Ids.Select(i => $"`{i}`"))}";
            return Result<WrittenRulebook>.Fail([Diagnostic.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(id), $"no embedded rulebook `{id}`", help)]);
        }
        var written = NewFiles.Write(directory, Files(id));
        return written.Succeeded
            ? Result<WrittenRulebook>.Ok(new WrittenRulebook(id, Path.Combine(directory, "rules", id), written.Value!), [])
            : Result<WrittenRulebook>.Fail(written.Diagnostics);
    }

    /// <summary>The rulebook's files and the shipped seeds, by path in the repository, with their exact bytes.</summary>
    internal static IReadOnlyList<(string Relative, byte[] Bytes)> Files(string id) =>
        [.. EmbeddedRulebooks.FilesOf(id).Select(f => $"rules/{id}/{f}").Concat(EmbeddedRulebooks.Seeds).Select(path => (path, Bytes(path)))];

    private static byte[] Bytes(string path)
    {
        using var stream = EmbeddedRulebooks.Open(path)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
