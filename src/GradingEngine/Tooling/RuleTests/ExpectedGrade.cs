using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>An expected grade of a question, or of `overall`, with where it is written.</summary>
public sealed record ExpectedGrade(string Subject, string GradeId, SourceSpan Span);
