namespace GradingEngine.Files;

/// <summary>What a path names, links followed unless said otherwise. Only <see cref="Regular"/> is ever read or replaced.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Folder,
    NamedPipe,
    Socket,
    CharacterDevice,
    BlockDevice,
    SymbolicLink,
    Other,
}

internal static class FileKindNames
{
    /// <summary>"a folder", "a named pipe (FIFO)": for "not a regular file: it is ..." messages.</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Folder => "a folder",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "not a regular file",
    };
}
