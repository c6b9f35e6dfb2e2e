namespace GradingEngine.Tooling.Agreement;

/// <summary>In how many pairs of a sample the two codings give a question (or the overall grade) the same grade.</summary>
internal sealed record SubjectTally(string Subject, Tally Grades);
