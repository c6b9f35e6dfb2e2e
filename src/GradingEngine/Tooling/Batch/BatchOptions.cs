using GradingEngine.Compile;
using GradingEngine.Load;

namespace GradingEngine.Tooling.Batch;

/// <summary>How a batch runs. None of it changes the result: output is the same for any parallelism.</summary>
public sealed record BatchOptions
{
    /// <summary>How many steps of files are read and graded at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>
    /// How the rulebook's expression trees run when the batch compiles it; null chooses by the number of
    /// findings files (<see cref="RulebookCompiler.ModeFor"/>). Either way the report is the same.
    /// </summary>
    public ExpressionMode? Mode { get; init; }

    /// <summary>The mode for a batch of <paramref name="files"/> findings files: <see cref="Mode"/> if set, else <see cref="RulebookCompiler.ModeFor"/>.</summary>
    public ExpressionMode ModeFor(int files) => Mode ?? RulebookCompiler.ModeFor(files);

    /// <summary>Where rulebook proofs are kept by content (<see cref="Grading.ProofCache"/>); null proves the rulebook every time.</summary>
    public Grading.ProofCache? Proofs { get; init; }

    /// <summary>Called as files are read and inspections graded, from worker threads; it must be thread-safe.</summary>
    public Action<BatchProgress>? Progress { get; init; }
}
