using System.Text.Json;
using GradingEngine.Render;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>`grading rules diff --format json`: the text report's content, keys in a fixed order.</summary>
public static partial class RulebookDiffRenderer
{
    public static string RenderJson(RulebookDiff diff, bool summaryOnly = false) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        WriteIdentity(w, "old", diff.Old);
        WriteIdentity(w, "new", diff.New);
        WriteSummary(w, diff.Summary);
        if (!summaryOnly)
        {
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
        }
        w.WriteStartArray("inspections");
        foreach (var inspection in diff.Inspections) WriteInspection(w, inspection);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteSummary(Utf8JsonWriter w, DiffSummary summary)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("structuralChanges", summary.StructuralChanges);
        w.WriteStartObject("changes");
        foreach (var kind in summary.Kinds)
        {
            w.WriteStartObject(KindId(kind.Kind));
            w.WriteNumber("changed", kind.Changed);
            w.WriteNumber("added", kind.Added);
            w.WriteNumber("removed", kind.Removed);
            w.WriteNumber("edited", kind.Edited);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteBoolean("scaleReordered", summary.ScaleReordered);
        w.WriteNumber("inspections", summary.Inspections);
        w.WriteNumber("gradesChanged", summary.GradesChanged);
        w.WriteNumber("inspectionsChanged", summary.InspectionsChanged);
        w.WriteStartArray("questionsChanged");
        foreach (var question in summary.Questions)
        {
            w.WriteStartObject();
            w.WriteString("question", question.Subject);
            WriteRegrades(w, question);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("overallChanged");
        WriteRegrades(w, summary.Overall);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRegrades(Utf8JsonWriter w, SubjectRegrades regrades)
    {
        w.WriteNumber("inspections", regrades.Inspections);
        w.WriteStartArray("transitions");
        foreach (var t in regrades.Transitions)
        {
            w.WriteStartObject();
            w.WriteString("old", t.Old);
            w.WriteString("new", t.New);
            w.WriteNumber("inspections", t.Inspections);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

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
            WriteLimit(w, "oldLimit", q.OldLimit);
            WriteLimit(w, "newLimit", q.NewLimit);
            WriteUnmet(w, "oldUnmet", q.OldUnmet);
            WriteUnmet(w, "newUnmet", q.NewUnmet);
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
        WriteLimit(w, "oldLimit", overall.OldLimit);
        WriteLimit(w, "newLimit", overall.NewLimit);
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

    private static void WriteLimit(Utf8JsonWriter w, string name, DecidingLimit? limit)
    {
        if (limit is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("table", limit.Table);
        w.WriteNumber("position", limit.Row);
        w.WriteString("limit", limit.Kind);
        w.WriteString("grade", limit.Grade);
        w.WriteString("file", limit.Location.File);
        w.WriteNumber("line", limit.Location.Line);
        w.WriteString("condition", limit.Condition);
        w.WriteString("change", ChangeId(limit.Status));
        w.WriteEndObject();
    }

    private static void WriteUnmet(Utf8JsonWriter w, string name, IReadOnlyList<UnmetEvidence> unmet)
    {
        w.WriteStartArray(name);
        foreach (var requirement in unmet)
        {
            w.WriteStartObject();
            w.WriteString("table", requirement.Table);
            w.WriteNumber("position", requirement.Row);
            w.WriteString("file", requirement.Location.File);
            w.WriteNumber("line", requirement.Location.Line);
            w.WriteString("condition", requirement.Condition);
            w.WriteString("change", ChangeId(requirement.Status));
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
