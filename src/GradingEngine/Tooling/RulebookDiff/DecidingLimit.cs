namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The limit that moved a grade off its row's under one rulebook (<see cref="Kind"/> `no-better-than` or
/// `no-worse-than`, <see cref="Grade"/> its bound), as the structural diff numbers it: by list (`default`, a question
/// id, or `overall`) and position, with what the diff says of it.
/// </summary>
public sealed record DecidingLimit(string Table, int Row, string Kind, string Grade, string Condition, ItemLocation Location, ChangeKind Status);
