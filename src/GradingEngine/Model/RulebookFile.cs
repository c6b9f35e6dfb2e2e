namespace GradingEngine.Model;

/// <summary>A file the rulebook was read from: its path relative to the rulebook folder, the SHA-256 of its bytes, and its text as read.</summary>
public sealed record RulebookFile(string RelativePath, string Sha256, string Text);
