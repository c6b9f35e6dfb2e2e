using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// The pairs of a quality-assurance sample. The folder is searched recursively (hidden files and folders
/// left out) for codings: a file named `NAME.a.EXT` is coder A's coding of pair `NAME` and `NAME.b.EXT` coder
/// B's, and in a folder of its own a pair may be just `a.EXT` and `b.EXT` (the pair is named after the
/// folder). EXT is `yaml`, `yml`, `json` or `csv`. Anything else (the report, notes) is not a coding.
/// Pairs come in order of name.
/// </summary>
internal static class PairsFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv"];

    public static IReadOnlyList<CodingPairFiles> Find(string folder, DiagnosticBag bag)
    {
        if (!Directory.Exists(folder))
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), File.Exists(folder) ? "expected a folder of pairs, found a file" : "folder not found",
                "`--pairs` takes a folder holding NAME.a.yaml and NAME.b.yaml for each pair");
            return [];
        }
        List<string> files;
        try
        {
            files = [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.')))
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), $"cannot read folder: {e.Message}");
            return [];
        }
        var sides = new SortedDictionary<string, (List<string> A, List<string> B)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Side(folder, file) is not { } side) continue;
            if (!sides.TryGetValue(side.Name, out var pair)) sides.Add(side.Name, pair = ([], []));
            (side.IsA ? pair.A : pair.B).Add(file);
        }
        var pairs = new List<CodingPairFiles>();
        foreach (var (name, (a, b)) in sides)
        {
            foreach (var extra in a.Skip(1).Concat(b.Skip(1)))
            {
                bag.Error(DiagnosticCodes.UnpairedCoding, SourceSpan.FileStart(extra), $"pair `{name}` already has a coding {(a.Contains(extra) ? "A" : "B")}: `{Path.GetFileName((a.Contains(extra) ? a : b)[0])}`",
                    "keep one file per side of a pair");
            }
            if (a.Count == 0 || b.Count == 0)
            {
                var (present, missing) = a.Count == 0 ? (b[0], "A") : (a[0], "B");
                bag.Error(DiagnosticCodes.UnpairedCoding, SourceSpan.FileStart(present), $"coding of pair `{name}` has no coding {missing} to compare with",
                    $"name the other coding `{Partner(present)}`");
                continue;
            }
            pairs.Add(new CodingPairFiles(name, a[0], b[0]));
        }
        if (pairs.Count == 0 && !bag.HasErrors)
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), "no pairs of codings in this folder",
                "a pair is NAME.a.yaml with NAME.b.yaml (or a.yaml with b.yaml in a folder of its own); JSON and CSV codings too");
        }
        return pairs;
    }

    /// <summary>Which side of which pair a file is, or null when it is not a coding.</summary>
    private static (string Name, bool IsA)? Side(string folder, string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        string prefix;
        bool isA;
        if (stem is "a" or "b") (prefix, isA) = ("", stem == "a");
        else if (stem.EndsWith(".a", StringComparison.Ordinal) || stem.EndsWith(".b", StringComparison.Ordinal)) (prefix, isA) = (stem[..^2], stem[^1] == 'a');
        else return null;
        var directory = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!).Replace('\\', '/');
        var name = directory == "." ? prefix : prefix.Length == 0 ? directory : directory + "/" + prefix;
        return (name.Length == 0 ? "." : name, isA);
    }

    private static string Partner(string file)
    {
        var name = Path.GetFileName(file);
        var stem = Path.GetFileNameWithoutExtension(name);
        var other = stem[^1] == 'a' ? 'b' : 'a';
        return stem[..^1] + other + Path.GetExtension(name);
    }
}
