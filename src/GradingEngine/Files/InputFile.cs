using GradingEngine.Diagnostics;

namespace GradingEngine.Files;

/// <summary>
/// The one way the engine reads a file. The path must name a regular file once links are resolved (a
/// folder, named pipe, socket or device is refused before it is opened, so nothing can hang or stream
/// forever), and, when <c>within</c> is given, lie inside that folder once links are resolved. At most
/// the limit plus one byte is read, whatever length the file system reports.
/// </summary>
internal static class InputFile
{
    /// <summary>The file's bytes, or null with the reason in <paramref name="bag"/>, located at the file's start.</summary>
    /// <param name="within">A folder the file must lie inside after links are resolved: the folder it was found in or named from.</param>
    public static byte[]? Read(string path, long maxBytes, DiagnosticBag bag, string? within = null) =>
        ReadBuffer(path, maxBytes, bag, within) is { } bytes ? (bytes.Offset == 0 && bytes.Count == bytes.Array!.Length ? bytes.Array : bytes.ToArray()) : null;

    /// <summary>
    /// As <see cref="Read"/>, the bytes in the buffer they were read into: no copy for a reader that only looks at them
    /// once. With <paramref name="pool"/>, that buffer is rented from it, for the caller to return when done.
    /// </summary>
    public static ArraySegment<byte>? ReadBuffer(string path, long maxBytes, DiagnosticBag bag, string? within = null, System.Buffers.ArrayPool<byte>? pool = null)
    {
        var start = SourceSpan.FileStart(path);
        if (Check(path, within, start) is not { } problem)
        {
            return ReadChecked(path, maxBytes, bag, start, pool);
        }
        bag.Add(problem);
        return null;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as an input, or null: missing, not a regular file, or outside
    /// <paramref name="within"/>. Located at <paramref name="at"/>; <paramref name="named"/> (such as "report
    /// `x.txt`") is the message's subject when the location is where another file named the path.
    /// </summary>
    /// <param name="withinName">How messages name <paramref name="within"/> ("the findings file's folder"); by default its path.</param>
    public static Diagnostic? Check(string path, string? within, SourceSpan at, string? named = null, string? withinName = null)
    {
        if (path.Length == 0 || path.Contains('\0'))
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, at, $"{named ?? "file"} not found: the name is empty or holds a NUL character");
        }
        var kind = FileSystemProbe.Kind(path, followLinks: true, out var error);
        if (kind == FileKind.Missing)
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, at, error is 0 or FileSystemProbe.NoSuchFile
                ? $"{named ?? "file"} not found"
                : $"cannot read {named ?? "file"}: {FileSystemProbe.Describe(error)}");
        }
        if (kind != FileKind.Regular)
        {
            return NotRegular(at, kind, named);
        }
        if (within is not null && Outside(path, within) is { } resolved)
        {
            return Diagnostic.Error(DiagnosticCodes.OutsideFolder, at, $"{named ?? "file"} lies outside {withinName ?? $"`{within}`"}{resolved}",
                "a file found in a folder or named by another file must lie inside that folder, links resolved");
        }
        return null;
    }

    internal static Diagnostic NotRegular(SourceSpan at, FileKind kind, string? named = null) =>
        Diagnostic.Error(DiagnosticCodes.NotRegularFile, at, $"{(named is null ? "" : named + " is ")}not a regular file: it is {kind.Describe()}",
            "only regular files are read; folders, named pipes, sockets and devices are refused");

    /// <summary>Null when <paramref name="path"/> lies inside <paramref name="folder"/> (links resolved); else how it resolves, for the message.</summary>
    private static string? Outside(string path, string folder)
    {
        var real = FileSystemProbe.RealPath(path);
        var root = FileSystemProbe.RealPath(folder);
        if (real is null || root is null) return "";
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return real.StartsWith(prefix, comparison) ? null : $": it resolves to `{real}`";
    }

    private static ArraySegment<byte>? ReadChecked(string path, long maxBytes, DiagnosticBag bag, SourceSpan start, System.Buffers.ArrayPool<byte>? pool = null)
    {
        byte[]? rented = null;
        try
        {
            var reported = FileSystemProbe.Length(path);
            if (reported > maxBytes)
            {
                bag.Error(DiagnosticCodes.FileTooLarge, start, $"file is {reported} bytes, over the limit of {maxBytes} bytes");
                return null;
            }
            using var handle = FileSystemProbe.OpenRegular(path, out var kind);
            if (handle is null)
            {
                bag.Add(NotRegular(start, kind));
                return null;
            }
            // The reported length is only a hint: read up to one byte past the limit, never more.
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);
            // A rented buffer may be longer than asked for: `capacity` is what may be read into it.
            var capacity = (int)Math.Min(maxBytes + 1, Math.Max(reported + 1, 4096));
            var buffer = pool is null ? new byte[capacity] : rented = pool.Rent(capacity);
            var total = 0;
            while (true)
            {
                if (total == capacity)
                {
                    if (total > maxBytes) break;
                    capacity = (int)Math.Min(maxBytes + 1, (long)capacity * 2);
                    if (pool is null)
                    {
                        Array.Resize(ref buffer, capacity);
                    }
                    else if (buffer.Length < capacity)
                    {
                        var larger = pool.Rent(capacity);
                        buffer.AsSpan(0, total).CopyTo(larger);
                        pool.Return(buffer);
                        buffer = rented = larger;
                    }
                }
                var read = stream.Read(buffer, total, capacity - total);
                if (read == 0) break;
                total += read;
            }
            if (total > maxBytes)
            {
                bag.Error(DiagnosticCodes.FileTooLarge, start, $"file is over the limit of {maxBytes} bytes");
                if (rented is not null) pool!.Return(rented);
                return null;
            }
            return new ArraySegment<byte>(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (rented is not null) pool!.Return(rented);
            bag.Error(DiagnosticCodes.FileNotFound, start, $"cannot read file: {Lower(e.Message)}");
            return null;
        }
    }

    private static string Lower(string message) =>
        message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.') : message;
}
