using GradingEngine.Load;

namespace GradingEngine.Tooling.Batch;

/// <summary>How a batch runs. None of it changes the result: output is the same for any parallelism.</summary>
public sealed record BatchOptions
{
    /// <summary>How many files are read, and inspections graded, at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Called as files are read and inspections graded, from worker threads; it must be thread-safe.</summary>
    public Action<BatchProgress>? Progress { get; init; }
}
