namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// One way a grade moved (`not-graded` when it could not be given, null when that rulebook has no such question
/// or no overall grade), and in how many inspections it moved that way.
/// </summary>
public sealed record GradeTransition(string? Old, string? New, int Inspections);
