using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.Scaffold;

/// <summary>
/// Writes a set of new files under a folder, all or nothing: when any of them already exists (or the folder
/// is a file), every such path is reported and nothing is written, so no one's work is ever overwritten.
/// </summary>
internal static class NewFiles
{
    /// <summary>The full paths written, in the order given; or every reason none was.</summary>
    public static Result<IReadOnlyList<string>> Write(string root, IReadOnlyList<(string Relative, byte[] Bytes)> files)
    {
        var bag = new DiagnosticBag();
        if (File.Exists(root))
        {
            bag.Error(DiagnosticCodes.OutputExists, SourceSpan.FileStart(root), "cannot write into it: it is a file", "give a folder, new or empty");
            return Result<IReadOnlyList<string>>.Fail(bag.ToSortedList());
        }
        var targets = files.Select(f => (Path: Path.Combine(root, f.Relative), f.Bytes)).ToList();
        foreach (var (path, _) in targets.Where(t => File.Exists(t.Path) || Directory.Exists(t.Path)))
        {
            bag.Error(DiagnosticCodes.OutputExists, SourceSpan.FileStart(path), "already exists: not overwritten", "choose a new or empty folder, or move the file away");
        }
        if (bag.HasErrors) return Result<IReadOnlyList<string>>.Fail(bag.ToSortedList());
        var written = new List<string>();
        try
        {
            foreach (var (path, bytes) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                // CreateNew: a file that appeared since the check above is still never overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(bytes);
                written.Add(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // All or nothing: take back what this call wrote, and only that.
            foreach (var path in written) File.Delete(path);
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(root), $"cannot write the files: {e.Message}");
            return Result<IReadOnlyList<string>>.Fail(bag.ToSortedList());
        }
        return Result<IReadOnlyList<string>>.Ok(written, []);
    }
}
