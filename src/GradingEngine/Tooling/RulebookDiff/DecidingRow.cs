namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The threshold or roll-up row that decided a grade under one rulebook, with what the structural
/// diff says of that row (edited, added, removed or unchanged).
/// </summary>
public sealed record DecidingRow(string Table, int Row, string Grade, string Condition, ItemLocation Location, ChangeKind Status);
