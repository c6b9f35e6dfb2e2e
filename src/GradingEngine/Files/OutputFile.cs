using System.Text;
using GradingEngine.Diagnostics;

namespace GradingEngine.Files;

/// <summary>
/// The one way the engine writes a file a user named. The text goes to a new temporary file in the target's
/// folder, which then replaces the target only if the target is absent or a regular file: a link, folder,
/// named pipe, socket or device at the path is an error and is left untouched, and a failure never leaves a
/// partial file behind.
/// </summary>
public static class OutputFile
{
    /// <summary>Why <paramref name="path"/> cannot be written, or null; nothing is touched either way.</summary>
    public static Diagnostic? Check(string path)
    {
        var at = SourceSpan.FileStart(path);
        if (path.Length == 0 || path.Contains('\0'))
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, at, "cannot write output: the name is empty or holds a NUL character");
        }
        var full = Path.GetFullPath(path);
        var kind = FileSystemProbe.Kind(full, followLinks: false, out var error);
        if (kind == FileKind.Missing && error is not (0 or FileSystemProbe.NoSuchFile))
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, at, $"cannot write output: {FileSystemProbe.Describe(error)}");
        }
        if (kind is not (FileKind.Missing or FileKind.Regular) || Path.EndsInDirectorySeparator(path))
        {
            return Diagnostic.Error(DiagnosticCodes.NotRegularFile, at, $"cannot write output: it is {(kind == FileKind.Missing ? FileKind.Folder : kind).Describe()}",
                "output replaces only a regular file or takes a new name; give another file name");
        }
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, at, "cannot write output: its folder does not exist");
        }
        return null;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="path"/>; false, with the reason in <paramref name="bag"/>, when it cannot.</summary>
    public static bool Write(string path, string text, DiagnosticBag bag)
    {
        if (Check(path) is { } problem)
        {
            bag.Add(problem);
            return false;
        }
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // CreateNew is O_EXCL: a link planted at the temporary name is never followed.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            var kind = FileSystemProbe.Kind(full, followLinks: false, out _);
            if (kind == FileKind.Regular && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }
            // Looked at again just before the rename, which replaces the entry itself and never writes through a link.
            if (kind == FileKind.Missing)
            {
                File.Move(temp, full, overwrite: false);
                return true;
            }
            if (kind == FileKind.Regular)
            {
                File.Move(temp, full, overwrite: true);
                return true;
            }
            File.Delete(temp);
            bag.Error(DiagnosticCodes.NotRegularFile, SourceSpan.FileStart(path), $"cannot write output: it is {kind.Describe()}",
                "output replaces only a regular file or takes a new name; give another file name");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            var message = e.Message.Length > 0 ? char.ToLowerInvariant(e.Message[0]) + e.Message[1..].TrimEnd('.') : "unknown error";
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(path), $"cannot write output: {message}");
            return false;
        }
    }
}
