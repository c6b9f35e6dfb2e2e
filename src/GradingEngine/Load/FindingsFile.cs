using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Load;

/// <summary>
/// A findings file in any of its formats, read alike by every verb: YAML or JSON (one inspection) and CSV
/// (one or more, by its `inspection` column). Proposed grades pair by name in the same folder:
/// `findings.EXT` with `proposed.yaml` (or `.yml`, `.json`), `X.findings.EXT` with `X.proposed.yaml`;
/// CSV findings pair with none, since one CSV file may hold many inspections.
/// </summary>
internal static class FindingsFile
{
    private static readonly string[] ProposedExtensions = [".yaml", ".yml", ".json"];

    public static bool IsCsv(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every inspection of the file, in file order; null when it has any error (reported in <paramref name="bag"/>).</summary>
    public static IReadOnlyList<Inspection>? Load(string path, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        if (IsCsv(path)) return CsvFindingsLoader.Load(path, rulebook, limits, bag);
        var errorsBefore = bag.ErrorCount;
        var inspection = InspectionLoader.Load(path, rulebook, limits, bag);
        return inspection is null || bag.ErrorCount > errorsBefore ? null : [inspection];
    }

    /// <summary>The proposed-grades file paired with a YAML or JSON findings file by name, when it exists.</summary>
    public static string? ProposedFor(string findingsPath)
    {
        if (IsCsv(findingsPath)) return null;
        var stem = Path.GetFileNameWithoutExtension(findingsPath);
        string prefix;
        if (stem == "findings") prefix = "proposed";
        else if (stem.EndsWith(".findings", StringComparison.Ordinal)) prefix = stem[..^".findings".Length] + ".proposed";
        else return null;
        var folder = Path.GetDirectoryName(findingsPath) ?? "";
        // Any kind of file at that name pairs: the loader refuses one that is not a regular file inside the folder.
        return ProposedExtensions.Select(e => Path.Combine(folder, prefix + e)).FirstOrDefault(p => Files.FileSystemProbe.Kind(p, followLinks: false, out _) != Files.FileKind.Missing);
    }
}
