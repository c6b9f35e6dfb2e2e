namespace GradingEngine.Diagnostics;

/// <summary>
/// One problem found in a user's file: a stable code, where, what, and an optional hint.
/// Messages are lowercase, one line, user text in backticks.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceSpan Span, string Message, string? Help = null)
{
    public static Diagnostic Error(string code, SourceSpan span, string message, string? help = null) =>
        new(Severity.Error, code, span, message, help);

    public static Diagnostic Warning(string code, SourceSpan span, string message, string? help = null) =>
        new(Severity.Warning, code, span, message, help);

    public bool IsError => Severity == Severity.Error;
}
