using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>A published row the team expects the roll-up to disagree with, named as the table names its rows.</summary>
public sealed record ExpectedDisagreement(string RowName, SourceSpan Span);
