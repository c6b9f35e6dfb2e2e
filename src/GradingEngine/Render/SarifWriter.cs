using System.Reflection;
using GradingEngine.Diagnostics;

namespace GradingEngine.Render;

/// <summary>
/// Diagnostics as SARIF 2.1.0, the format GitHub code scanning uploads: one run, a rule per
/// diagnostic code, results with file, line and column. URIs are relative, with forward slashes.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(IReadOnlyList<Diagnostic> diagnostics, string? baseDirectory = null)
    {
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        var codes = DiagnosticCodes.All.Select(c => c.Code).ToList();
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
        return JsonRenderer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "GradingEngine");
            w.WriteString("semanticVersion", version);
            w.WriteStartArray("rules");
            foreach (var (code, summary) in DiagnosticCodes.All)
            {
                w.WriteStartObject();
                w.WriteString("id", code);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", summary);
                w.WriteEndObject();
                w.WriteString("helpUri", HelpUri(code));
                w.WriteStartObject("help");
                w.WriteString("text", $"{code}: {summary}. See {HelpUri(code)} in the GradingEngine repository.");
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", summary.EndsWith("(warning)", StringComparison.Ordinal) ? "warning" : "error");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var d in DiagnosticBag.Sort(diagnostics))
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                var index = codes.IndexOf(d.Code);
                if (index >= 0) w.WriteNumber("ruleIndex", index);
                w.WriteString("level", d.IsError ? "error" : "warning");
                w.WriteStartObject("message");
                w.WriteString("text", d.Help is null ? d.Message : $"{d.Message} ({d.Help})");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", Uri(root, d.Span.Path));
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", d.Span.Line);
                w.WriteNumber("startColumn", d.Span.Column);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The code's row in docs/diagnostics.md, relative to the repository root like the result locations: the
    /// repository has no fixed public address to make it absolute, and a placeholder host would be a dead link.
    /// </summary>
    public static string HelpUri(string code) => $"docs/diagnostics.md#{code.ToLowerInvariant()}";

    /// <summary>A path relative to the base folder when it lies under it, so code scanning can map it to the repository.</summary>
    private static string Uri(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        var uri = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return uri.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal);
    }
}
