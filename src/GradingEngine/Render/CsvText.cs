namespace GradingEngine.Render;

/// <summary>
/// A CSV cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is read as a formula, so it gets a leading `'` (OWASP, CSV injection). Quoting is the CSV writer's job.
/// </summary>
internal static class CsvText
{
    public static string Cell(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
