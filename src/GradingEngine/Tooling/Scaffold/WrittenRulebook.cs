namespace GradingEngine.Tooling.Scaffold;

/// <summary>A rulebook written out by `rules export` or `init`: its id, the folder it is in, and every file written.</summary>
public sealed record WrittenRulebook(string Id, string Directory, IReadOnlyList<string> Files);
