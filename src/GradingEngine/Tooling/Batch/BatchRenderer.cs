using System.Globalization;
using System.Text.Json;
using CsvHelper;
using GradingEngine.Model;
using GradingEngine.Render;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// A graded batch as text (summary table, agreement, consistency groups, ranked disagreements), JSON
/// (fixed key order) or CSV (one row per inspection and subject). The report is already in a fixed
/// order, so each renders to the same bytes whatever parallelism graded it.
/// </summary>
public static class BatchRenderer
{
    /// <param name="verbose">List every member of a consistency group; by default only those that differ from the group's majority.</param>
    public static string RenderText(BatchReport report, bool verbose = false)
    {
        var o = new TextOutput();
        var files = report.Inspections.Select(i => i.Path).Distinct(StringComparer.Ordinal).Count();
        var rulebook = report.Rulebook;
        o.Line($"Batch of {Plural(report.Inspections.Count, "inspection")} from {Plural(files, "file")}");
        o.Line($"Rulebook {rulebook.Id} {rulebook.Version} (sha256:{rulebook.ContentHash[..12]})");
        o.Line();
        Table(o, report);
        Agreement(o, report);
        Consistency(o, report, verbose);
        Disagreements(o, report);
        Skipped(o, report);
        return o.ToString();
    }

    private static string Plural(int n, string noun) => FormattableString.Invariant($"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string FilePath(string path) => path.Replace('\\', '/');

    /// <summary>
    /// Short names for grades in the table: the initials of each grade id's words (good → G,
    /// requires-improvement → RI), or the ids themselves when initials would collide.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Abbreviations(GradeScale scale)
    {
        var initials = scale.Grades.ToDictionary(g => g.Id,
            g => string.Concat(g.Id.Split('-', '_', '.', ' ').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]))), StringComparer.Ordinal);
        var abbreviations = initials.Values.Append("-").Distinct(StringComparer.Ordinal).Count() == initials.Count + 1
            ? initials
            : scale.Grades.ToDictionary(g => g.Id, g => g.Id, StringComparer.Ordinal);
        // A question the engine could not grade shows as `NG` (its legend says so); a scale that uses `NG` spells it out.
        abbreviations[ProposedGrades.NotGradedId] = abbreviations.ContainsValue("NG") ? ProposedGrades.NotGradedId : "NG";
        return abbreviations;
    }

    private static void Table(TextOutput o, BatchReport report)
    {
        var abbreviation = Abbreviations(report.Rulebook.Scale);
        var subjects = report.Subjects;
        var header = new List<string> { "inspection" };
        header.AddRange(subjects);
        header.Add("file");
        var rows = new List<List<string>> { header };
        foreach (var inspection in report.Inspections)
        {
            var row = new List<string> { inspection.Id };
            foreach (var subject in subjects)
            {
                var g = inspection.Find(subject)!;
                var proposed = g.Proposed is null ? "-" : abbreviation[g.Proposed.Id];
                row.Add($"{proposed}/{abbreviation[g.Computed.Id]}{(g.Agrees == false ? " *" : "")}");
            }
            row.Add(FilePath(inspection.Path));
            rows.Add(row);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToList();
        o.Line($"Grades, proposed/computed (* disagrees, - none proposed):");
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]));
            o.Line($"  {string.Join("  ", cells).TrimEnd()}");
        }
        var legend = report.Rulebook.Scale.Grades.Select(g => g.Id).ToList();
        if (report.Inspections.Any(i => i.Grades.Any(g => g.Computed.Id == ProposedGrades.NotGradedId || g.Proposed?.Id == ProposedGrades.NotGradedId)))
        {
            legend.Add(ProposedGrades.NotGradedId);
        }
        o.Line($"  {string.Join(", ", legend.Select(g => $"{abbreviation[g]} {g}"))}");
        o.Line();
    }

    private static void Agreement(TextOutput o, BatchReport report)
    {
        o.Line($"Agreement of proposed with computed grades:");
        var lines = report.Agreement.Append(report.AllAgreement).ToList();
        var width = lines.Max(a => a.Subject.Length);
        var digits = report.AllAgreement.Compared.ToString(CultureInfo.InvariantCulture).Length;
        foreach (var a in lines)
        {
            var rate = a.Rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
            var counts = FormattableString.Invariant($"{a.Agreed.ToString(CultureInfo.InvariantCulture).PadLeft(digits)} of {a.Compared.ToString(CultureInfo.InvariantCulture).PadRight(digits)}");
            var line = $"  {a.Subject.PadRight(width)}  {counts}  {rate,6}";
            o.Line($"{(a.NotGraded > 0 ? FormattableString.Invariant($"{line}  {a.NotGraded} not graded") : line)}");
        }
        o.Line();
    }

    private static void Consistency(TextOutput o, BatchReport report, bool verbose)
    {
        if (report.Consistency.Count == 0)
        {
            o.Line($"Consistency: no inspections with the same criterion outcomes for a question were proposed different grades.");
            o.Line();
            return;
        }
        o.Line($"Consistency: {Plural(report.Consistency.Count, "group")} of like cases proposed different grades:");
        foreach (var group in report.Consistency)
        {
            var profile = group.Profile.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}").ToList();
            var counts = profile.Count == 0 ? "none met" : string.Join(", ", profile);
            if (group.Kind == ConsistencyKind.SameCriteria)
            {
                o.Line($"  {group.QuestionId}: the same criteria met ({counts}), different grades proposed:");
                o.Wrapped("      criteria: ", Criteria(group.CommonCriteria));
            }
            else
            {
                o.Line($"  {group.QuestionId}: as many criteria met of each effect ({counts}), not the same ones (weights may differ), different grades proposed:");
                o.Wrapped("      met by all: ", Criteria(group.CommonCriteria));
            }
            var shown = verbose ? group.Members : group.Dissenters;
            var majority = group.Majority;
            var size = Plural(group.Members.Count, "inspection");
            var agreeing = group.Members.Count - group.Dissenters.Count;
            if (majority is null) o.Line($"      {size}, no grade proposed for most:");
            else if (verbose) o.Line($"      {size}, {agreeing} proposed {majority.Id}:");
            else o.Line($"      {size}, {agreeing} proposed {majority.Id}; {Plural(shown.Count, "inspection")} proposed otherwise (--verbose for all):");
            var idWidth = shown.Max(m => m.Inspection.Id.Length);
            var proposedWidth = shown.Max(m => m.Proposed.Id.Length);
            var computedWidth = shown.Max(m => m.Computed.Id.Length);
            foreach (var m in shown)
            {
                o.Line($"      {m.Inspection.Id.PadRight(idWidth)}  proposed {m.Proposed.Id.PadRight(proposedWidth)}  computed {m.Computed.Id.PadRight(computedWidth)}  {FilePath(m.Inspection.Path)}");
                if (group.Kind == ConsistencyKind.SameProfile)
                {
                    o.Wrapped("          also met: ", Criteria(m.MetCriteria.Except(group.CommonCriteria, StringComparer.Ordinal).ToList()));
                }
            }
        }
        o.Line();
    }

    private static string Criteria(IReadOnlyList<string> ids) => ids.Count == 0 ? "(none)" : string.Join(", ", ids);

    private static void Disagreements(TextOutput o, BatchReport report)
    {
        if (report.Disagreements.Count == 0)
        {
            o.Line($"Disagreements: none.");
            return;
        }
        o.Line($"Disagreements, farthest first ({report.Disagreements.Count}):");
        var subjectWidth = report.Disagreements.Max(d => d.Subject.Length);
        var idWidth = report.Disagreements.Max(d => d.Inspection.Id.Length);
        var proposedWidth = report.Disagreements.Max(d => d.Proposed.Id.Length);
        var computedWidth = report.Disagreements.Max(d => d.Computed.Id.Length);
        foreach (var d in report.Disagreements)
        {
            o.Line($"  {d.Distance,2}  {d.Subject.PadRight(subjectWidth)}  {d.Inspection.Id.PadRight(idWidth)}  proposed {d.Proposed.Id.PadRight(proposedWidth)}  computed {d.Computed.Id.PadRight(computedWidth)}  {FilePath(d.Inspection.Path)}");
        }
    }

    private static void Skipped(TextOutput o, BatchReport report)
    {
        if (report.Skipped.Count == 0) return;
        o.Line();
        o.Line($"Not graded ({report.Skipped.Count}):");
        foreach (var s in report.Skipped)
        {
            o.Line($"  {FilePath(s.Path)}: {s.Reason}");
        }
    }

    public static string RenderJson(BatchReport report) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        JsonRenderer.WriteRulebook(w, report.Rulebook);
        w.WriteStartArray("subjects");
        foreach (var subject in report.Subjects) w.WriteStringValue(subject);
        w.WriteEndArray();
        w.WriteStartArray("inspections");
        foreach (var inspection in report.Inspections)
        {
            w.WriteStartObject();
            JsonRenderer.WriteInspection(w, inspection.Id, inspection.Force, inspection.Framework, inspection.Path, inspection.Sha256, inspection.FindingCount);
            WriteNullableString(w, "proposedFrom", inspection.ProposedFrom is null ? null : FilePath(inspection.ProposedFrom));
            w.WriteStartArray("grades");
            foreach (var g in inspection.Grades)
            {
                w.WriteStartObject();
                w.WriteString("subject", g.Subject);
                WriteNullableString(w, "proposed", g.Proposed?.Id);
                w.WriteString("computed", g.Computed.Id);
                if (g.Agrees is { } agrees) w.WriteBoolean("agree", agrees); else w.WriteNull("agree");
                if (g.Distance is { } distance) w.WriteNumber("distance", distance); else w.WriteNull("distance");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("agreement");
        w.WriteStartArray("subjects");
        foreach (var a in report.Agreement) WriteAgreement(w, a);
        w.WriteEndArray();
        w.WritePropertyName("all");
        WriteAgreement(w, report.AllAgreement);
        w.WriteEndObject();
        w.WriteStartArray("consistency");
        foreach (var group in report.Consistency)
        {
            w.WriteStartObject();
            w.WriteString("question", group.QuestionId);
            w.WriteString("kind", group.Kind == ConsistencyKind.SameCriteria ? "same-criteria" : "same-profile");
            w.WriteStartObject("profile");
            foreach (var (effect, count) in group.Profile) w.WriteNumber(effect, count);
            w.WriteEndObject();
            WriteStrings(w, "criteria", group.CommonCriteria);
            w.WriteStartArray("members");
            foreach (var m in group.Members)
            {
                w.WriteStartObject();
                w.WriteString("inspection", m.Inspection.Id);
                w.WriteString("file", FilePath(m.Inspection.Path));
                w.WriteString("proposed", m.Proposed.Id);
                w.WriteString("computed", m.Computed.Id);
                WriteStrings(w, "criteria", m.MetCriteria);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var d in report.Disagreements)
        {
            w.WriteStartObject();
            w.WriteString("inspection", d.Inspection.Id);
            w.WriteString("file", FilePath(d.Inspection.Path));
            w.WriteString("subject", d.Subject);
            w.WriteString("proposed", d.Proposed.Id);
            w.WriteString("computed", d.Computed.Id);
            w.WriteNumber("distance", d.Distance);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var s in report.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("file", FilePath(s.Path));
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteAgreement(Utf8JsonWriter w, SubjectAgreement a)
    {
        w.WriteStartObject();
        w.WriteString("subject", a.Subject);
        w.WriteNumber("compared", a.Compared);
        w.WriteNumber("agreed", a.Agreed);
        if (a.Rate is { } rate) w.WriteNumber("rate", rate); else w.WriteNull("rate");
        w.WriteNumber("notGraded", a.NotGraded);
        w.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>The CSV columns: one row per inspection and subject.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = ["inspection", "subject", "proposed", "computed", "agree", "distance", "file"];

    /// <summary>
    /// One row per inspection and subject, written with CsvHelper (RFC 4180 quoting), every cell safe to open in a
    /// spreadsheet (<see cref="CsvText"/>). Lines end with `\n`
    /// like every other output of the tool, so files compare and diff the same on every platform.
    /// </summary>
    public static string RenderCsv(BatchReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteHeader(CsvColumns.ToArray());
            foreach (var inspection in report.Inspections)
            {
                foreach (var g in inspection.Grades)
                {
                    string[] cells =
                    [
                        inspection.Id,
                        g.Subject,
                        g.Proposed?.Id ?? "",
                        g.Computed.Id,
                        g.Agrees is { } agrees ? (agrees ? "true" : "false") : "",
                        g.Distance?.ToString(CultureInfo.InvariantCulture) ?? "",
                        FilePath(inspection.Path),
                    ];
                    csv.WriteRecord(cells.Select(CsvText.Cell).ToArray());
                }
            }
            csv.Flush();
        }
        return text.ToString();
    }
}
