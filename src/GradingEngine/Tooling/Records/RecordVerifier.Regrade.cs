using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Grading;
using GradingEngine.Load;

namespace GradingEngine.Tooling.Records;

internal static partial class RecordVerifier
{
    /// <summary>Grades the inputs again and compares the canonical inputs and the whole trace with the record's.</summary>
    private static void Regrade(JsonElement record, Diagnostics.Result<Compile.CompiledRulebook> rulebook, string findingsPath, List<RecordMismatch> mismatches, List<string> checkedParts)
    {
        checkedParts.Add("grades and trace");
        if (!rulebook.Succeeded)
        {
            mismatches.Add(new RecordMismatch("rulebook", "the rulebook no longer loads: " + string.Join("; ", rulebook.Errors.Take(3).Select(d => d.Message))));
            return;
        }
        var inspection = Grader.LoadInspection(findingsPath, rulebook.Value!.Rulebook, LoadLimits.Default);
        if (!inspection.Succeeded)
        {
            mismatches.Add(new RecordMismatch("findings", "the findings no longer load: " + string.Join("; ", inspection.Errors.Take(3).Select(d => $"{d.Span.Line}:{d.Span.Column}: {d.Message}"))));
            CompareFindings(record.GetProperty("inputs"), RawInputs(findingsPath), mismatches);
            return;
        }
        // Grade as the record did: same file name in the trace, wherever the inputs now are.
        var graded = Grader.Grade(rulebook.Value!, inspection.Value! with { Path = record.GetProperty("findings").GetProperty("file").GetString()! }, outlooks: true);
        // Name the rule files as the record did too: by the embedded rulebook's id when it was graded with one.
        graded = graded with { Rulebook = graded.Rulebook with { EmbeddedId = EmbeddedId(record) } };

        using var inputs = JsonDocument.Parse(JsonRenderer.Write(w => DecisionRecordWriter.WriteInputs(w, inspection.Value!)));
        CompareFindings(record.GetProperty("inputs"), inputs.RootElement, mismatches);

        using var result = JsonDocument.Parse(JsonRenderer.Render(graded));
        CompareGrades(record.GetProperty("result"), result.RootElement, mismatches);
        if (DecisionRecord.Canonical(record.GetProperty("result")) != DecisionRecord.Canonical(result.RootElement) &&
            FirstDifference(record.GetProperty("result"), result.RootElement, "result") is { } where)
        {
            mismatches.Add(new RecordMismatch("trace", $"the trace differs at `{where}`"));
        }
    }

    /// <summary>
    /// The findings as written, untyped, for naming what changed when the file no longer loads
    /// (a quote edited away from the report, an indicator renamed).
    /// </summary>
    private static JsonElement RawInputs(string findingsPath)
    {
        var bag = new Diagnostics.DiagnosticBag();
        var root = Load.Yaml.YamlReader.ReadFile(findingsPath, Load.LoadLimits.Default, bag) as Load.Yaml.YMapping;
        var findings = root?.Entries.FirstOrDefault(e => e.Key.Value == "findings")?.Value as Load.Yaml.YSequence;
        var text = JsonRenderer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("findings");
            foreach (var item in findings?.Items.OfType<Load.Yaml.YMapping>() ?? [])
            {
                w.WriteStartObject();
                foreach (var entry in item.Entries)
                {
                    if (entry.Value is not Load.Yaml.YScalar scalar) continue;
                    if (entry.Key.Value == "value" && scalar.IsPlain && decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        w.WriteNumber("value", number);
                    }
                    else if (entry.Key.Value == "value" && Load.InspectionLoader.YesNo(scalar) is { } flag)
                    {
                        w.WriteBoolean("value", flag);
                    }
                    else
                    {
                        w.WriteString(entry.Key.Value, scalar.Value);
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Names each finding added, removed or edited between the recorded inputs and the ones graded now.</summary>
    private static void CompareFindings(JsonElement recorded, JsonElement now, List<RecordMismatch> mismatches)
    {
        static Dictionary<string, JsonElement> ById(JsonElement inputs) =>
            inputs.TryGetProperty("findings", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(f => f.TryGetProperty("id", out _)).GroupBy(f => f.GetProperty("id").GetString() ?? "").ToDictionary(g => g.Key, g => g.First())
                : [];
        var before = ById(recorded);
        var after = ById(now);
        foreach (var id in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (!after.TryGetValue(id, out var a))
            {
                mismatches.Add(new RecordMismatch($"finding {id}", $"finding `{id}` was removed"));
            }
            else if (!before.TryGetValue(id, out var b))
            {
                mismatches.Add(new RecordMismatch($"finding {id}", $"finding `{id}` was added"));
            }
            else if (DecisionRecord.Canonical(a) != DecisionRecord.Canonical(b))
            {
                var fields = b.EnumerateObject().Select(p => p.Name).Union(a.EnumerateObject().Select(p => p.Name))
                    .Where(n => !a.TryGetProperty(n, out var x) || !b.TryGetProperty(n, out var y) || DecisionRecord.Canonical(x) != DecisionRecord.Canonical(y));
                mismatches.Add(new RecordMismatch($"finding {id}", $"finding `{id}` was edited: {string.Join(", ", fields.Select(f => $"`{f}`"))} differ"));
            }
        }
        foreach (var key in new[] { "inspection", "force", "framework", "proposed" }.Where(k => now.TryGetProperty(k, out _)))
        {
            var x = recorded.TryGetProperty(key, out var rx) ? DecisionRecord.Canonical(rx) : "";
            var y = now.TryGetProperty(key, out var ry) ? DecisionRecord.Canonical(ry) : "";
            if (x != y) mismatches.Add(new RecordMismatch("findings", $"the findings' `{key}` differs"));
        }
    }

    private static void CompareGrades(JsonElement recorded, JsonElement now, List<RecordMismatch> mismatches)
    {
        static Dictionary<string, string> Grades(JsonElement result)
        {
            var grades = new Dictionary<string, string>(StringComparer.Ordinal);
            if (result.TryGetProperty("questions", out var questions) && questions.ValueKind == JsonValueKind.Array)
            {
                foreach (var q in questions.EnumerateArray())
                {
                    if (q.TryGetProperty("id", out var id) && q.TryGetProperty("grade", out var g)) grades[id.ToString()] = g.ToString();
                }
            }
            if (result.TryGetProperty("overall", out var overall) && overall.ValueKind == JsonValueKind.Object && overall.TryGetProperty("grade", out var og))
            {
                grades["overall"] = og.ToString();
            }
            return grades;
        }
        var before = Grades(recorded);
        var after = Grades(now);
        foreach (var subject in after.Keys.Union(before.Keys))
        {
            var b = before.GetValueOrDefault(subject, "(none)");
            var a = after.GetValueOrDefault(subject, "(none)");
            if (a != b) mismatches.Add(new RecordMismatch($"grade {subject}", $"the grade of `{subject}` differs: recorded `{b}`, now `{a}`"));
        }
    }

    /// <summary>The JSON path of the first difference between two elements, or null when they are equal.</summary>
    private static string? FirstDifference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind) return path;
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToList();
                var other = b.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.SequenceEqual(other)) return path;
                foreach (var name in names)
                {
                    if (FirstDifference(a.GetProperty(name), b.GetProperty(name), $"{path}.{name}") is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var x = a.EnumerateArray().ToList();
                var y = b.EnumerateArray().ToList();
                for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    if (FirstDifference(x[i], y[i], $"{path}[{i}]") is { } inner) return inner;
                }
                return x.Count == y.Count ? null : path;
            default:
                return a.GetRawText() == b.GetRawText() ? null : path;
        }
    }
}
