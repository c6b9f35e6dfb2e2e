namespace GradingEngine.Check.Analysis;

/// <summary>What the exhaustive analysis of one grade table for one subject (a question, or overall) covered.</summary>
public sealed record TableAnalysis(string Subject, string Table, long SpaceSize, bool Exhaustive, IReadOnlyList<string> GradesProduced);
