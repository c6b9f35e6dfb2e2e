using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GradingEngine.Benchmarks.Benchmarks;
using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Benchmarks.Variants;

namespace GradingEngine.Benchmarks.Harness;

/// <summary>`all`: every benchmark, the memory runs and the stage profile, then bench/results/report.md and docs/performance-scaling.svg.</summary>
public static class Runner
{
    public static int All(bool quick, string[] only)
    {
        var total = Stopwatch.StartNew();
        Settings.Quick = quick;
        Directory.CreateDirectory(Paths.Results);
        var results = new Results { Quick = quick, Machine = Results.DescribeMachine() };
        bool Wanted(string part) => only.Length == 0 || only.Contains(part);

        // Full run: about 10 minutes on 2 cores; --quick: about 3.
        if (Wanted("load")) results.Measurements.AddRange(Results.From("load", BenchmarkRunner.Run<LoadBenchmarks>(Config(1, quick ? 1 : 3))));
        if (Wanted("throughput")) results.Measurements.AddRange(Results.From("throughput", BenchmarkRunner.Run<ThroughputBenchmarks>(Config(quick ? 1 : 2, quick ? 1 : 5))));
        results.Verified.AddRange(Settings.Verified);
        if (Wanted("scaling"))
        {
            // One fresh process per point: in one process, each point's time depended on what ran before it
            // (heap size and GC budgets left by the earlier cases' rulebooks and corpora), and the 500-criteria
            // point moved between 17 and 71 ms across otherwise identical runs.
            foreach (var c in Settings.ScalingCases)
            {
                Console.WriteLine($"// scaling: {c} (child process)");
                var (verifyCode, verifyOutput) = Child.Run(["scale-point", c, "--verify"]);
                if (verifyCode != 0) throw new InvalidOperationException($"scaling {c}: variants disagree:\n{verifyOutput}");
                results.Verified.AddRange(verifyOutput.Split('\n').Where(l => l.StartsWith("verified ", StringComparison.Ordinal)).Select(l => l["verified ".Length..]));
                // The same point varied by 20% or more from one process to the next on this shared machine
                // (5,000 criteria: 86 to 131 ms), more than within one: take the median of five processes (three
                // until run S left a single slow process able to move the 500 to 5,000 step by 2x either way).
                var runs = new List<double[]>();
                for (var k = 0; k < (quick ? 1 : Settings.ScalingProcesses); k++)
                {
                    var (code, output) = Child.Run(quick ? ["scale-point", c, "--quick"] : ["scale-point", c]);
                    var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    var point = lines.FirstOrDefault(l => l.StartsWith("point ", StringComparison.Ordinal));
                    if (code != 0 || point is null) throw new InvalidOperationException($"scaling {c} failed:\n{output}");
                    runs.Add(point.Split(' ').Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray());
                    Console.WriteLine(point);
                }
                // Engine and baseline from the process whose engine time is the median, so both come from one process.
                var v = runs.OrderBy(r => r[0]).ElementAt(runs.Count / 2);
                var rounds = (int)v[5];
                results.Measurements.Add(new Measurement("scaling", "Engine", c, v[0], v[1], (long)v[4], rounds));
                results.Measurements.Add(new Measurement("scaling", "Baseline", c, v[2], v[3], null, rounds));
                results.ScalingProcesses.Add(new ScalingProcesses(c, [.. runs.Select(r => r[0])], [.. runs.Select(r => r[2])]));
            }
        }

        if (Wanted("memory"))
        {
            foreach (var c in MemoryCases)
            {
                Console.WriteLine($"// memory: {c} (child process)");
                var (code, output) = Child.Run(quick ? ["memory", c, "--quick"] : ["memory", c]);
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("peak ", StringComparison.Ordinal));
                if (code != 0 || line is null) throw new InvalidOperationException($"memory {c} failed:\n{output}");
                var parts = line.Split(' ', 4);
                results.Memory.Add(new MemoryResult(c, long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts.Length > 3 ? parts[3].Trim() : ""));
                Console.WriteLine(line);
            }
        }
        if (Wanted("stages"))
        {
            Console.WriteLine("// stages (child process)");
            var (code, output) = Child.Run(["stages", "--inspections", quick ? "43" : "430", "--outlook-sample", quick ? "3" : "10"]);
            if (code != 0) throw new InvalidOperationException("stages failed:\n" + output);
            results.Stages.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine(output);
        }
        results.TotalMinutes = total.Elapsed.TotalMinutes;
        var json = Path.Combine(Paths.Results, "results.json");
        results.Save(json);
        Report.Write(results);
        Console.WriteLine($"// results: {json}, {Path.Combine(Paths.Results, "report.md")}, docs/performance-scaling.svg ({results.TotalMinutes:N1} min)");
        return 0;
    }

    public static readonly string[] MemoryCases = ["engine", "engine-grade", "baseline", "batch", "load-5000"];

    /// <summary>
    /// `scale-point CASE`: one scaling point in this fresh process. The correctness gate first (engine and baseline
    /// agree; with `--verify`, RulesEngine and Roslyn too, and nothing is timed: `all` runs that first in its own
    /// process), then warm-up rounds of each for 3 s, then timed rounds alternating engine and
    /// baseline, each grading the point's 20 inspections on one thread. Prints `point` with the engine's and the
    /// baseline's median and standard deviation in ms per round, the engine's bytes allocated per round, and the
    /// number of rounds.
    /// </summary>
    public static int ScalePoint(string name, bool quick, bool verifyOthers)
    {
        var ws = Workspace.Cached(Settings.Scaling(name));
        IGrader engine = new EngineNoOutlooksGrader(ws.Compiled!), baseline = new BaselineVariant(ws.Spec);
        // RulesEngine and Roslyn are checked in a process of their own (`verifyOthers`): loaded into this one
        // they slowed the engine and the baseline alike, 3x to 4x at 500 criteria, while JIT work for their
        // generated code went on during the timed rounds.
        IGrader[] graders = verifyOthers
            ? [engine, baseline, new RulesEngineGrader(ws.Spec, ws.RulesEngineJson).Warmed(), new RoslynGrader(ws.Spec, RoslynGrader.Compile(ws.RoslynScript))]
            : [engine, baseline];
        foreach (var line in ws.VerifyOnce(graders))
        {
            Console.WriteLine("verified " + line);
        }
        if (verifyOthers) return 0;
        // Warm up by time, not by count: a round at 50 criteria takes milliseconds, and tiered JIT only
        // promotes hot methods to optimised code after its delay (100 ms, extended while new methods keep
        // being compiled), so a few rounds measured the baseline at tier 0.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warm.Elapsed.TotalSeconds < (quick ? 1 : 3); i++)
        {
            ws.GradeAll(engine, 1);
            ws.GradeAll(baseline, 1);
        }
        var rounds = quick ? 3 : 9;
        List<double> engineMs = [], baselineMs = [];
        long allocated = 0;
        var sw = new Stopwatch();
        // No GC.Collect between rounds: a forced full collection decommits the young generation, and the next
        // round paid page faults on fresh memory in proportion to what it allocated. That tripled the
        // 500-criteria point (1.6 ms per inspection against 0.57 ms in steady state) and made the engine's
        // growth depend on its allocation. Rounds now see the garbage collector as a batch does.
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            ws.GradeAll(engine, 1);
            engineMs.Add(sw.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            sw.Restart();
            ws.GradeAll(baseline, 1);
            baselineMs.Add(sw.Elapsed.TotalMilliseconds);
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        static double StdDev(List<double> xs) => Math.Sqrt(xs.Sum(x => (x - xs.Average()) * (x - xs.Average())) / Math.Max(1, xs.Count - 1));
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        Console.WriteLine($"point {F(Median(engineMs))} {F(StdDev(engineMs))} {F(Median(baselineMs))} {F(StdDev(baselineMs))} {allocated} {rounds}");
        return 0;
    }

    /// <summary>
    /// In-process (no generated project per benchmark), Monitoring strategy: each operation is long
    /// (100 ms to minutes), so one or two warm-ups (tiered JIT settles) and a few timed operations,
    /// no pilot or overhead stages.
    /// </summary>
    private static IConfig Config(int warmups, int iterations)
    {
        var job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId(iterations == 1 ? "quick" : "monitoring");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Paths.Bench, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
    }

    /// <summary>`memory CASE`: one workload in this fresh process, then its peak working set.</summary>
    public static int Memory(string which, bool quick)
    {
        Settings.Quick = quick;
        var sw = Stopwatch.StartNew();
        string note;
        switch (which)
        {
            case "engine":
            {
                var ws = Workspace.Generate(Settings.Headline).Load();
                ws.GradeAll(new EngineNoOutlooksGrader(ws.Compiled!), 2);
                note = $"load rulebook + {ws.Inspections.Length} findings files, grade all (Evaluate + Build), 2 threads";
                break;
            }
            case "engine-grade":
            {
                var ws = Workspace.Generate(Settings.Headline).Load();
                var sample = ws.Sample(Settings.GradeSampleEvery);
                sample.GradeAll(new EngineGrader(ws.Compiled!), 2);
                note = $"load rulebook + {ws.Inspections.Length} findings files, GradingPipeline.Grade on {sample.Inspections.Length}, 2 threads";
                break;
            }
            case "baseline":
            {
                var ws = Workspace.Generate(Settings.Headline).Load();
                ws.GradeAll(new BaselineVariant(ws.Spec), 2);
                note = "the same, graded by the hand-written baseline (the engine's loader and rulebook still in memory)";
                break;
            }
            case "batch":
            {
                // What `grading batch` does: check and compile the rulebook, then read and grade the files as a stream.
                var ws = Workspace.Generate(Settings.Headline);
                var report = GradingPipeline.GradeBatch(ws.RulebookDir, [Path.GetDirectoryName(ws.InspectionPaths[0])!], new GradingEngine.Tooling.Batch.BatchOptions { MaxParallelism = 2 });
                if (!report.Succeeded) throw new InvalidOperationException("batch failed");
                note = $"GradingPipeline.GradeBatch of the {report.Value!.Inspections.Count} findings files, 2 threads (the `grading batch` library call)";
                break;
            }
            case "load-5000":
            {
                var ws = Workspace.Generate(new GenOptions(Criteria: 5000, Inspections: 10, Findings: 200));
                var compiled = GradingPipeline.LoadRulebook(ws.RulebookDir);
                if (!compiled.Succeeded) throw new InvalidOperationException("load failed");
                note = "GradingPipeline.LoadRulebook of the 5,000-criteria rulebook";
                break;
            }
            default:
                throw new InvalidOperationException($"unknown memory case {which}");
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"peak {self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture)} {sw.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} {note}");
        return 0;
    }
}
