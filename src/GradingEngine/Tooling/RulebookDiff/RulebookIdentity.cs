namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>Which rulebook a side of the diff is: id, version, content hash.</summary>
public sealed record RulebookIdentity(string Id, string Version, string Title, string ContentHash);
