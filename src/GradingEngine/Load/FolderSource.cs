using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Load;

/// <summary>A rulebook folder on disk, read through the engine's one file reader (<see cref="YamlReader.ReadSource"/>).</summary>
internal sealed class FolderSource(string directory) : RulebookSource
{
    public override string Location { get; } = directory;

    public override bool IsEmbedded => false;

    internal override Diagnostic? Missing()
    {
        if (Directory.Exists(Location)) return null;
        var hint = File.Exists(Location) ? "`--rules` takes the rulebook folder, not a file"
            : EmbeddedRulebooks.Ids.Count > 0 ? $"the embedded rulebooks are: {string.Join(", ", EmbeddedRulebooks.Ids.Select(i => $"`{i}`"))} (`grading rules list`)" : null;
        return Diagnostic.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(Location), "rulebook folder not found", hint);
    }

    internal override bool Has(string relative) =>
        Files.FileSystemProbe.Kind(PathOf(relative), followLinks: false, out _) != Files.FileKind.Missing;

    internal override IReadOnlyList<string>? FilesIn(string folder)
    {
        var path = Path.Combine(Location, folder);
        return Directory.Exists(path) ? [.. Directory.EnumerateFiles(path).Select(f => Path.GetFileName(f))] : null;
    }

    /// <summary>A rulebook file, which must lie inside the rulebook folder once links are resolved.</summary>
    internal override SourceText? Read(string relative, LoadLimits limits, DiagnosticBag bag) =>
        YamlReader.ReadSource(PathOf(relative), limits, bag, within: Location);
}
