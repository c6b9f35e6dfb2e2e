using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace GradingEngine.Tests.Support;

/// <summary>
/// Named pipes, sockets and links made in a test's own temp folder, and a guard that fails a test that
/// takes more than a few seconds instead of hanging the run. Never a system device as an output target.
/// </summary>
public static class SpecialFiles
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>A named pipe at <paramref name="path"/>, made with `mkfifo` as a user would.</summary>
    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, "mkfifo failed: " + mkfifo.StandardError.ReadToEnd());
        return path;
    }

    /// <summary>A listening Unix socket bound at <paramref name="path"/>; dispose to close it.</summary>
    public static Socket Socket(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }

    public static string Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>
    /// Runs <paramref name="act"/> and fails if it has not finished within <see cref="Deadline"/>. Should it be
    /// stuck opening one of <paramref name="fifos"/>, a writer opens and closes each so the reader returns.
    /// </summary>
    public static T WithinDeadline<T>(Func<T> act, params string[] fifos)
    {
        var task = Task.Run(act);
        if (task.Wait(Deadline)) return task.Result;
        foreach (var fifo in fifos)
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }
        Assert.Fail($"did not finish within {Deadline.TotalSeconds} s");
        return default!;
    }
}
