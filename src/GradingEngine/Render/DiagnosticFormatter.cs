using GradingEngine.Diagnostics;

namespace GradingEngine.Render;

/// <summary>
/// `path:line:col: error CODE: message`, one line per problem, with an indented help line when there is one.
/// Path, message and help are escaped for the terminal (<see cref="TerminalText"/>): a control character,
/// bidi override or line break in an echoed value shows as `\u001b`, and never splits a diagnostic.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic d)
    {
        var severity = d.IsError ? "error" : "warning";
        var line = $"{TerminalText.Escape(d.Span.Path)}:{d.Span.Line}:{d.Span.Column}: {severity} {d.Code}: {TerminalText.Escape(d.Message)}";
        return d.Help is null ? line : $"{line}\n  help: {TerminalText.Escape(d.Help)}";
    }

    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in DiagnosticBag.Sort(diagnostics))
        {
            writer.Write(Format(d));
            writer.Write('\n');
        }
    }
}
