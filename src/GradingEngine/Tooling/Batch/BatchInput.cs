namespace GradingEngine.Tooling.Batch;

/// <summary>One findings file to read, and the proposed-grades file paired with it by name, if any.</summary>
internal sealed record BatchInput(string Path, string? ProposedPath);
