using System.Text;
using System.Text.Json;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load;

namespace GradingEngine.Tooling.Records;

/// <summary>
/// Re-runs a decision record: from the inputs it holds, or from files given instead, and reports
/// precisely what differs: the record edited, a rulebook file changed, a finding edited, a grade
/// that differs, or any other part of the trace.
/// </summary>
internal static partial class RecordVerifier
{
    public static RecordVerification Verify(string recordPath, string? rulesDirectory = null, string? findingsPath = null)
    {
        var bag = new DiagnosticBag();
        if (InputFile.Read(recordPath, LoadLimits.Default.MaxRecordBytes, bag) is not { } bytes)
        {
            return new RecordVerification(recordPath, $"cannot read the record: {bag.ToSortedList()[0].Message}", [], []);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return new RecordVerification(recordPath, $"cannot read the record: {e.Message}", [], []);
        }
        using (document)
        {
            var record = document.RootElement;
            if (Shape(record) is { } problem)
            {
                return new RecordVerification(recordPath, problem, [], []);
            }
            var mismatches = new List<RecordMismatch>();
            var checkedParts = new List<string>();
            using var work = new WorkFolder();

            CheckRecordHash(record, mismatches, checkedParts);
            var rules = RulebookSource(record, rulesDirectory, work, mismatches, checkedParts);
            var findings = FindingsSource(record, findingsPath, work, mismatches, checkedParts);
            Regrade(record, rules, findings, mismatches, checkedParts);
            return new RecordVerification(recordPath, null, mismatches, checkedParts);
        }
    }

    /// <summary>A record has the members verification reads, with the right JSON kinds.</summary>
    private static string? Shape(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object) return "not a decision record: the top level is not an object";
        if (!record.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != DecisionRecord.Format)
        {
            return $"not a decision record: `format` is not `{DecisionRecord.Format}`";
        }
        foreach (var (path, kind) in Required)
        {
            var element = record;
            foreach (var name in path.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return $"not a decision record: `{path}` is missing";
                }
            }
            if (element.ValueKind != kind) return $"not a decision record: `{path}` is not {kind.ToString().ToLowerInvariant()}";
        }
        if (record.GetProperty("rulebook").TryGetProperty("embedded", out var embedded) && embedded.ValueKind != JsonValueKind.String)
        {
            return "not a decision record: `rulebook.embedded` is not string";
        }
        foreach (var file in record.GetProperty("rulebook").GetProperty("files").EnumerateArray())
        {
            if (file.ValueKind != JsonValueKind.Object || !file.TryGetProperty("path", out var p) || p.ValueKind != JsonValueKind.String ||
                !file.TryGetProperty("sha256", out var s) || s.ValueKind != JsonValueKind.String ||
                !file.TryGetProperty("content", out var c) || c.ValueKind != JsonValueKind.String)
            {
                return "not a decision record: a rulebook file lacks `path`, `sha256` or `content`";
            }
            if (p.GetString()!.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(p.GetString()!))
            {
                return $"not a decision record: rulebook file path `{p.GetString()}` leaves the rulebook folder";
            }
        }
        return null;
    }

    /// <summary>The id of the embedded rulebook the record was graded with; null when it was graded with a folder.</summary>
    private static string? EmbeddedId(JsonElement record) =>
        record.GetProperty("rulebook").TryGetProperty("embedded", out var embedded) ? embedded.GetString() : null;

    private static readonly (string Path, JsonValueKind Kind)[] Required =
    [
        ("rulebook.files", JsonValueKind.Array),
        ("rulebook.contentHash", JsonValueKind.String),
        ("findings.file", JsonValueKind.String),
        ("findings.sha256", JsonValueKind.String),
        ("findings.content", JsonValueKind.String),
        ("inputs", JsonValueKind.Object),
        ("result", JsonValueKind.Object),
        (DecisionRecord.HashKey, JsonValueKind.String),
    ];

    private static void CheckRecordHash(JsonElement record, List<RecordMismatch> mismatches, List<string> checkedParts)
    {
        checkedParts.Add("record hash");
        var recorded = record.GetProperty(DecisionRecord.HashKey).GetString();
        var actual = DecisionRecord.Hash(record);
        if (recorded != actual)
        {
            mismatches.Add(new RecordMismatch("record", $"the record was edited: its SHA-256 is {recorded} but its content hashes to {actual}"));
        }
    }

    /// <summary>A temporary folder for the inputs a record holds, removed afterwards.</summary>
    private sealed class WorkFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("grading-verify-").FullName;

        public string Write(string relative, string content)
        {
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Encoding.UTF8.GetBytes(content));
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder must not turn a verification into a failure.
            }
        }
    }
}
