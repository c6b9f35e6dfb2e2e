using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Which files a batch grades. A file named on the command line is always a findings file. A folder is
/// searched recursively for `*.yaml`, `*.yml`, `*.json` and `*.csv`, leaving out hidden files and folders
/// (names starting with `.`), proposed-grades files (`proposed*` and `*.proposed.*`) and files that are
/// plainly something else (see <see cref="NotFindings"/>), such as a report a previous batch wrote there.
/// Nothing in a folder is passed over silently: a named pipe, socket or device anywhere in it is an error,
/// and so is a findings file whose links lead outside the folder; a link to a folder is not followed and is
/// listed as left out. Proposed grades pair by name in the same folder, as for every verb (<see cref="FindingsFile.ProposedFor"/>).
/// </summary>
internal static class BatchFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv"];

    public static List<BatchInput> Find(IReadOnlyList<string> paths, LoadLimits limits, DiagnosticBag bag, List<SkippedFile> skipped)
    {
        var inputs = new List<BatchInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string>();
        var left = new Dictionary<string, SkippedFile>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var kind = FileSystemProbe.Kind(path, followLinks: true, out _);
            if (kind == FileKind.Folder)
            {
                List<string> found;
                try
                {
                    found = Walk(path, bag, left).Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(path), $"cannot read folder: {e.Message}");
                    continue;
                }
                candidates.AddRange(found);
                foreach (var file in found.Where(f => !IsProposed(f)))
                {
                    if (NotFindings(file, limits) is { } reason) left.TryAdd(Path.GetFullPath(file), new SkippedFile(file, reason));
                    else Add(file);
                }
            }
            else if (kind == FileKind.Missing)
            {
                bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(path), "file or folder not found");
            }
            else if (InputFile.Check(path, null, SourceSpan.FileStart(path)) is { } problem)
            {
                bag.Add(problem);
            }
            else
            {
                Add(path);
            }
        }
        var paired = inputs.Select(i => i.ProposedPath).OfType<string>().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var file in candidates.Where(f => IsProposed(f) && !paired.Contains(Path.GetFullPath(f))))
        {
            left.TryAdd(Path.GetFullPath(file), new SkippedFile(file, "a proposed-grades file that no findings file in its folder pairs with"));
        }
        skipped.AddRange(left.Where(l => !seen.Contains(l.Key)).Select(l => l.Value));
        if (inputs.Count == 0 && !bag.HasErrors)
        {
            // Nothing to grade is almost always a wrong path: say so rather than report an empty batch.
            foreach (var folder in paths.Where(Directory.Exists))
            {
                bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), "no findings files in this folder",
                    $"a folder is searched for *.yaml, *.yml, *.json and *.csv findings files{(skipped.Count > 0 ? $"; {skipped.Count} other files were left out" : "")}");
            }
        }
        return inputs;

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                inputs.Add(new BatchInput(file, FindingsFile.ProposedFor(file)));
            }
        }
    }

    /// <summary>
    /// The files of the findings kinds under <paramref name="root"/>, not hidden, each a regular file inside the
    /// root once links are resolved. Special files (of any name) and findings files that resolve outside the root
    /// are errors; links to folders are left out, so no link can lead the walk out of the folder or round in a loop.
    /// </summary>
    private static List<string> Walk(string root, DiagnosticBag bag, Dictionary<string, SkippedFile> left)
    {
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folders.Pop()))
            {
                if (Path.GetFileName(entry).StartsWith('.')) continue;
                var own = FileSystemProbe.Kind(entry, followLinks: false, out _);
                if (own == FileKind.Folder)
                {
                    folders.Push(entry);
                    continue;
                }
                var target = own == FileKind.SymbolicLink ? FileSystemProbe.Kind(entry, followLinks: true, out _) : own;
                var findingsKind = Extensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase);
                if (target == FileKind.Folder)
                {
                    left.TryAdd(Path.GetFullPath(entry), new SkippedFile(entry, "a link to a folder, not followed"));
                }
                else if (target is not (FileKind.Regular or FileKind.Missing) || (findingsKind && target == FileKind.Missing))
                {
                    // A named pipe would hang a read, a device never end: never skipped silently, never opened.
                    bag.Add(InputFile.Check(entry, root, SourceSpan.FileStart(entry))!);
                }
                else if (findingsKind && InputFile.Check(entry, root, SourceSpan.FileStart(entry)) is { } problem)
                {
                    bag.Add(problem);
                }
                else if (findingsKind)
                {
                    files.Add(entry);
                }
            }
        }
        return files;
    }

    private static bool IsProposed(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("proposed", StringComparison.Ordinal) || name.Contains(".proposed.", StringComparison.Ordinal);
    }

    /// <summary>
    /// Why a file found in a folder is plainly not a findings file, or null to grade it. YAML and JSON:
    /// it parses, but not to a mapping with a `findings` key or an `inspection:` id. CSV: its header names
    /// none of the finding columns (a batch CSV report, say); one misspelt column still leaves the others.
    /// A file that cannot be read or parsed is graded, so that its errors are reported rather than hidden.
    /// </summary>
    private static string? NotFindings(string file, LoadLimits limits)
    {
        // Only to look at: the loader reads the file again, with its SHA-256, if it is graded.
        var text = YamlReader.ReadText(file, limits, new DiagnosticBag());
        if (text is null) return null;
        if (Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var header = CsvFindingsLoader.ReadHeader(text);
            return header is null || header.Any(c => CsvFindingsLoader.FindingColumns.Contains(c)) ? null : "not a findings file: its header has no finding columns";
        }
        // Findings files usually say so in their first key: a stream read stops there, where the full
        // parse below read each file once more than loading it does (a quarter of a batch's time).
        if (YamlReader.HasTopLevelKey(text, limits, IsFindingsKey)) return null;
        var root = YamlReader.Parse(file, text, limits, new DiagnosticBag());
        if (root is null) return null;
        var looks = root is YMapping mapping && mapping.Entries.Any(e => IsFindingsKey(e.Key.Value, e.Value is YScalar));
        return looks ? null : "not a findings file: no `findings` key and no `inspection:` id";
    }

    private static bool IsFindingsKey(string key, bool scalarValue) => key == "findings" || (key == "inspection" && scalarValue);
}
