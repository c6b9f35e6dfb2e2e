namespace GradingEngine.Tooling.Agreement;

/// <summary>Two codings of one report: their files, and the pair's name in a sample.</summary>
internal sealed record CodingPairFiles(string Name, string A, string B);
