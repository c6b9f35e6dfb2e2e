using System.Diagnostics;
using System.Text.Json;
using GradingEngine.Render;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// `grading rules diff` output: the structural diff grouped by kind, then each inspection's grades
/// old → new with the causes of each change, then a one-line summary. JSON has the same content.
/// </summary>
public static class RulebookDiffRenderer
{
    public static string RenderText(RulebookDiff diff)
    {
        var o = new TextOutput();
        o.Line($"Rulebook diff: {Identity(diff.Old)} → {Identity(diff.New)}");
        o.Line();
        Structure(o, diff.Structure);
        o.Line($"Regrading: {Plural(diff.Inspections.Count, "inspection")}");
        o.Line();
        foreach (var inspection in diff.Inspections)
        {
            Inspection(o, inspection);
        }
        o.Line($"{Plural(diff.GradeChanges, "grade")} changed in {Plural(diff.ChangedInspections, "inspection")}");
        return o.ToString();
    }

    private static string Identity(RulebookIdentity r) => $"{r.Id} {r.Version} (sha256:{r.ContentHash[..Math.Min(12, r.ContentHash.Length)]})";

    private static string Plural(int count, string noun) => FormattableString.Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static void Structure(TextOutput o, StructuralDiff structure)
    {
        if (structure.Count == 0)
        {
            o.Line($"Structural changes: none");
            o.Line();
            return;
        }
        o.Line($"Structural changes: {structure.Count}");
        o.Line();
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            var items = structure.Items.Where(i => i.Kind == kind).ToList();
            var reorder = kind == ItemKind.Grade ? structure.Reordered : null;
            if (items.Count == 0 && reorder is null) continue;
            o.Line($"  {GroupTitle(kind)}");
            if (reorder is not null)
            {
                o.Line($"    scale reordered: {string.Join(", ", reorder.Old)} → {string.Join(", ", reorder.New)}");
            }
            foreach (var item in items)
            {
                var fields = item.Fields.Count > 0 ? $": {string.Join(", ", item.Fields)}" : "";
                o.Line($"    {item.Name}  {ChangeId(item.Change)}{fields}");
                if (item.Old is { } at) o.Line($"      --- {at}");
                if (item.New is { } to) o.Line($"      +++ {to}");
                foreach (var line in item.Lines)
                {
                    o.Line($"      {line}");
                }
            }
            o.Line();
        }
    }

    private static void Inspection(TextOutput o, InspectionRegrade inspection)
    {
        o.Line($"{inspection.Force} - inspection {inspection.Id} ({inspection.File})");
        var width = inspection.Questions.Select(q => q.QuestionId.Length).DefaultIfEmpty(0).Max();
        foreach (var q in inspection.Questions)
        {
            var id = q.QuestionId.PadRight(width);
            if (!q.Changed)
            {
                o.Line($"  {id}  {q.NewGrade} (unchanged)");
                continue;
            }
            o.Line($"  {id}  {q.OldGrade ?? "(no question)"} → {q.NewGrade ?? "(no question)"}");
            Rows(o, q.OldRow, q.NewRow);
            if (q.Criteria.Count == 0) o.Line($"      no criterion changed outcome, effect or weight");
            foreach (var cause in q.Criteria)
            {
                Cause(o, cause);
            }
        }
        var overall = inspection.Overall;
        if (!overall.Changed)
        {
            o.Line($"  overall  {overall.NewGrade} (unchanged)");
        }
        else
        {
            o.Line($"  overall  {overall.OldGrade} → {overall.NewGrade}");
            o.Line($"      question grades changed: {(overall.ChangedQuestions.Count == 0 ? "none" : string.Join(", ", overall.ChangedQuestions))}");
            o.Line($"      roll-up row {(overall.RowChanged ? "changed" : "unchanged")}");
            Rows(o, overall.OldRow, overall.NewRow);
        }
        o.Line();
    }

    private static void Rows(TextOutput o, DecidingRow? old, DecidingRow? @new)
    {
        if (old is not null) Row(o, "was decided by", old);
        if (@new is not null) Row(o, "now decided by", @new);
    }

    private static void Row(TextOutput o, string label, DecidingRow row)
    {
        var status = row.Status == ChangeKind.Unchanged ? "" : $" [{ChangeId(row.Status)}]";
        o.Line($"      {label} {row.Location} ({row.Table} rule {row.Row}, {row.Grade}){status}");
        o.Wrapped("        when ", row.Condition);
    }

    private static void Cause(TextOutput o, CriterionCause cause)
    {
        var status = ChangeId(cause.Status) + (cause.Fields.Count > 0 ? $" ({string.Join(", ", cause.Fields)})" : "");
        var at = cause.New?.Location ?? cause.Old?.Location;
        var what = cause.Kind == CauseKind.OutcomeChanged
            ? $"{Outcome(cause.Old)} → {Outcome(cause.New)}, {Contribution(cause.NewMet ? cause.New! : cause.Old!)}"
            : cause.Old!.Effect == cause.New!.Effect
                ? FormattableString.Invariant($"still met, {cause.New.Effect} weight {cause.Old.Weight} → {cause.New.Weight}")
                : $"still met, {Contribution(cause.Old)} → {Contribution(cause.New)}";
        o.Line($"      criterion {cause.Id} {status}: {what}{(at is null ? "" : $", {at}")}");
    }

    private static string Outcome(CriterionState? state) => state is null ? "absent" : state.Met ? "met" : "not met";

    private static string Contribution(CriterionState state) => FormattableString.Invariant($"{state.Effect} weight {state.Weight}");

    private static string GroupTitle(ItemKind kind) => kind switch
    {
        ItemKind.Grade => "Grades",
        ItemKind.Effect => "Effects",
        ItemKind.Question => "Questions",
        ItemKind.Area => "Areas",
        ItemKind.JudgementScale => "Judgement scales",
        ItemKind.Kind => "Finding kinds",
        ItemKind.Indicator => "Indicators",
        ItemKind.Criterion => "Criteria",
        ItemKind.ThresholdRow => "Threshold rows",
        ItemKind.Requirement => "Evidence requirements",
        ItemKind.Limit => "Limits",
        ItemKind.RollupRow => "Roll-up rows",
        _ => throw new UnreachableException(kind.ToString()),
    };

    private static string KindId(ItemKind kind) => kind switch
    {
        ItemKind.Grade => "grade",
        ItemKind.Effect => "effect",
        ItemKind.Question => "question",
        ItemKind.Area => "area",
        ItemKind.JudgementScale => "judgement-scale",
        ItemKind.Kind => "kind",
        ItemKind.Indicator => "indicator",
        ItemKind.Criterion => "criterion",
        ItemKind.ThresholdRow => "threshold-row",
        ItemKind.Requirement => "requirement",
        ItemKind.Limit => "limit",
        ItemKind.RollupRow => "rollup-row",
        _ => throw new UnreachableException(kind.ToString()),
    };

    private static string ChangeId(ChangeKind change) => change switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Edited => "edited",
        ChangeKind.Unchanged => "unchanged",
        _ => throw new UnreachableException(change.ToString()),
    };

    public static string RenderJson(RulebookDiff diff) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        WriteIdentity(w, "old", diff.Old);
        WriteIdentity(w, "new", diff.New);
        w.WriteStartObject("structure");
        w.WriteStartArray("changes");
        foreach (var item in diff.Structure.Items) WriteItem(w, item);
        w.WriteEndArray();
        if (diff.Structure.Reordered is { } reorder)
        {
            w.WriteStartObject("scaleOrder");
            WriteStrings(w, "old", reorder.Old);
            WriteStrings(w, "new", reorder.New);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("scaleOrder");
        }
        w.WriteEndObject();
        w.WriteStartArray("inspections");
        foreach (var inspection in diff.Inspections) WriteInspection(w, inspection);
        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("structuralChanges", diff.Structure.Count);
        w.WriteNumber("inspections", diff.Inspections.Count);
        w.WriteNumber("gradesChanged", diff.GradeChanges);
        w.WriteNumber("inspectionsChanged", diff.ChangedInspections);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void WriteIdentity(Utf8JsonWriter w, string name, RulebookIdentity r)
    {
        w.WriteStartObject(name);
        w.WriteString("id", r.Id);
        w.WriteString("version", r.Version);
        w.WriteString("title", r.Title);
        w.WriteString("contentHash", "sha256:" + r.ContentHash);
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, ItemChange item)
    {
        w.WriteStartObject();
        w.WriteString("kind", KindId(item.Kind));
        w.WriteString("id", item.Id);
        if (item.Row is { } row) w.WriteNumber("row", row);
        else w.WriteNull("row");
        w.WriteString("change", ChangeId(item.Change));
        WriteStrings(w, "fields", item.Fields);
        WriteLocation(w, "old", item.Old);
        WriteLocation(w, "new", item.New);
        WriteStrings(w, "diff", item.Lines.Select(l => l.ToString()));
        w.WriteEndObject();
    }

    private static void WriteInspection(Utf8JsonWriter w, InspectionRegrade inspection)
    {
        w.WriteStartObject();
        w.WriteString("id", inspection.Id);
        w.WriteString("force", inspection.Force);
        w.WriteString("file", inspection.File);
        w.WriteNumber("gradesChanged", inspection.GradeChanges);
        w.WriteStartArray("questions");
        foreach (var q in inspection.Questions)
        {
            w.WriteStartObject();
            w.WriteString("id", q.QuestionId);
            w.WriteString("old", q.OldGrade);
            w.WriteString("new", q.NewGrade);
            w.WriteBoolean("changed", q.Changed);
            WriteRow(w, "oldRule", q.OldRow);
            WriteRow(w, "newRule", q.NewRow);
            w.WriteStartArray("criteria");
            foreach (var cause in q.Criteria) WriteCause(w, cause);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var overall = inspection.Overall;
        w.WriteStartObject("overall");
        w.WriteString("old", overall.OldGrade);
        w.WriteString("new", overall.NewGrade);
        w.WriteBoolean("changed", overall.Changed);
        WriteStrings(w, "questionsChanged", overall.ChangedQuestions);
        w.WriteBoolean("ruleChanged", overall.RowChanged);
        WriteRow(w, "oldRule", overall.OldRow);
        WriteRow(w, "newRule", overall.NewRow);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteCause(Utf8JsonWriter w, CriterionCause cause)
    {
        w.WriteStartObject();
        w.WriteString("id", cause.Id);
        w.WriteString("cause", cause.Kind == CauseKind.OutcomeChanged ? "outcome-changed" : "contribution-changed");
        w.WriteString("change", ChangeId(cause.Status));
        WriteStrings(w, "fields", cause.Fields);
        WriteState(w, "old", cause.Old);
        WriteState(w, "new", cause.New);
        w.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter w, string name, CriterionState? state)
    {
        if (state is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("outcome", state.Met ? "met" : "not met");
        w.WriteString("effect", state.Effect);
        w.WriteNumber("weight", state.Weight);
        w.WriteString("file", state.Location.File);
        w.WriteNumber("line", state.Location.Line);
        w.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter w, string name, DecidingRow? row)
    {
        if (row is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("table", row.Table);
        w.WriteNumber("rule", row.Row);
        w.WriteString("grade", row.Grade);
        w.WriteString("file", row.Location.File);
        w.WriteNumber("line", row.Location.Line);
        w.WriteString("condition", row.Condition);
        w.WriteString("change", ChangeId(row.Status));
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string name, ItemLocation? at)
    {
        if (at is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("file", at.File);
        w.WriteNumber("line", at.Line);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
