using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>A criterion a case expects met (or not met), with its question and where it is written.</summary>
public sealed record ExpectedCriterion(string CriterionId, string QuestionId, SourceSpan Span);
