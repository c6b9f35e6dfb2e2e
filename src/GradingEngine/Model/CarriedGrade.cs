using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// The grade of a question not inspected this time, carried from an earlier inspection (findings.yaml `carried:`), as
/// frameworks that aggregate a focused inspection with the existing ratings do. The question stays not graded: the roll-up
/// counts this grade in its place, and the trace says so and where it came from.
/// </summary>
/// <param name="Source">Where the grade was published, e.g. the earlier report, as the findings file gives it.</param>
public sealed record CarriedGrade(string QuestionId, Grade Grade, string Source, SourceSpan Span);
