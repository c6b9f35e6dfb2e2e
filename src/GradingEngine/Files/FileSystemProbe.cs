using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GradingEngine.Files;

/// <summary>
/// The file-type questions .NET's file APIs cannot answer: <see cref="FileInfo"/> reports a named pipe or a
/// device as a file of length 0, and opening a named pipe blocks until a writer comes. On Unix this asks
/// stat(2) through the runtime's own native shim (libSystem.Native, whose FileStatus layout .NET defines
/// the same on every Unix, as the dotnet CLI does too) and opens with O_NONBLOCK, so no path can hang a read.
/// </summary>
internal static class FileSystemProbe
{
    /// <summary>What <paramref name="path"/> is: links followed, or with <paramref name="followLinks"/> false the link itself.</summary>
    public static FileKind Kind(string path, bool followLinks, out int error)
    {
        error = 0;
        if (OperatingSystem.IsWindows()) return WindowsKind(path, followLinks);
        var status = followLinks ? Native.Stat(path, out var s) : Native.LStat(path, out s);
        if (status != 0)
        {
            error = Marshal.GetLastPInvokeError();
            return FileKind.Missing;
        }
        return KindOf(s.Mode);
    }

    public static long Length(string path) =>
        !OperatingSystem.IsWindows() && Native.Stat(path, out var s) == 0 ? s.Size : new FileInfo(path).Length;

    /// <summary>
    /// Opens a file for reading that was a regular file a moment ago, refusing it (null, with its kind) if it
    /// has become anything else: on Unix non-blocking, so a named pipe swapped in meanwhile cannot hang the open.
    /// </summary>
    public static SafeFileHandle? OpenRegular(string path, out FileKind kind)
    {
        kind = FileKind.Regular;
        if (OperatingSystem.IsWindows() || Native.OpenFlags is not { } flags)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        int fd;
        try
        {
            fd = Native.Open(path, flags);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library the runtime cannot name: the stat before this already refused all but a regular file.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (Native.FStat(handle, out var s) != 0 || (kind = KindOf(s.Mode)) != FileKind.Regular)
        {
            handle.Dispose();
            return null;
        }
        return handle;
    }

    /// <summary>The absolute path with every link and `.`/`..` resolved, or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsWindows()) return Native.RealPath(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full)) return null;
        var target = File.GetAttributes(full).HasFlag(FileAttributes.Directory)
            ? new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)
            : new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? full;
    }

    /// <summary>The reason in the operating system's words, lowercased as messages are: "permission denied".</summary>
    public static string Describe(int error)
    {
        var message = Marshal.GetPInvokeErrorMessage(error);
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : $"error {error}";
    }

    public const int NoSuchFile = 2;

    private static FileKind KindOf(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Folder,
        0x1000 => FileKind.NamedPipe,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xA000 => FileKind.SymbolicLink,
        _ => FileKind.Other,
    };

    private static FileKind WindowsKind(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path)) return FileKind.Missing;
        var attributes = info.Attributes;
        if (!followLinks && attributes.HasFlag(FileAttributes.ReparsePoint)) return FileKind.SymbolicLink;
        if (attributes.HasFlag(FileAttributes.Directory)) return FileKind.Folder;
        return attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular;
    }

    private static class Native
    {
        /// <summary>The prefix of the runtime's FileStatus that is read here; sized well past the whole struct it writes.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
            public uint Uid;
            public uint Gid;
            public long Size;
        }

        /// <summary>O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, which differ between kernels; null elsewhere (opened blocking after the stat).</summary>
        public static int? OpenFlags { get; } =
            OperatingSystem.IsLinux() ? 0x800 | 0x100 | 0x80000 :
            OperatingSystem.IsMacOS() ? 0x4 | 0x20000 | 0x1000000 :
            OperatingSystem.IsFreeBSD() ? 0x4 | 0x8000 | 0x100000 :
            null;

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        public static extern int FStat(SafeHandle fd, out FileStatus status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_RealPath", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.LPUTF8Str)]
        public static extern string? RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
