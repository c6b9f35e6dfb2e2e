using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Files;

/// <summary>An output path is written only when nothing is there or a regular file is; anything else is left exactly as it was.</summary>
public class OutputFileTests
{
    private static (bool Written, Diagnostic? Error) Write(string path, string text = "new\n")
    {
        var bag = new DiagnosticBag();
        var written = SpecialFiles.WithinDeadline(() => OutputFile.Write(path, text, bag), path);
        return (written, bag.ToSortedList().FirstOrDefault());
    }

    /// <summary>The folder holds exactly these names: no temporary file left behind.</summary>
    private static void AssertFolderHolds(string folder, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void Write_NothingThere_CreatesTheFile()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "out.txt");

        var (written, error) = Write(path);

        Assert.True(written, error?.Message);
        Assert.Equal("new\n", File.ReadAllText(path));
        AssertFolderHolds(temp.Path, "out.txt");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_RegularFile_ReplacedKeepingItsPermissions()
    {
        using var temp = new TempFolder();
        var path = temp.Write("out.txt", "old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (written, _) = Write(path);

        Assert.True(written);
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        AssertFolderHolds(temp.Path, "out.txt");
    }

    [Fact]
    public void Write_Link_GE108LinkAndTargetUntouched()
    {
        using var temp = new TempFolder();
        var target = temp.Write("target.txt", "kept\n");
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "out.txt"), target);

        var (written, error) = Write(link);

        Assert.False(written);
        Assert.Equal((DiagnosticCodes.NotRegularFile, "cannot write output: it is a symbolic link"), (error!.Code, error.Message));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("kept\n", File.ReadAllText(target));
        AssertFolderHolds(temp.Path, "out.txt", "target.txt");
    }

    [Fact]
    public void Write_NamedPipe_GE108StillAPipe()
    {
        using var temp = new TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(temp.Path, "out.txt"));

        var (written, error) = Write(fifo);

        Assert.False(written);
        Assert.Equal((DiagnosticCodes.NotRegularFile, "cannot write output: it is a named pipe (FIFO)"), (error!.Code, error.Message));
        Assert.Equal(FileKind.NamedPipe, FileSystemProbe.Kind(fifo, followLinks: false, out _));
        AssertFolderHolds(temp.Path, "out.txt");
    }

    [Fact]
    public void Write_LinkToADevice_GE108LinkUntouched()
    {
        // A link made here to /dev/null stands for any device: no real device is ever an output target in a test.
        using var temp = new TempFolder();
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "out.txt"), "/dev/null");

        var (written, error) = Write(link);

        Assert.False(written);
        Assert.Equal(DiagnosticCodes.NotRegularFile, error!.Code);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Write_Folder_GE108()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "out.txt"));

        var (written, error) = Write(Path.Combine(temp.Path, "out.txt"));

        Assert.False(written);
        Assert.Equal((DiagnosticCodes.NotRegularFile, "cannot write output: it is a folder"), (error!.Code, error.Message));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out.txt")));
    }

    [Fact]
    public void Write_FolderMissing_GE100NothingCreated()
    {
        using var temp = new TempFolder();

        var (written, error) = Write(Path.Combine(temp.Path, "missing", "out.txt"));

        Assert.False(written);
        Assert.Equal((DiagnosticCodes.FileNotFound, "cannot write output: its folder does not exist"), (error!.Code, error.Message));
        AssertFolderHolds(temp.Path);
    }
}
