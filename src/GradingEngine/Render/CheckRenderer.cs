using System.Text.Json;
using GradingEngine.Check;
using GradingEngine.Diagnostics;

namespace GradingEngine.Render;

/// <summary>`rules check` reports: a summary for people, JSON for tools. Diagnostics themselves go through <see cref="DiagnosticFormatter"/> or SARIF.</summary>
public static class CheckRenderer
{
    public static string RenderSummary(string directory, Result<CheckedRulebook> result)
    {
        var o = new TextOutput();
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        if (result.Value is { } rulebook)
        {
            var r = rulebook.Rulebook;
            o.Line($"{directory}: rulebook {r.Id} {r.Version}: {r.Questions.Count} questions, {r.Codebook.Indicators.Count} indicators, {r.Criteria.Count} criteria, {r.Files.Count} files");
            foreach (var analysis in rulebook.Analyses)
            {
                var what = analysis.Subject != "overall" ? "outcome profiles"
                    : analysis.CountsFindings ? "combinations of question grades and findings counts" : "combinations of question grades";
                var how = analysis.Exhaustive ? "checked exhaustively" : "too many to check";
                var subject = analysis.Subject == "overall" ? "roll-up" : $"thresholds {analysis.Subject} ({analysis.Table} table)";
                o.Line($"  {subject}: {analysis.SpaceSize} {what} {how}; grades produced: {string.Join(", ", analysis.GradesProduced)}{Unchecked(analysis)}");
            }
        }
        o.Line($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
        return o.ToString();
    }

    /// <summary>"; monotonicity in `x` not checked: no `better` or `worse` direction declared", for named values the rulebook gives no direction.</summary>
    private static string Unchecked(Check.Analysis.TableAnalysis analysis) => analysis.UncheckedValues.Count == 0
        ? ""
        : $"; monotonicity in {string.Join(", ", analysis.UncheckedValues.Select(v => $"`{v}`"))} not checked: no `better` or `worse` direction declared";

    public static string RenderJson(string directory, Result<CheckedRulebook> result) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("rulebook", directory.Replace('\\', '/'));
        if (result.Value is { } rulebook)
        {
            w.WriteString("id", rulebook.Rulebook.Id);
            w.WriteString("version", rulebook.Rulebook.Version);
            w.WriteString("contentHash", "sha256:" + rulebook.Rulebook.ContentHash);
        }
        w.WriteNumber("errors", result.Diagnostics.Count(d => d.IsError));
        w.WriteNumber("warnings", result.Diagnostics.Count(d => !d.IsError));
        w.WriteStartArray("diagnostics");
        foreach (var d in result.Diagnostics) WriteDiagnostic(w, d);
        w.WriteEndArray();
        w.WriteStartArray("analyses");
        foreach (var a in result.Value?.Analyses ?? [])
        {
            w.WriteStartObject();
            w.WriteString("subject", a.Subject);
            w.WriteString("table", a.Table);
            w.WriteNumber("spaceSize", a.SpaceSize);
            w.WriteBoolean("exhaustive", a.Exhaustive);
            w.WriteStartArray("gradesProduced");
            foreach (var g in a.GradesProduced) w.WriteStringValue(g);
            w.WriteEndArray();
            if (a.UncheckedValues.Count > 0)
            {
                w.WriteStartArray("monotonicityNotChecked");
                foreach (var v in a.UncheckedValues) w.WriteStringValue(v);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("severity", d.IsError ? "error" : "warning");
        w.WriteString("code", d.Code);
        w.WriteString("file", d.Span.Path.Replace('\\', '/'));
        w.WriteNumber("line", d.Span.Line);
        w.WriteNumber("column", d.Span.Column);
        w.WriteString("message", d.Message);
        if (d.Help is not null) w.WriteString("help", d.Help);
        w.WriteEndObject();
    }
}
