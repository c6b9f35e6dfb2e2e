using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Files;

/// <summary>Only regular files are read, within a hard limit, and inside the folder they belong to.</summary>
public class InputFileTests
{
    private static (byte[]? Bytes, Diagnostic? Error) Read(string path, long limit = 1024, string? within = null)
    {
        var bag = new DiagnosticBag();
        var bytes = SpecialFiles.WithinDeadline(() => InputFile.Read(path, limit, bag, within), path);
        return (bytes, bag.ToSortedList().FirstOrDefault());
    }

    [Fact]
    public void Read_RegularFile_ReturnsItsBytes()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.yaml", "id: a\n");

        var (bytes, error) = Read(path);

        Assert.Null(error);
        Assert.Equal("id: a\n", Encoding.UTF8.GetString(bytes!));
    }

    [Fact]
    public void Read_NamedPipe_GE108WithoutWaitingForAWriter()
    {
        using var temp = new TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(temp.Path, "findings.yaml"));

        var (bytes, error) = Read(fifo);

        Assert.Null(bytes);
        Assert.Equal((DiagnosticCodes.NotRegularFile, "not a regular file: it is a named pipe (FIFO)", 1, 1),
            (error!.Code, error.Message, error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Read_LinkToDevZero_GE108WithoutReadingIt()
    {
        using var temp = new TempFolder();
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "criteria.yaml"), "/dev/zero");

        var (bytes, error) = Read(link, limit: 8 * 1024 * 1024);

        Assert.Null(bytes);
        Assert.Equal(DiagnosticCodes.NotRegularFile, error!.Code);
        Assert.Contains("a character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Socket_GE108()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "s.yaml");
        using var socket = SpecialFiles.Socket(path);

        var (_, error) = Read(path);

        Assert.Equal((DiagnosticCodes.NotRegularFile, "not a regular file: it is a socket"), (error!.Code, error.Message));
    }

    [Fact]
    public void Read_Folder_GE108()
    {
        using var temp = new TempFolder();

        var (_, error) = Read(temp.Path);

        Assert.Equal((DiagnosticCodes.NotRegularFile, "not a regular file: it is a folder"), (error!.Code, error.Message));
    }

    [Fact]
    public void Read_Missing_GE100()
    {
        using var temp = new TempFolder();

        var (_, error) = Read(Path.Combine(temp.Path, "missing.yaml"));

        Assert.Equal((DiagnosticCodes.FileNotFound, "file not found"), (error!.Code, error.Message));
    }

    [Fact]
    public void Read_NulInName_GE100InsteadOfAnotherFile()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.yaml", "id: a\n");

        var (bytes, error) = Read(path + "\0.ignored");

        Assert.Null(bytes);
        Assert.Equal(DiagnosticCodes.FileNotFound, error!.Code);
    }

    [Fact]
    public void Read_OneByteOverTheLimit_GE101()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.yaml", new byte[101]);

        var (atLimit, _) = Read(path, limit: 101);
        var (over, error) = Read(path, limit: 100);

        Assert.Equal(101, atLimit!.Length);
        Assert.Null(over);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error!.Code);
    }

    [Fact]
    public void Read_RegularFileReportingLengthZero_LimitStillHolds()
    {
        // /proc files are regular files whose reported length is 0: the limit must not trust it.
        const string path = "/proc/self/status";
        Assert.True(File.Exists(path), "this test needs Linux's /proc");

        var (all, _) = Read(path, limit: 1024 * 1024);
        var (limited, error) = Read(path, limit: 16);

        Assert.True(all!.Length > 16);
        Assert.Null(limited);
        Assert.Equal((DiagnosticCodes.FileTooLarge, "file is over the limit of 16 bytes"), (error!.Code, error.Message));
    }

    [Fact]
    public void ReadBuffer_FromAPool_SameBytesAndLimitsAsRead()
    {
        // A pooled buffer (a rulebook's files) may be longer than asked for: only the bytes read count, and the
        // limit holds for a file that reports no length, growing the buffer past the pool's first rent.
        var pool = System.Buffers.ArrayPool<byte>.Create();
        using var temp = new TempFolder();
        var path = temp.Write("a.yaml", new string('x', 5000) + "\n");
        var bag = new DiagnosticBag();

        var read = InputFile.ReadBuffer(path, 1024 * 1024, bag, pool: pool);
        var status = SpecialFiles.WithinDeadline(() => InputFile.ReadBuffer("/proc/self/status", 1024 * 1024, bag, pool: pool), "/proc/self/status");
        var over = InputFile.ReadBuffer("/proc/self/status", 16, bag, pool: pool);

        Assert.Equal(File.ReadAllBytes(path), read!.Value.ToArray());
        Assert.True(status!.Value.Count > 16);
        Assert.Null(over);
        var error = Assert.Single(bag.ToSortedList());
        Assert.Equal((DiagnosticCodes.FileTooLarge, "file is over the limit of 16 bytes"), (error.Code, error.Message));
    }

    [Fact]
    public void Read_LinkLeavingTheFolder_GE109NamingWhereItResolves()
    {
        using var temp = new TempFolder();
        var secret = temp.Write("secret.txt", "root:*:20228:0:99999:7:::\n");
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "rules", "codebook.yaml"), secret);

        var (bytes, error) = Read(link, within: Path.Combine(temp.Path, "rules"));

        Assert.Null(bytes);
        Assert.Equal(DiagnosticCodes.OutsideFolder, error!.Code);
        Assert.Contains("secret.txt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinkStayingInsideTheFolder_Reads()
    {
        using var temp = new TempFolder();
        var real = temp.Write(Path.Combine("rules", "shared", "codebook.yaml"), "id: a\n");
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "rules", "codebook.yaml"), real);

        var (bytes, error) = Read(link, within: Path.Combine(temp.Path, "rules"));

        Assert.Null(error);
        Assert.NotNull(bytes);
    }

    [Fact]
    public void Read_DotDotOutOfTheFolder_GE109()
    {
        using var temp = new TempFolder();
        temp.Write("report.txt", "text");
        Directory.CreateDirectory(Path.Combine(temp.Path, "case"));

        var (_, error) = Read(Path.Combine(temp.Path, "case", "..", "report.txt"), within: Path.Combine(temp.Path, "case"));

        Assert.Equal(DiagnosticCodes.OutsideFolder, error!.Code);
    }
}
