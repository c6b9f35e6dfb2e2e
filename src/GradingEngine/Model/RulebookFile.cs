namespace GradingEngine.Model;

/// <summary>A file the rulebook was read from: its path relative to the rulebook folder and SHA-256.</summary>
public sealed record RulebookFile(string RelativePath, string Sha256);
