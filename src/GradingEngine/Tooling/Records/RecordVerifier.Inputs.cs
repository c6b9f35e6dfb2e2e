using System.Text.Json;
using GradingEngine.Compile;
using GradingEngine.Files;
using GradingEngine.Grading;
using GradingEngine.Load;

namespace GradingEngine.Tooling.Records;

internal static partial class RecordVerifier
{
    /// <summary>
    /// The rulebook to grade with, loaded once: the folder given, compared file by file with the
    /// record, or the record's own copy.
    /// </summary>
    private static Diagnostics.Result<Compile.CompiledRulebook> RulebookSource(JsonElement record, string? rulesDirectory, WorkFolder work, List<RecordMismatch> mismatches, List<string> checkedParts)
    {
        var recorded = record.GetProperty("rulebook").GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Sha: f.GetProperty("sha256").GetString()!, Content: f.GetProperty("content").GetString()!), StringComparer.Ordinal);
        foreach (var (path, (sha, content)) in recorded)
        {
            checkedParts.Add($"rulebook file {path}");
            if (Files.Sha256.Hex(content) != sha)
            {
                mismatches.Add(new RecordMismatch($"rulebook file {path}", $"the record's copy of `{path}` does not match its SHA-256: it was edited"));
            }
        }
        if (rulesDirectory is null)
        {
            foreach (var (path, (_, content)) in recorded) work.Write(Path.Combine("rules", path), content);
            return Grader.LoadRulebook(Path.Combine(work.Path, "rules"), LoadLimits.Default, ExpressionMode.Interpreted);
        }
        var loaded = Grader.LoadRulebook(rulesDirectory, LoadLimits.Default, ExpressionMode.Interpreted);
        if (loaded.Value is { } rulebook)
        {
            var now = rulebook.Rulebook.Files.ToDictionary(f => f.RelativePath, f => f.Sha256, StringComparer.Ordinal);
            foreach (var (path, (sha, _)) in recorded.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!now.TryGetValue(path, out var current))
                {
                    mismatches.Add(new RecordMismatch($"rulebook file {path}", $"rulebook file `{path}` was removed"));
                }
                else if (current != sha)
                {
                    mismatches.Add(new RecordMismatch($"rulebook file {path}", $"rulebook file `{path}` changed: recorded sha256 {sha}, now {current}"));
                }
            }
            foreach (var path in now.Keys.Where(p => !recorded.ContainsKey(p)).Order(StringComparer.Ordinal))
            {
                mismatches.Add(new RecordMismatch($"rulebook file {path}", $"rulebook file `{path}` was added"));
            }
        }
        return loaded;
    }

    /// <summary>The findings file to grade: the one given, compared finding by finding, or the record's own copy with its report.</summary>
    private static string FindingsSource(JsonElement record, string? findingsPath, WorkFolder work, List<RecordMismatch> mismatches, List<string> checkedParts)
    {
        var findings = record.GetProperty("findings");
        var name = Path.GetFileName(findings.GetProperty("file").GetString()!);
        var content = findings.GetProperty("content").GetString()!;
        var sha = findings.GetProperty("sha256").GetString()!;
        checkedParts.Add("findings file");
        if (Files.Sha256.Hex(content) != sha)
        {
            mismatches.Add(new RecordMismatch("findings", "the record's copy of the findings file does not match its SHA-256: it was edited"));
        }
        var report = findings.TryGetProperty("report", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        if (report is { } rep)
        {
            checkedParts.Add("report");
            if (Files.Sha256.Hex(rep.GetProperty("content").GetString()!) != rep.GetProperty("sha256").GetString())
            {
                mismatches.Add(new RecordMismatch("report", "the record's copy of the report does not match its SHA-256: it was edited"));
            }
        }
        if (findingsPath is null)
        {
            var path = work.Write(Path.Combine("findings", name), content);
            if (report is { } rep2)
            {
                var relative = rep2.GetProperty("file").GetString()!;
                if (!relative.Contains("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                {
                    work.Write(Path.Combine("findings", relative), rep2.GetProperty("content").GetString()!);
                }
            }
            return path;
        }
        // Unreadable here is reported when the file is loaded to be graded.
        if (InputFile.Read(findingsPath, LoadLimits.Default.MaxFileBytes, new Diagnostics.DiagnosticBag()) is { } bytes && Files.Sha256.Hex(bytes) != sha)
        {
            mismatches.Add(new RecordMismatch("findings", $"findings file `{findingsPath}` differs from the recorded one"));
        }
        return findingsPath;
    }
}
