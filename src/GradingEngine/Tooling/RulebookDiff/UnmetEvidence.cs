namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// An evidence requirement a question's findings did not meet under one rulebook, so the question was not graded:
/// by list (`default` or the question id) and position, as the structural diff numbers it, with what the diff says of it.
/// </summary>
public sealed record UnmetEvidence(string Table, int Row, string Condition, ItemLocation Location, ChangeKind Status);
