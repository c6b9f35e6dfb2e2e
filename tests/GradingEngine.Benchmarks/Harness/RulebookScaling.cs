using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using GradingEngine.Benchmarks.Corpus;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>
/// Issue #19's rulebook-scaling series as whole processes: a published `grading` binary (native AOT) runs
/// `grade` on the West Mercia seed and `rules check` against the shipped PEEL 2015 rulebook grown to each size
/// (Corpus/ScaledRulebook.cs), beside a native AOT hello-world and the seed graded with the embedded rulebook.
/// Rounds are interleaved (every point once per round, in the same order) so that the shared machine's noise
/// hits all points alike; medians of wall time and of the child's CPU time (user + system, getrusage).
/// </summary>
public static class RulebookScaling
{
    private const string Seed = "seeds/west-mercia-2015/findings.yaml";

    /// <param name="Cpu">Run every timed process on this one CPU, or on any when null. On the 2-core virtual machine of
    /// docs/performance.md the same binary's times spread by a third unpinned (the process's threads on both cores) and by a
    /// few percent pinned, so ratios from one run are only as sound as this.</param>
    public sealed record Options(string Binary, string Hello, IReadOnlyList<int> Sizes, int Rounds, IReadOnlyList<IndicatorCopies> Modes, string? Label, int? Cpu = null);

    /// <summary>One timed command; <paramref name="Group"/> says which points compare (ratios to the shipped size).</summary>
    private sealed record Point(string Name, string Group, int Criteria, int Indicators, string Command, string[] Arguments)
    {
        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];

        public string? Note { get; set; }
    }

    public static int Run(Options options)
    {
        foreach (var file in new[] { options.Binary, options.Hello })
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"{file} not found: tests/GradingEngine.Benchmarks/rulebook-scaling.sh publishes both");
        }
        var binary = Path.GetFullPath(options.Binary);
        var hello = Path.GetFullPath(options.Hello);
        var shipped = Path.Combine(Paths.Root, "rules", "peel-2015-effectiveness");
        var work = Path.Combine(Paths.Bench, "rulebook-scaling");

        var points = new List<Point>
        {
            new("hello-world (native AOT)", "hello", 0, 0, hello, []),
            new("grade, embedded rulebook", "embedded", 0, 0, binary, ["grade", Seed]),
        };
        var sizes = options.Sizes.Order().ToList();
        foreach (var mode in options.Modes)
        {
            foreach (var size in sizes)
            {
                // The shipped size is the same rulebook in either mode: measured once.
                if (size == sizes[0] && mode != options.Modes[0]) continue;
                var name = size == sizes[0] ? $"{size}" : $"{size}-{mode.ToString().ToLowerInvariant()}";
                var scaled = ScaledRulebook.Write(shipped, Path.Combine(work, "rules-" + name), size, mode);
                var label = size == sizes[0] ? $"{size:N0} (shipped)" : $"{size:N0} ({mode.ToString().ToLowerInvariant()} indicators)";
                points.Add(new($"grade, {label}", "grade", scaled.Criteria, scaled.Indicators, binary, ["grade", Seed, "--rules", scaled.Directory]));
                points.Add(new($"rules check, {label}", "check", scaled.Criteria, scaled.Indicators, binary, ["rules", "check", scaled.Directory]));
            }
        }

        // A fresh proof cache for this run (GRADING_CACHE_DIR, read by the engine once it caches proofs):
        // the warm-up run of each point fills it, the timed rounds read it.
        var cache = Path.Combine(Path.GetTempPath(), "grading-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(cache);
        if (options.Cpu is { } pinned && (pinned < 0 || pinned >= Environment.ProcessorCount))
        {
            throw new InvalidOperationException($"--cpu {pinned}: this machine has CPUs 0 to {Environment.ProcessorCount - 1}");
        }
        var loadBefore = LoadAverage();
        var started = DateTime.UtcNow;
        try
        {
            foreach (var point in points)
            {
                var warm = Time(point, cache, options.Cpu);
                Console.Error.WriteLine($"warm-up: {point.Name}: {warm.Wall:N0} ms");
            }
            for (var round = 0; round < options.Rounds; round++)
            {
                foreach (var point in points)
                {
                    var (wall, cpu) = Time(point, cache, options.Cpu);
                    point.Wall.Add(wall);
                    point.Cpu.Add(cpu);
                }
                Console.Error.WriteLine($"round {round + 1} of {options.Rounds} done, load average {LoadAverage()}");
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }

        var report = Render(options, points, sizes[0], started, loadBefore, LoadAverage());
        Console.Write(report);
        Directory.CreateDirectory(Paths.Results);
        File.WriteAllText(Path.Combine(Paths.Results, "rulebook-scaling.md"), report);
        return 0;
    }

    /// <summary>What is wrong with a `rules check` output, or null: no GE505, and grades produced for every table.</summary>
    private static string? CheckProblem(string stdout)
    {
        if (stdout.Contains("GE505", StringComparison.Ordinal)) return "GE505: a table was not checked exhaustively";
        var tables = stdout.Split('\n').Where(l => l.StartsWith("  thresholds ", StringComparison.Ordinal) || l.StartsWith("  roll-up:", StringComparison.Ordinal)).ToList();
        if (tables.Count(l => l.StartsWith("  thresholds ", StringComparison.Ordinal)) < 4 || !tables.Any(l => l.StartsWith("  roll-up:", StringComparison.Ordinal)))
        {
            return "not every table is listed";
        }
        return tables.FirstOrDefault(l => !l.Contains("grades produced: ", StringComparison.Ordinal)) is { } missing ? "no grades produced: " + missing.Trim() : null;
    }

    private static (double Wall, double Cpu) Time(Point point, string cache, int? pinned)
    {
        var start = new ProcessStartInfo(point.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Paths.Root,
        };
        foreach (var argument in point.Arguments) start.ArgumentList.Add(argument);
        start.Environment["GRADING_CACHE_DIR"] = cache;
        // Only the rules check's output is read; the grade's is drained and dropped, as >/dev/null would.
        var keep = point.Group == "check";
        var before = ChildrenCpu();
        var sw = Stopwatch.StartNew();
        using var process = Start(start, pinned);
        var stdout = keep ? process.StandardOutput.ReadToEndAsync() : process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => "", TaskScheduler.Default);
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = sw.Elapsed.TotalMilliseconds;
        var cpu = (ChildrenCpu() - before).TotalMilliseconds;
        var output = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{point.Name}: exit {process.ExitCode}: {point.Command} {string.Join(' ', point.Arguments)}\n{stderr.Result}{output[..Math.Min(output.Length, 2000)]}");
        }
        if (keep && CheckProblem(output) is { } problem) throw new InvalidOperationException($"{point.Name}: {problem}\n{output}");
        if (point.Note is null && keep) point.Note = output.Split('\n').FirstOrDefault(l => l.Contains(" errors, ", StringComparison.Ordinal))?.Trim();
        return (wall, cpu);
    }

    /// <summary>
    /// Starts the process on one CPU when asked. The child takes the affinity the harness has when it starts it (on Linux its
    /// main thread's, which starts every timed process and which ProcessorAffinity sets), so that is pinned for the start
    /// only, and the harness's own work (reading the child's output) stays off the child's CPU.
    /// </summary>
    private static Process Start(ProcessStartInfo start, int? pinned)
    {
        if (pinned is null) return Process.Start(start)!;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) return StartPinned(start, pinned.Value);
        throw new InvalidOperationException("--cpu: only on Linux and Windows");
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static Process StartPinned(ProcessStartInfo start, int pinned)
    {
        var self = Process.GetCurrentProcess();
        var all = self.ProcessorAffinity;
        self.ProcessorAffinity = (IntPtr)(1L << pinned);
        try
        {
            return Process.Start(start)!;
        }
        finally
        {
            self.ProcessorAffinity = all;
        }
    }

    private static string Render(Options options, List<Point> points, int shippedSize, DateTime started, string loadBefore, string loadAfter)
    {
        static double Median(List<double> xs)
        {
            var sorted = xs.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var hello = points[0];
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"Rulebook scaling, whole processes: `{options.Binary}`{(options.Label is null ? "" : " (" + options.Label + ")")}, ")
            .Append(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {loadBefore} before and {loadAfter} after; ")
            .Append(CultureInfo.InvariantCulture, $"{options.Rounds} interleaved rounds after one warm-up run per point, medians{(options.Cpu is { } pinned ? $", every process on CPU {pinned}" : "")}. CPU is the child's user + system time (getrusage).\n\n");
        s.Append("| command | criteria | indicators | wall ms | CPU ms | wall / 110 | CPU / 110 | wall / hello | CPU / hello |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var point in points)
        {
            var wall = Median(point.Wall);
            var cpu = Median(point.Cpu);
            // The ratio to the shipped size compares like with like: grade with grade, check with check.
            var reference = points.FirstOrDefault(p => p.Group == point.Group && p.Criteria == shippedSize && p.Group is "grade" or "check");
            var per110 = reference is null ? "" : FormattableString.Invariant($"{wall / Median(reference.Wall):N2}x");
            var cpu110 = reference is null ? "" : FormattableString.Invariant($"{cpu / Median(reference.Cpu):N2}x");
            var isHello = ReferenceEquals(point, hello);
            s.Append(CultureInfo.InvariantCulture, $"| {point.Name} | {(point.Criteria == 0 ? "" : point.Criteria.ToString("N0", CultureInfo.InvariantCulture))} | {(point.Criteria == 0 ? "" : point.Indicators.ToString("N0", CultureInfo.InvariantCulture))} ")
                .Append(CultureInfo.InvariantCulture, $"| {wall:N1} | {cpu:N1} | {per110} | {cpu110} ")
                .Append(CultureInfo.InvariantCulture, $"| {(isHello ? "" : FormattableString.Invariant($"{wall / Median(hello.Wall):N1}x"))} | {(isHello ? "" : FormattableString.Invariant($"{cpu / Median(hello.Cpu):N1}x"))} |\n");
        }
        var notes = points.Where(p => p.Note is not null).Select(p => $"{p.Name}: {p.Note}").ToList();
        if (notes.Count > 0) s.Append('\n').Append(string.Join("; ", notes)).Append(". Every `rules check` listed grades produced for every table, with no GE505; every run exited 0.\n");
        return s.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>User + system time of the waited-for children so far; one child at a time, so a difference is one child's.</summary>
    private static TimeSpan ChildrenCpu()
    {
        if (getrusage(RusageChildren, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        return TimeSpan.FromMicroseconds(usage.UserSeconds * 1_000_000.0 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000.0 + usage.SystemMicroseconds);
    }

    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
