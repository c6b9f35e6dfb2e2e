using System.Diagnostics;
using GradingEngine.Render;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// `grading rules diff` output: a summary of what changed (counts per kind of item, grades changed per question),
/// the structural diff grouped by kind with each edit marked within its line, then each inspection's grades
/// old → new with the causes of each change, then a one-line total. The summary-only form leaves out the
/// structural diff. JSON has the same content.
/// </summary>
public static partial class RulebookDiffRenderer
{
    /// <summary>Kinds the summary always counts, zero included: the parts of the grading model that decide grades.</summary>
    private static readonly ItemKind[] AlwaysCounted = [ItemKind.Criterion, ItemKind.ThresholdRow, ItemKind.Requirement, ItemKind.Limit, ItemKind.RollupRow];

    public static string RenderText(RulebookDiff diff, bool summaryOnly = false)
    {
        var o = new TextOutput();
        o.Line($"Rulebook diff: {Identity(diff.Old)} → {Identity(diff.New)}");
        o.Line();
        Summary(o, diff.Summary);
        if (!summaryOnly) Structure(o, diff.Structure);
        o.Line($"Regrading: {Plural(diff.Inspections.Count, "inspection")}");
        o.Line();
        var listedUnchanged = false;
        foreach (var inspection in diff.Inspections)
        {
            if (inspection.GradeChanges == 0)
            {
                // An inspection no grade of which moved is one line: a corpus of hundreds stays readable.
                o.Line($"{inspection.Force} - inspection {inspection.Id} ({inspection.File}): no grade changed");
                listedUnchanged = true;
                continue;
            }
            if (listedUnchanged) o.Line();
            listedUnchanged = false;
            Inspection(o, inspection);
        }
        if (listedUnchanged) o.Line();
        o.Line($"{Plural(diff.GradeChanges, "grade")} changed in {Plural(diff.ChangedInspections, "inspection")}");
        return o.ToString();
    }

    private static string Identity(RulebookIdentity r) => $"{r.Id} {r.Version} (sha256:{r.ContentHash[..Math.Min(12, r.ContentHash.Length)]})";

    private static string Plural(int count, string noun) => FormattableString.Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static void Summary(TextOutput o, DiffSummary summary)
    {
        var kinds = summary.Kinds.Where(k => k.Changed > 0 || AlwaysCounted.Contains(k.Kind)).ToList();
        var rows = kinds.Select(k => (Label: SummaryLabel(k.Kind), Count: k.Changed,
                Text: k.Changed == 0 ? "changed" : FormattableString.Invariant($"changed ({k.Added} added, {k.Removed} removed, {k.Edited} edited)")))
            .ToList();
        if (summary.ScaleReordered) rows.Insert(0, ("grade scale", 1, "reordered"));
        if (summary.Inspections > 0)
        {
            rows.Add(("grades", summary.GradesChanged, $"changed in {summary.InspectionsChanged} of {Plural(summary.Inspections, "inspection")}"));
        }
        var labelWidth = rows.Max(r => r.Label.Length);
        var countWidth = rows.Max(r => Count(r.Count).Length);
        o.Line($"Summary: {Plural(summary.StructuralChanges, "structural change")}, {Plural(summary.GradesChanged, "grade")} changed");
        foreach (var (label, count, text) in rows)
        {
            o.Line($"  {label.PadRight(labelWidth)}  {Count(count).PadLeft(countWidth)} {text}");
        }
        var subjects = summary.Questions.Select(q => (Regrades: q, Overall: false)).Append((Regrades: summary.Overall, Overall: true)).Where(s => s.Regrades.Inspections > 0).ToList();
        var subjectWidth = subjects.Select(s => s.Regrades.Subject.Length).DefaultIfEmpty(0).Max();
        foreach (var (subject, overall) in subjects)
        {
            foreach (var t in subject.Transitions)
            {
                o.Line($"    {subject.Subject.PadRight(subjectWidth)}  {Absent(t.Old, overall)} → {Absent(t.New, overall)} in {Plural(t.Inspections, "inspection")}");
            }
        }
        o.Line();
    }

    /// <summary>A grade id, or what its absence means: the rulebook has no such question, or no overall grade.</summary>
    private static string Absent(string? grade, bool overall) => grade ?? (overall ? "(no overall)" : "(no question)");

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string SummaryLabel(ItemKind kind) => kind == ItemKind.Grade ? "scale grades" : GroupTitle(kind).ToLowerInvariant();

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
                o.Line($"    {item.Name}  {ChangeId(item.Change)}{fields}  {Where(item)}");
                foreach (var line in ShownLines.Of(item))
                {
                    o.Line(Marked(line));
                }
            }
            o.Line();
        }
    }

    /// <summary>Where the item is: one place, or old → new when an edit moved it.</summary>
    private static string Where(ItemChange item) => (item.Old, item.New) switch
    {
        ({ } old, { } @new) when old == @new => @new.ToString(),
        ({ } old, { } @new) => $"{old} → {@new}",
        (null, { } @new) => @new.ToString(),
        ({ } old, null) => old.ToString(),
        _ => throw new UnreachableException(item.Name),
    };

    /// <summary>
    /// A shown line, each changed run marked as `git diff --word-diff=plain` does: `[-old-]{+new+}`. The marks are
    /// plain text, so they read the same in a terminal, a pipe or a file; the line's own text is escaped for the terminal.
    /// </summary>
    private static FormattableString Marked(ShownLine line)
    {
        var format = new System.Text.StringBuilder("      ").Append(line.Mark);
        for (var i = 0; i < line.Spans.Count; i++)
        {
            format.Append(line.Spans[i].Op switch
            {
                DiffOp.Same => $"{{{i}}}",
                DiffOp.Removed => $"[-{{{i}}}-]",
                DiffOp.Added => $"{{{{+{{{i}}}+}}}}",
                _ => throw new UnreachableException(line.Spans[i].Op.ToString()),
            });
        }
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(format.ToString(), line.Spans.Select(s => (object?)s.Text).ToArray());
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
            Side(o, "was", q.OldRow, q.OldLimit, q.OldUnmet);
            Side(o, "now", q.NewRow, q.NewLimit, q.NewUnmet);
            if (q.Criteria.Count == 0) o.Line($"      no criterion changed outcome, effect or weight");
            foreach (var cause in q.Criteria)
            {
                Cause(o, cause);
            }
        }
        var overall = inspection.Overall;
        if (overall is { OldGrade: null, NewGrade: null })
        {
            // Neither rulebook has an overall grade: nothing to show.
        }
        else if (!overall.Changed)
        {
            o.Line($"  overall  {overall.NewGrade} (unchanged)");
        }
        else
        {
            o.Line($"  overall  {overall.OldGrade} → {overall.NewGrade}");
            o.Line($"      question grades changed: {(overall.ChangedQuestions.Count == 0 ? "none" : string.Join(", ", overall.ChangedQuestions))}");
            o.Line($"      roll-up row {(overall.RowChanged ? "changed" : "unchanged")}");
            Side(o, "was", overall.OldRow, overall.OldLimit, []);
            Side(o, "now", overall.NewRow, overall.NewLimit, []);
        }
        o.Line();
    }

    /// <summary>One side of a regrade: the row that decided, the limit that moved its grade, the evidence requirements not met.</summary>
    private static void Side(TextOutput o, string side, DecidingRow? row, DecidingLimit? limit, IReadOnlyList<UnmetEvidence> unmet)
    {
        if (row is not null) Row(o, $"{side} decided by", row);
        if (limit is not null)
        {
            o.Line($"      {side} limited by {limit.Location} ({limit.Table} limit {limit.Row}, {limit.Kind} {limit.Grade}){Status(limit.Status)}");
            o.Wrapped("        when ", limit.Condition);
        }
        foreach (var requirement in unmet)
        {
            o.Line($"      {side} not graded: {requirement.Location} ({requirement.Table} requirement {requirement.Row}) not met{Status(requirement.Status)}");
            o.Wrapped("        when ", requirement.Condition);
        }
    }

    private static string Status(ChangeKind status) => status == ChangeKind.Unchanged ? "" : $" [{ChangeId(status)}]";

    private static void Row(TextOutput o, string label, DecidingRow row)
    {
        o.Line($"      {label} {row.Location} ({row.Table} rule {row.Row}, {row.Grade}){Status(row.Status)}");
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
}
