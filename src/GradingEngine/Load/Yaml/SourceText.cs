namespace GradingEngine.Load.Yaml;

/// <summary>A file's decoded text and the SHA-256 of its bytes as read.</summary>
public sealed record SourceText(string Path, string Text, string Sha256);
