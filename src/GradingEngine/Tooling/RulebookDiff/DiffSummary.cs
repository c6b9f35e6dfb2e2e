namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// What a rulebook diff amounts to, in counts: the items changed per kind (every kind, in report order, zero
/// included), whether the grade scale was reordered, and the grades that changed per question and overall (each
/// question that changed in some inspection, in rulebook order, with its transitions, the most frequent first).
/// </summary>
public sealed record DiffSummary(
    IReadOnlyList<KindCount> Kinds,
    bool ScaleReordered,
    int Inspections,
    int InspectionsChanged,
    int GradesChanged,
    IReadOnlyList<SubjectRegrades> Questions,
    SubjectRegrades Overall)
{
    public int StructuralChanges => Kinds.Sum(k => k.Changed) + (ScaleReordered ? 1 : 0);

    public KindCount For(ItemKind kind) => Kinds.First(k => k.Kind == kind);

    internal static DiffSummary From(RulebookDiff diff)
    {
        var kinds = Enum.GetValues<ItemKind>().Select(kind =>
        {
            var items = diff.Structure.Items.Where(i => i.Kind == kind).ToList();
            return new KindCount(kind, items.Count(i => i.Change == ChangeKind.Added), items.Count(i => i.Change == ChangeKind.Removed),
                items.Count(i => i.Change == ChangeKind.Edited));
        }).ToList();
        // Every inspection lists the same questions in the same (rulebook) order: both rulebooks decide the list.
        var questionIds = diff.Inspections.SelectMany(i => i.Questions.Select(q => q.QuestionId)).Distinct(StringComparer.Ordinal);
        var questions = questionIds
            .Select(id => Regrades(id, diff.Inspections.SelectMany(i => i.Questions.Where(q => q.QuestionId == id && q.Changed).Select(q => (q.OldGrade, q.NewGrade)))))
            .Where(s => s.Inspections > 0)
            .ToList();
        var overall = Regrades("overall", diff.Inspections.Where(i => i.Overall.Changed).Select(i => (i.Overall.OldGrade, i.Overall.NewGrade)));
        return new DiffSummary(kinds, diff.Structure.Reordered is not null, diff.Inspections.Count, diff.ChangedInspections, diff.GradeChanges, questions, overall);
    }

    private static SubjectRegrades Regrades(string subject, IEnumerable<(string? Old, string? New)> changes) =>
        new(subject, changes
            .GroupBy(c => c)
            .Select(g => new GradeTransition(g.Key.Old, g.Key.New, g.Count()))
            .OrderByDescending(t => t.Inspections)
            .ThenBy(t => t.Old, StringComparer.Ordinal)
            .ThenBy(t => t.New, StringComparer.Ordinal)
            .ToList());
}
