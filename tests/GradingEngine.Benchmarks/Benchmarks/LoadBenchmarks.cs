using BenchmarkDotNet.Attributes;
using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Benchmarks.Harness;
using GradingEngine.Benchmarks.Variants;

namespace GradingEngine.Benchmarks.Benchmarks;

/// <summary>
/// Rulebook load + check + compile. Engine: GradingPipeline.LoadRulebook on the YAML folder. RulesEngine:
/// read the workflow JSON, construct, and run each workflow once (it compiles rules on first use).
/// Roslyn: read the C# script and compile it (CSharpScript). Baseline: build the closures from the
/// in-memory spec (it has no file format; the floor).
/// </summary>
public class LoadBenchmarks
{
    private Workspace _ws = null!;

    public static IEnumerable<int> Sizes => Settings.LoadSizes;

    [ParamsSource(nameof(Sizes))]
    public int Criteria { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A small corpus per size, only for the correctness gate: all variants agree before timing.
        _ws = Workspace.Cached(new GenOptions(Criteria: Criteria, Inspections: 10, Findings: 200));
        lock (Settings.Verified) Settings.Verified.AddRange(_ws.VerifyOnce(_ws.CachedGraders));
    }

    [Benchmark(Baseline = true)]
    public object Baseline() => new BaselineGrader(_ws.Spec);

    [Benchmark]
    public object Engine() => GradingPipeline.LoadRulebook(_ws.RulebookDir).Value!;

    [Benchmark]
    public object RulesEngine()
    {
        var grader = new RulesEngineGrader(_ws.Spec, File.ReadAllText(Path.Combine(_ws.RulebookDir, Writer.RulesEngineFile)));
        grader.Warm();
        return grader;
    }

    [Benchmark]
    public object Roslyn() => RoslynGrader.Compile(File.ReadAllText(Path.Combine(_ws.RulebookDir, Writer.RoslynFile)));
}
