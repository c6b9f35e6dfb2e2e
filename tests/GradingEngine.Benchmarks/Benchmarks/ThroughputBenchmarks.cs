using BenchmarkDotNet.Attributes;
using GradingEngine.Benchmarks.Harness;
using GradingEngine.Benchmarks.Variants;

namespace GradingEngine.Benchmarks.Benchmarks;

/// <summary>
/// Batch throughput on the headline corpus (430 inspections x 200 findings, 500 criteria): every
/// inspection graded, with 1 or 2 threads. Inputs are loaded beforehand; each variant starts from the
/// same loaded Inspection objects and includes turning them into its own facts.
/// </summary>
public class ThroughputBenchmarks
{
    private Workspace _ws = null!;
    private Workspace _sample = null!;
    private IGrader _engine = null!, _engineInterpreted = null!, _engineGrade = null!, _delegates = null!, _baseline = null!, _rulesEngine = null!, _roslyn = null!;

    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ws = Workspace.Cached(Settings.Headline);
        var graders = _ws.CachedGraders;
        // Grade (with outlooks) is checked and timed on every Nth inspection: see Settings.GradeSampleEvery.
        _sample = _ws.Sample(Settings.GradeSampleEvery);
        lock (Settings.Verified)
        {
            Settings.Verified.AddRange(_ws.VerifyOnce(graders));
            Settings.Verified.AddRange(_sample.VerifyOnce([graders[0], new EngineGrader(_ws.Compiled!)]));
        }
        _engine = graders.OfType<EngineNoOutlooksGrader>().Single(g => g.Mode == GradingEngine.Compile.ExpressionMode.Compiled);
        _engineInterpreted = graders.OfType<EngineNoOutlooksGrader>().Single(g => g.Mode == GradingEngine.Compile.ExpressionMode.Interpreted);
        _engineGrade = new EngineGrader(_ws.Compiled!);
        _delegates = graders.OfType<EngineDelegatesGrader>().Single();
        _baseline = graders.OfType<BaselineVariant>().Single();
        _rulesEngine = graders.OfType<RulesEngineGrader>().Single();
        _roslyn = graders.OfType<RoslynGrader>().Single();

        // Warm up by time, once per process, before the first timed batch. Two warm-up batches (BenchmarkDotNet's
        // own) are 0.2 s for the baseline, too short for tiered JIT to promote its hot methods when it
        // runs first in a fresh process: without this it measured 3x slower at 1 thread than at 2.
        lock (Settings.Verified)
        {
            if (Settings.WarmedUp) return;
            foreach (var (grader, ws) in new[] { (_baseline, _ws), (_engine, _ws), (_engineInterpreted, _ws), (_engineGrade, _sample), (_delegates, _ws), (_rulesEngine, _ws), (_roslyn, _ws) })
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                do ws.GradeAll(grader, 1); while (sw.Elapsed.TotalSeconds < 1.5);
            }
            Settings.WarmedUp = true;
        }
    }

    [Benchmark(Baseline = true)]
    public object Baseline() => _ws.GradeAll(_baseline, Parallelism);

    [Benchmark]
    public object Engine() => _ws.GradeAll(_engine, Parallelism);

    [Benchmark]
    public object EngineInterpreted() => _ws.GradeAll(_engineInterpreted, Parallelism);

    [Benchmark]
    public object EngineGradeSample() => _sample.GradeAll(_engineGrade, Parallelism);

    [Benchmark]
    public object EngineConditionsNoRete() => _ws.GradeAll(_delegates, Parallelism);

    [Benchmark]
    public object RulesEngine() => _ws.GradeAll(_rulesEngine, Parallelism);

    [Benchmark]
    public object Roslyn() => _ws.GradeAll(_roslyn, Parallelism);
}
