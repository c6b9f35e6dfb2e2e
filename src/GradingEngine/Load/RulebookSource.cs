using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Load;

/// <summary>
/// Where a rulebook's files come from: a folder on disk, or a rulebook embedded in the engine (see
/// <see cref="EmbeddedRulebooks"/>). The loader reads only through this, so both are read alike, with the
/// same limits and the same strict UTF-8.
/// </summary>
public abstract class RulebookSource
{
    /// <summary>How the rulebook is named in paths: the folder as given, or the id of an embedded rulebook.</summary>
    public abstract string Location { get; }

    /// <summary>True for a rulebook embedded in the engine.</summary>
    public abstract bool IsEmbedded { get; }

    /// <summary>A rulebook folder on disk.</summary>
    public static RulebookSource Folder(string directory) => new FolderSource(directory);

    /// <summary>The ids of the rulebooks embedded in the engine, in ordinal order.</summary>
    public static IReadOnlyList<string> EmbeddedIds => EmbeddedRulebooks.Ids;

    /// <summary>The embedded rulebook used when none is named: PEEL 2015 effectiveness.</summary>
    public static RulebookSource Default => new EmbeddedSource(EmbeddedRulebooks.DefaultId);

    /// <summary>The embedded rulebook with this id, or null when none is embedded.</summary>
    public static RulebookSource? Embedded(string id) => EmbeddedRulebooks.Ids.Contains(id, StringComparer.Ordinal) ? new EmbeddedSource(id) : null;

    /// <summary>A file's path as diagnostics show it.</summary>
    public string PathOf(string relative) => IsEmbedded ? $"{Location}/{relative.Replace('\\', '/')}" : Path.Combine(Location, relative);

    /// <summary>Null when the rulebook is there; else why not, located at its path.</summary>
    internal abstract Diagnostic? Missing();

    /// <summary>Whether anything is at <paramref name="relative"/> (a file to read, or something a read will refuse).</summary>
    internal abstract bool Has(string relative);

    /// <summary>The names of the files directly in <paramref name="folder"/> (relative to the rulebook), or null when there is no such folder.</summary>
    internal abstract IReadOnlyList<string>? FilesIn(string folder);

    /// <summary>A file as strict UTF-8 within the limits, named by <see cref="PathOf"/>; null with the reason in <paramref name="bag"/>.</summary>
    internal abstract SourceText? Read(string relative, LoadLimits limits, DiagnosticBag bag);

    public override string ToString() => Location;
}
