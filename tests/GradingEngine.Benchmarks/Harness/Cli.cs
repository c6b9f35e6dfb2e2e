using System.Globalization;
using GradingEngine.Benchmarks.Corpus;

namespace GradingEngine.Benchmarks.Harness;

public static class Cli
{
    public static int Run(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (verb)
            {
                case "generate":
                {
                    var ws = Workspace.Generate(Options(rest));
                    Console.WriteLine($"rulebook: {ws.RulebookDir}\ninspections: {ws.InspectionPaths.Count} in {Path.GetDirectoryName(ws.InspectionPaths[0])}");
                    return 0;
                }
                case "verify":
                {
                    var options = rest.Contains("--tiny") ? new GenOptions(Criteria: 30, Inspections: 5, Findings: 20) : Options(rest);
                    var root = Value(rest, "--out");
                    var ws = Workspace.Generate(options, root).Load();
                    if (root is not null)
                    {
                        // Determinism: the same options generate the same bytes.
                        var again = Workspace.Generate(options, Path.Combine(root, "again"));
                        var first = Directory.GetParent(ws.RulebookDir)!.FullName;
                        var second = Directory.GetParent(again.RulebookDir)!.FullName;
                        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
                        var different = files.Where(f => !File.Exists(Path.Combine(second, f)) || !File.ReadAllBytes(Path.Combine(first, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, f)))).ToList();
                        if (different.Count > 0) throw new InvalidOperationException($"generation is not deterministic: {string.Join(", ", different.Take(5))} differ");
                        Console.WriteLine($"deterministic: {files.Count} generated files identical on a second generation");
                    }
                    Console.WriteLine($"rulebook: {ws.RulebookDir}");
                    Console.WriteLine($"checked: no errors, {ws.Warnings.Count} warnings");
                    foreach (var w in ws.Warnings.Take(10)) Console.WriteLine("  " + w);
                    ws.Verify(ws.Graders(), Console.Out);
                    Console.WriteLine("all variants agree");
                    return 0;
                }
                case "all":
                    return Runner.All(rest.Contains("--quick"), [.. rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal))]);
                case "memory":
                    return Runner.Memory(rest[0], rest.Contains("--quick"));
                case "scale-point":
                    return Runner.ScalePoint(rest[0], rest.Contains("--quick"), rest.Contains("--verify"));
                case "report":
                    Report.Write(Results.Load(Path.Combine(Paths.Results, "results.json")));
                    return 0;
                case "profile":
                {
                    // A steady workload to attach dotnet-trace to (see docs/performance.md).
                    var seconds = Int(rest, "--seconds", 20);
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    var n = 0;
                    if (rest[0] == "load")
                    {
                        var ws = Workspace.Generate(Options(rest) with { Inspections = 10 });
                        while (sw.Elapsed.TotalSeconds < seconds) { GradingPipeline.LoadRulebook(ws.RulebookDir); n++; }
                    }
                    else
                    {
                        var ws = Workspace.Generate(Options(rest)).Load();
                        Variants.IGrader grader = rest[0] switch
                        {
                            "grade" => new Variants.EngineGrader(ws.Compiled!),
                            "delegates" => new Variants.EngineDelegatesGrader(ws.Compiled!),
                            _ => new Variants.EngineNoOutlooksGrader(ws.Compiled!),
                        };
                        sw.Restart();
                        while (sw.Elapsed.TotalSeconds < seconds) { grader.Grade(ws.Inspections[n % ws.Inspections.Length]); n++; }
                    }
                    Console.WriteLine($"{rest[0]}: {n} operations in {sw.Elapsed.TotalSeconds:N1} s, {sw.Elapsed.TotalMilliseconds / n:N2} ms each; {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms GC pauses");
                    return 0;
                }
                case "scaled-rulebook":
                {
                    var info = ScaledRulebook.Write(Path.Combine(Paths.Root, "rules", "peel-2015-effectiveness"),
                        Value(rest, "--out") ?? throw new InvalidOperationException("--out DIR is required"), Int(rest, "--criteria", 1000), Mode(Value(rest, "--mode") ?? "distinct")[0]);
                    Console.WriteLine($"{info.Directory}: {info.Criteria} criteria, {info.Indicators} indicators, {info.GeneratedFiles} generated criteria files");
                    return 0;
                }
                case "rulebook-scaling":
                {
                    var sizes = (Value(rest, "--sizes") ?? "110,1000,10000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
                    var work = Path.Combine(Paths.Bench, "rulebook-scaling");
                    return RulebookScaling.Run(new RulebookScaling.Options(
                        Value(rest, "--binary") ?? Path.Combine(work, "cli", "grading"),
                        Value(rest, "--hello") ?? Path.Combine(work, "hello-aot", "hello"),
                        sizes, Int(rest, "--rounds", 5), Mode(Value(rest, "--mode") ?? "distinct"), Value(rest, "--label"),
                        Value(rest, "--cpu") is { } cpu ? int.Parse(cpu, CultureInfo.InvariantCulture) : null));
                }
                case "compare-steps": return StepComparison.Run(Options(rest));
                case "compare":
                {
                    // A quick same-process A/B while optimising: rounds alternate between the variants,
                    // so machine noise hits all of them alike; the medians' ratios are what to read.
                    // Not a substitute for `all` (BenchmarkDotNet), which the report uses.
                    var ws = Workspace.Generate(Options(rest) with { Inspections = Int(rest, "--inspections", 100) }).Load();
                    var graders = ws.CachedGraders;
                    ws.Verify(graders);
                    var rounds = Int(rest, "--rounds", 15);
                    var times = graders.ToDictionary(g => g.Name, _ => new List<double>());
                    var cpu = graders.ToDictionary(g => g.Name, _ => new List<double>());
                    var allocated = graders.ToDictionary(g => g.Name, _ => 0.0);
                    var sw = new System.Diagnostics.Stopwatch();
                    var process = System.Diagnostics.Process.GetCurrentProcess();
                    for (var round = -2; round < rounds; round++)
                    {
                        foreach (var grader in graders)
                        {
                            process.Refresh();
                            var cpu0 = process.TotalProcessorTime;
                            var bytes = GC.GetAllocatedBytesForCurrentThread();
                            sw.Restart();
                            foreach (var inspection in ws.Inspections) grader.Grade(inspection);
                            var ms = sw.Elapsed.TotalMilliseconds;
                            process.Refresh();
                            if (round < 0) continue;
                            times[grader.Name].Add(ms / ws.Inspections.Length);
                            cpu[grader.Name].Add((process.TotalProcessorTime - cpu0).TotalMilliseconds / ws.Inspections.Length);
                            allocated[grader.Name] = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)ws.Inspections.Length;
                        }
                    }
                    var met = ws.Inspections.Average(i => GradingPipeline.Grade(ws.Compiled!, i, outlooks: false).Questions.Sum(q => q.Criteria.Count(c => c.Met)));
                    Console.WriteLine($"{ws.Inspections.Length} inspections x {ws.Options.Findings} findings, {ws.Compiled!.Criteria.Count} criteria ({met:N0} met per inspection on average), {ws.Compiled.RuleCount} NRules rules; medians of {rounds} rounds");
                    static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
                    var floor = Median(times["hand-written baseline"]);
                    var cpuFloor = Median(cpu["hand-written baseline"]);
                    Console.WriteLine($"{"variant",-45} {"wall ms",8} {"x base",7} {"CPU ms",8} {"x base",7} {"KB alloc",9}");
                    foreach (var name in times.Keys)
                    {
                        Console.WriteLine($"{name,-45} {Median(times[name]),8:N3} {Median(times[name]) / floor,7:N2} {Median(cpu[name]),8:N3} {Median(cpu[name]) / cpuFloor,7:N2} {allocated[name] / 1024,9:N1}");
                    }
                    return 0;
                }
                case "cold":
                {
                    var rules = Value(rest, "--rules") ?? Path.Combine(Paths.Root, "rules", "peel-2015-effectiveness");
                    var findings = Value(rest, "--findings") ?? Path.Combine(Paths.Root, "seeds", "west-mercia-2015", "findings.yaml");
                    foreach (var r in Stages.Cold(rules, findings)) Console.WriteLine($"{r.Stage,-55} {r.Milliseconds,10:N1} ms  {r.Note}");
                    return 0;
                }
                case "compile-cold":
                {
                    // First compilation in a fresh process, for each design (run once per process).
                    var ws = Workspace.Generate(Options(rest) with { Inspections = 10 });
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    switch (rest[0])
                    {
                        case "roslyn": Variants.RoslynGrader.Compile(ws.RoslynScript); break;
                        case "rulesengine": new Variants.RulesEngineGrader(ws.Spec, ws.RulesEngineJson).Warm(); break;
                        default: Console.WriteLine($"{GradingPipeline.LoadRulebook(ws.RulebookDir).Value?.RuleCount} rules"); break;
                    }
                    Console.WriteLine($"{rest[0]} first load in a fresh process: {sw.Elapsed.TotalMilliseconds:N0} ms");
                    return 0;
                }
                case "stages":
                {
                    var ws = Workspace.Generate(Options(rest)).Load();
                    if (!rest.Contains("--grading-only"))
                    {
                        // Cold: the first load in this process (what the CLI pays); warm: the same again.
                        var cold = Stages.Rulebook(ws.RulebookDir);
                        var warm = Stages.Rulebook(ws.RulebookDir);
                        Console.WriteLine($"{"rulebook stage",-70} {"cold",10}    {"warm",10}");
                        for (var i = 0; i < cold.Count; i++) Console.WriteLine($"{cold[i].Stage,-70} {cold[i].Milliseconds,10:N1} ms {warm[i].Milliseconds,10:N1} ms  {warm[i].Note}");
                    }
                    var sample = Int(rest, "--outlook-sample", 10);
                    foreach (var r in Stages.Grading(ws.Compiled!, ws.Inspections, sample)) Console.WriteLine($"{r.Stage,-70} {r.Milliseconds,10:N2} ms/inspection  {r.Note}");
                    return 0;
                }
                default:
                    Console.Error.WriteLine("""
                        usage: dotnet run -c Release --project tests/GradingEngine.Benchmarks -- VERB [options]
                          all [--quick] [load|throughput|scaling|memory|stages ...]   benchmarks, memory, stage profile; writes bench/results and docs/performance-scaling.svg
                          report                                                       re-render bench/results/report.md from results.json
                          generate|verify|stages [options]                             a generated rulebook and corpus under bench/data; all variants agree?; Stopwatch breakdown
                          stages --grading-only [options]                              the grading steps only, without loading the rulebook twice more
                          verify --tiny [--out DIR]                                    30 criteria, 5 x 20 findings (the dotnet test smoke test)
                          cold [--rules DIR] [--findings FILE]                         the CLI's steps, timed cold in this process
                          compile-cold engine|rulesengine|roslyn [options]             first rulebook load in a fresh process
                          memory engine|engine-grade|baseline|load-5000 [--quick]      peak working set of one workload
                          scale-point "criteria x10"|"findings x100"|... [--quick]     one scaling point in this process (what `all` runs per point)
                          scale-point NAME --verify                                    its correctness gate for all four variants, timing nothing
                          profile evaluate|grade|delegates|load [options] [--seconds N] a steady workload to attach dotnet-trace to
                          compare [options] [--rounds N]                               quick interleaved A/B of every variant, median ms and x baseline
                          compare-steps [options]                                      the batch path (steps side by side) against one inspection at a time, 1 and 2 threads
                          scaled-rulebook --out DIR [--criteria N] [--mode distinct|shared]   the shipped PEEL 2015 rulebook grown to N criteria (issue #19)
                          rulebook-scaling [--sizes 110,1000,10000] [--rounds N] [--binary PATH] [--hello PATH] [--mode distinct|shared|both] [--label TEXT]
                                                                                       whole-process grade and rules check per size (rulebook-scaling.sh)
                        options: --criteria N (500) --inspections M (430) --findings K (200) --questions Q (4-8 by criteria) --seed S (2015)
                        """);
                    return 2;
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static IReadOnlyList<IndicatorCopies> Mode(string value) => value switch
    {
        "distinct" => [IndicatorCopies.Distinct],
        "shared" => [IndicatorCopies.Shared],
        "both" => [IndicatorCopies.Distinct, IndicatorCopies.Shared],
        _ => throw new InvalidOperationException($"--mode {value}: distinct, shared or both"),
    };

    public static GenOptions Options(string[] args)
    {
        var d = new GenOptions();
        return new GenOptions(Int(args, "--criteria", d.Criteria), Int(args, "--inspections", d.Inspections),
            Int(args, "--findings", d.Findings), Int(args, "--questions", d.Questions), Int(args, "--seed", d.Seed));
    }
}
