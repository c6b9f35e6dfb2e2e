namespace GradingEngine.Tooling.Batch;

/// <summary>How far a stage has got: <paramref name="Done"/> of <paramref name="Total"/> findings files read, or graded.</summary>
public readonly record struct BatchProgress(BatchStage Stage, int Done, int Total);
