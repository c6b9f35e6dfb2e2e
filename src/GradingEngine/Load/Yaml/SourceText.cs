namespace GradingEngine.Load.Yaml;

/// <summary>A file's decoded text and the SHA-256 of its bytes as read.</summary>
internal sealed record SourceText(string Path, string Text, string Sha256);
