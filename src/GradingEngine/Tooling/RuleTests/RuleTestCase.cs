using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>One case of a rulebook's tests: findings to grade and what the grading must show.</summary>
/// <param name="File">The test file the case was read from.</param>
/// <param name="Span">Where the case's `name` is written, to point at the case.</param>
public sealed record RuleTestCase(
    string Name,
    string Description,
    Inspection Inspection,
    RuleTestExpectation Expect,
    string File,
    SourceSpan Span);
