using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Which files a batch grades. A file named on the command line is always a findings file. A folder is
/// searched recursively for `*.yaml`, `*.yml`, `*.json` and `*.csv`, leaving out hidden files and folders
/// (names starting with `.`), proposed-grades files (`proposed*` and `*.proposed.*`) and YAML or JSON files
/// that are plainly something else: not a mapping with a `findings` key or an `inspection:` id.
/// A file that does not parse is kept, so that its errors are reported rather than hidden.
/// Proposed grades pair by name in the same folder: `findings.EXT` with `proposed.yaml` (or `.yml`,
/// `.json`), `X.findings.EXT` with `X.proposed.yaml` (or `.yml`, `.json`).
/// </summary>
internal static class BatchFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv"];

    private static readonly string[] ProposedExtensions = [".yaml", ".yml", ".json"];

    public static List<BatchInput> Find(IReadOnlyList<string> paths, LoadLimits limits, DiagnosticBag bag, List<SkippedFile> skipped)
    {
        var inputs = new List<BatchInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !IsHidden(path, f) && Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                candidates.AddRange(found);
                foreach (var file in found.Where(f => !IsProposed(f) && LooksLikeFindings(f, limits, skipped)))
                {
                    Add(file);
                }
            }
            else
            {
                bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(path), "file or folder not found");
            }
        }
        var paired = inputs.Select(i => i.ProposedPath).OfType<string>().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var file in candidates.Where(f => IsProposed(f) && !paired.Contains(Path.GetFullPath(f))).Distinct(StringComparer.Ordinal))
        {
            skipped.Add(new SkippedFile(file, "a proposed-grades file that no findings file in its folder pairs with"));
        }
        return inputs;

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                inputs.Add(new BatchInput(file, ProposedFor(file)));
            }
        }
    }

    private static bool IsHidden(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static bool IsProposed(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("proposed", StringComparison.Ordinal) || name.Contains(".proposed.", StringComparison.Ordinal);
    }

    /// <summary>The proposed-grades file paired with a YAML or JSON findings file by name; CSV findings have none.</summary>
    internal static string? ProposedFor(string findingsPath)
    {
        var name = Path.GetFileName(findingsPath);
        var extension = Path.GetExtension(name);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return null;
        var stem = Path.GetFileNameWithoutExtension(name);
        string prefix;
        if (stem == "findings") prefix = "proposed";
        else if (stem.EndsWith(".findings", StringComparison.Ordinal)) prefix = stem[..^".findings".Length] + ".proposed";
        else return null;
        var folder = Path.GetDirectoryName(findingsPath) ?? "";
        return ProposedExtensions.Select(e => Path.Combine(folder, prefix + e)).FirstOrDefault(File.Exists);
    }

    /// <summary>A YAML or JSON file found in a folder is graded unless it parses, and not to a mapping with a `findings` key or an `inspection:` id.</summary>
    private static bool LooksLikeFindings(string file, LoadLimits limits, List<SkippedFile> skipped)
    {
        if (Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase)) return true;
        var root = YamlReader.ReadFile(file, limits, new DiagnosticBag());
        if (root is null) return true;
        var looks = root is YMapping mapping && mapping.Entries.Any(e => e.Key.Value == "findings" || (e.Key.Value == "inspection" && e.Value is YScalar));
        if (!looks)
        {
            skipped.Add(new SkippedFile(file, "not a findings file: no `findings` key and no `inspection:` id"));
        }
        return looks;
    }
}
