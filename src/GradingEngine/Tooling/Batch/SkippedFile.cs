namespace GradingEngine.Tooling.Batch;

/// <summary>A file found in a folder that the batch did not grade, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
