using System.Reflection;
using System.Text;
using System.Text.Json;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Trace;

namespace GradingEngine.Tooling.Records;

/// <summary>Writes the decision record of one grading (see <see cref="DecisionRecord"/>).</summary>
internal static class DecisionRecordWriter
{
    public static string EngineVersion { get; } =
        typeof(DecisionRecordWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The record, or null with a reason when the findings file or its report changed on disk since it was graded
    /// (the record must hold exactly what was graded). The rulebook's files are held as they were read; the
    /// findings and report are read again as they were loaded: regular files within the limits, the report
    /// inside the findings file's folder, so a record embeds nothing but its declared inputs.
    /// </summary>
    public static string? Write(GradingResult result, out string? problem, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        problem = null;
        var rulebook = result.Rulebook;
        // The rulebook's files as they were read for grading (a folder's or an embedded rulebook's alike).
        // The decoder drops a byte order mark, which the SHA-256 covers: put it back so the content matches its hash.
        var files = rulebook.Files.Select(f => (Path: f.RelativePath, Sha: f.Sha256,
            Content: Files.Sha256.Hex(f.Text) == f.Sha256 ? f.Text : "\uFEFF" + f.Text)).ToList();
        var inspection = result.Inspection;
        var findingsBytes = InputFile.Read(inspection.Path, limits.MaxFileBytes, new DiagnosticBag());
        if (findingsBytes is null || Files.Sha256.Hex(findingsBytes) != inspection.Sha256)
        {
            problem = $"findings file `{inspection.Path}` changed while grading";
            return null;
        }
        (string File, string Sha, string Content)? report = null;
        if (inspection.ReportFile is { } reportFile)
        {
            var folder = Path.GetDirectoryName(inspection.Path) is { Length: > 0 } d ? d : ".";
            var reportBytes = InputFile.Read(Path.Combine(folder, reportFile), limits.MaxReportBytes, new DiagnosticBag(), within: folder);
            if (reportBytes is null || Files.Sha256.Hex(reportBytes) != inspection.ReportSha256)
            {
                problem = $"report `{reportFile}` changed while grading";
                return null;
            }
            report = (reportFile.Replace('\\', '/'), inspection.ReportSha256, Encoding.UTF8.GetString(reportBytes));
        }

        var body = JsonRenderer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", DecisionRecord.Format);
            w.WriteStartObject("engine");
            w.WriteString("name", "GradingEngine");
            w.WriteString("version", EngineVersion);
            w.WriteEndObject();
            w.WriteStartObject("rulebook");
            w.WriteString("id", rulebook.Id);
            w.WriteString("version", rulebook.Version);
            w.WriteString("contentHash", "sha256:" + rulebook.ContentHash);
            // Only for an embedded rulebook: its id names the rule files in the trace, so verify names them alike.
            if (rulebook.EmbeddedId is { } embedded) w.WriteString("embedded", embedded);
            w.WriteStartArray("files");
            foreach (var (path, sha, content) in files)
            {
                w.WriteStartObject();
                w.WriteString("path", path);
                w.WriteString("sha256", sha);
                w.WriteString("content", content);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("findings");
            w.WriteString("file", inspection.Path.Replace('\\', '/'));
            w.WriteString("sha256", inspection.Sha256);
            w.WriteString("content", Encoding.UTF8.GetString(findingsBytes));
            if (report is { } r)
            {
                w.WriteStartObject("report");
                w.WriteString("file", r.File);
                w.WriteString("sha256", r.Sha);
                w.WriteString("content", r.Content);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("report");
            }
            w.WriteEndObject();
            w.WritePropertyName("inputs");
            WriteInputs(w, inspection);
            w.WritePropertyName("result");
            JsonRenderer.WriteResult(w, result);
            w.WriteEndObject();
        });
        using var document = JsonDocument.Parse(body);
        var hash = DecisionRecord.Hash(document.RootElement);
        return JsonRenderer.Write(w =>
        {
            w.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(w);
            w.WriteString(DecisionRecord.HashKey, hash);
            w.WriteEndObject();
        });
    }

    /// <summary>The inputs' canonical form: findings sorted by id with typed values, whatever the file's layout.</summary>
    public static void WriteInputs(Utf8JsonWriter w, Inspection inspection)
    {
        w.WriteStartObject();
        w.WriteString("inspection", inspection.Id);
        w.WriteString("force", inspection.Force);
        w.WriteString("framework", inspection.Framework);
        w.WriteStartArray("findings");
        foreach (var finding in inspection.Findings.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            JsonRenderer.WriteFinding(w, finding, withQuestion: true, located: false);
        }
        w.WriteEndArray();
        w.WriteStartObject("proposed");
        foreach (var (subject, (grade, _)) in inspection.Proposed?.Grades ?? new Dictionary<string, (string, SourceSpan)>())
        {
            w.WriteString(subject, grade);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
