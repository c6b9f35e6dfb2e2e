using BenchmarkDotNet.Attributes;
using GradingEngine.Benchmarks.Harness;
using GradingEngine.Benchmarks.Variants;

namespace GradingEngine.Benchmarks.Benchmarks;

/// <summary>Time against work: 1x, 10x, 100x findings per inspection, and criteria (see Settings.Scaling).</summary>
public class ScalingBenchmarks
{
    private Workspace _ws = null!;
    private IGrader _engine = null!, _baseline = null!;

    public static IEnumerable<string> Cases => Settings.ScalingCases;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _ws = Workspace.Cached(Settings.Scaling(Case));
        _engine = new EngineNoOutlooksGrader(_ws.Compiled!);
        _baseline = new BaselineVariant(_ws.Spec);
        lock (Settings.Verified) Settings.Verified.AddRange(_ws.VerifyOnce([_engine, _baseline, new RulesEngineGrader(_ws.Spec, _ws.RulesEngineJson).Warmed(), new RoslynGrader(_ws.Spec, RoslynGrader.Compile(_ws.RoslynScript))]));
    }

    [Benchmark(Baseline = true)]
    public object Baseline() => _ws.GradeAll(_baseline, 1);

    [Benchmark]
    public object Engine() => _ws.GradeAll(_engine, 1);
}
