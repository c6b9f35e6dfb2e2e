using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// One expectation checked against the grading: the subject (a question id, `overall` or a
/// criterion id), what was expected and what the engine gave, as grade ids or `met`/`not met`.
/// </summary>
public sealed record ExpectationResult(ExpectationKind Kind, string Subject, string Expected, string Actual, SourceSpan Span)
{
    public const string MetText = "met";
    public const string NotMetText = "not met";

    public bool Holds => Expected == Actual;
}
