using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// Compares two rulebooks item by item: by id, except threshold and roll-up rows, which are
/// compared by table and position because rows have no id and their order is their meaning.
/// </summary>
internal sealed class StructuralDiffer
{
    private readonly Rulebook _old;
    private readonly Rulebook _new;
    private readonly ItemText _oldText;
    private readonly ItemText _newText;
    private readonly List<ItemChange> _items = [];

    private StructuralDiffer(Rulebook old, Rulebook @new)
    {
        _old = old;
        _new = @new;
        _oldText = new ItemText(old);
        _newText = new ItemText(@new);
    }

    public static StructuralDiff Diff(Rulebook old, Rulebook @new) => new StructuralDiffer(old, @new).Run();

    private StructuralDiff Run()
    {
        ById(ItemKind.Grade, _old.Scale.Grades, _new.Scale.Grades, g => g.Id, g => g.Fields,
            (a, b) => Fields(("name", a.Name != b.Name), ("definition", a.Definition != b.Definition)));
        ById(ItemKind.Effect, _old.Effects, _new.Effects, e => e.Id, e => e.Fields,
            (a, b) => Fields(("plural", a.Plural != b.Plural), ("title", a.Title != b.Title), ("direction", a.Direction != b.Direction), ("symbol", a.Symbol != b.Symbol)));
        ById(ItemKind.Question, _old.Questions, _new.Questions, q => q.Id, q => q.Fields,
            (a, b) => Fields(("title", a.Title != b.Title)));
        // Areas of an added or removed question are shown within the question's lines.
        foreach (var question in _new.Questions)
        {
            if (_old.FindQuestion(question.Id) is not { } oldQuestion) continue;
            ById(ItemKind.Area, oldQuestion.Areas, question.Areas, a => $"{question.Id}/{a.Id}", a => a.Fields,
                (a, b) => Fields(("title", a.Title != b.Title)));
        }
        ById(ItemKind.JudgementScale, _old.Codebook.Scales, _new.Codebook.Scales, s => s.Id, s => s.Fields,
            (a, b) => Fields(("levels", !a.Levels.SequenceEqual(b.Levels, StringComparer.Ordinal))));
        ById(ItemKind.Kind, _old.Codebook.Kinds, _new.Codebook.Kinds, k => k.Id, k => k.Fields,
            (a, b) => Fields(("title", a.Title != b.Title), ("direction", a.Direction != b.Direction)));
        ById(ItemKind.Indicator, _old.Codebook.Indicators, _new.Codebook.Indicators, i => i.Id, i => i.Fields,
            (a, b) => Fields(
                ("question", a.QuestionId != b.QuestionId),
                ("area", a.AreaId != b.AreaId),
                ("description", a.Description != b.Description),
                ("type", a.Type != b.Type),
                ("scale", a.Scale?.Id != b.Scale?.Id),
                ("unit", a.Unit != b.Unit),
                ("kinds", !a.Kinds.SequenceEqual(b.Kinds, StringComparer.Ordinal))));
        ById(ItemKind.Criterion, _old.Criteria, _new.Criteria, c => c.Id, c => c.Fields,
            (a, b) => Fields(
                ("question", a.QuestionId != b.QuestionId),
                ("area", a.AreaId != b.AreaId),
                ("title", a.Title != b.Title),
                ("rationale", a.Rationale != b.Rationale),
                ("when", a.When.Text != b.When.Text),
                ("effect", a.EffectId != b.EffectId),
                ("weight", a.Weight != b.Weight),
                ("message", a.Message != b.Message)));
        foreach (var name in TableNames())
        {
            Rows(ItemKind.ThresholdRow, name, OldThresholds(name), NewThresholds(name));
        }
        foreach (var name in SectionNames(r => r.QuestionGrading.QuestionRequirements))
        {
            Positional(ItemKind.Requirement, name, Section(_old, name, r => r.QuestionGrading.DefaultRequirements, r => r.QuestionGrading.QuestionRequirements),
                Section(_new, name, r => r.QuestionGrading.DefaultRequirements, r => r.QuestionGrading.QuestionRequirements), r => r.Fields,
                (a, b) => Fields(("when", a.When.Text != b.When.Text), ("because", a.Because != b.Because)));
        }
        foreach (var name in SectionNames(r => r.QuestionGrading.QuestionLimits))
        {
            Positional(ItemKind.Limit, name, Section(_old, name, r => r.QuestionGrading.DefaultLimits, r => r.QuestionGrading.QuestionLimits),
                Section(_new, name, r => r.QuestionGrading.DefaultLimits, r => r.QuestionGrading.QuestionLimits), l => l.Fields, CompareLimits);
        }
        Rows(ItemKind.RollupRow, ProposedGrades.OverallKey, _old.Rollup?.Table, _new.Rollup?.Table);
        Positional(ItemKind.Limit, ProposedGrades.OverallKey, _old.Rollup?.Limits ?? [], _new.Rollup?.Limits ?? [], l => l.Fields, CompareLimits);
        return new StructuralDiff(_items.OrderBy(i => i.Kind).ToList(), ScaleReorder());
    }

    private ScaleOrder? ScaleReorder()
    {
        var oldIds = _old.Scale.Grades.Select(g => g.Id).ToList();
        var newIds = _new.Scale.Grades.Select(g => g.Id).ToList();
        var both = oldIds.Intersect(newIds, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return oldIds.Where(both.Contains).SequenceEqual(newIds.Where(both.Contains), StringComparer.Ordinal) ? null : new ScaleOrder(oldIds, newIds);
    }

    /// <summary>`default` first, then the per-question tables of either rulebook, by id.</summary>
    private IEnumerable<string> TableNames() =>
        new[] { _new.QuestionGrading.DefaultThresholds.Name }.Concat(_old.QuestionGrading.QuestionThresholds.Keys.Union(_new.QuestionGrading.QuestionThresholds.Keys).Order(StringComparer.Ordinal));

    private GradeTable? OldThresholds(string name) => name == _old.QuestionGrading.DefaultThresholds.Name ? _old.QuestionGrading.DefaultThresholds : _old.QuestionGrading.QuestionThresholds.GetValueOrDefault(name);

    private GradeTable? NewThresholds(string name) => name == _new.QuestionGrading.DefaultThresholds.Name ? _new.QuestionGrading.DefaultThresholds : _new.QuestionGrading.QuestionThresholds.GetValueOrDefault(name);

    /// <summary>`default`, then the questions with their own list in either rulebook, by id.</summary>
    private IEnumerable<string> SectionNames<T>(Func<Rulebook, IReadOnlyDictionary<string, T>> perQuestion) =>
        new[] { "default" }.Concat(perQuestion(_old).Keys.Union(perQuestion(_new).Keys).Order(StringComparer.Ordinal));

    /// <summary>
    /// What applies to a question with its own list in either rulebook: its own list, else the default. So a question
    /// given an empty list of its own (`Q3: []`: always graded) shows the default's items removed for it, not nothing.
    /// </summary>
    private static IReadOnlyList<T> Section<T>(Rulebook rulebook, string name, Func<Rulebook, IReadOnlyList<T>> defaults,
        Func<Rulebook, IReadOnlyDictionary<string, IReadOnlyList<T>>> perQuestion) =>
        name == "default" ? defaults(rulebook) : perQuestion(rulebook).GetValueOrDefault(name) ?? defaults(rulebook);

    private static IReadOnlyList<string> CompareLimits(Limit a, Limit b) =>
        Fields(("kind", a.Kind != b.Kind), ("grade", a.GradeId != b.GradeId), ("when", a.When.Text != b.When.Text), ("because", a.Because != b.Because));

    private static IReadOnlyList<string> Fields(params (string Name, bool Differs)[] fields) =>
        fields.Where(f => f.Differs).Select(f => f.Name).ToList();

    /// <summary>Edited and added items in the new rulebook's order, then removed ones in the old rulebook's order.</summary>
    private void ById<T>(ItemKind kind, IReadOnlyList<T> oldItems, IReadOnlyList<T> newItems, Func<T, string> id, Func<T, FieldSpans> spans,
        Func<T, T, IReadOnlyList<string>> compare)
    {
        var oldById = oldItems.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newIds = newItems.Select(id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in newItems)
        {
            if (!oldById.TryGetValue(id(item), out var before))
            {
                _items.Add(Added(kind, id(item), null, _newText.Of(spans(item)), Location(_new, spans(item).Whole)));
                continue;
            }
            var fields = compare(before, item);
            if (fields.Count > 0)
            {
                _items.Add(new ItemChange(kind, id(item), null, ChangeKind.Edited, fields, Location(_old, spans(before).Whole), Location(_new, spans(item).Whole),
                    LineDiff.Compute(_oldText.Of(spans(before)), _newText.Of(spans(item)))));
            }
        }
        foreach (var item in oldItems.Where(i => !newIds.Contains(id(i))))
        {
            _items.Add(Removed(kind, id(item), null, _oldText.Of(spans(item)), Location(_old, spans(item).Whole)));
        }
    }

    /// <summary>Rows by position: a row is edited when its grade, condition or reason differ.</summary>
    private void Rows(ItemKind kind, string table, GradeTable? oldTable, GradeTable? newTable) =>
        Positional(kind, table, oldTable?.Rules ?? [], newTable?.Rules ?? [], r => r.Fields,
            (a, b) => Fields(("grade", a.GradeId != b.GradeId), ("when", a.ConditionText != b.ConditionText), ("because", a.Because != b.Because)));

    /// <summary>Items without ids (rows, requirements, limits) by position: their order is their meaning.</summary>
    private void Positional<T>(ItemKind kind, string table, IReadOnlyList<T> oldItems, IReadOnlyList<T> newItems, Func<T, FieldSpans> spans,
        Func<T, T, IReadOnlyList<string>> compare)
    {
        for (var i = 0; i < Math.Max(oldItems.Count, newItems.Count); i++)
        {
            if (i >= oldItems.Count)
            {
                _items.Add(Added(kind, table, i + 1, _newText.Of(spans(newItems[i])), Location(_new, spans(newItems[i]).Whole)));
            }
            else if (i >= newItems.Count)
            {
                _items.Add(Removed(kind, table, i + 1, _oldText.Of(spans(oldItems[i])), Location(_old, spans(oldItems[i]).Whole)));
            }
            else
            {
                var (a, b) = (oldItems[i], newItems[i]);
                var fields = compare(a, b);
                if (fields.Count == 0) continue;
                _items.Add(new ItemChange(kind, table, i + 1, ChangeKind.Edited, fields, Location(_old, spans(a).Whole), Location(_new, spans(b).Whole),
                    LineDiff.Compute(_oldText.Of(spans(a)), _newText.Of(spans(b)))));
            }
        }
    }

    private static ItemChange Added(ItemKind kind, string id, int? row, IReadOnlyList<string> lines, ItemLocation at) =>
        new(kind, id, row, ChangeKind.Added, [], null, at, lines.Select(l => new DiffLine(DiffOp.Added, l)).ToList());

    private static ItemChange Removed(ItemKind kind, string id, int? row, IReadOnlyList<string> lines, ItemLocation at) =>
        new(kind, id, row, ChangeKind.Removed, [], at, null, lines.Select(l => new DiffLine(DiffOp.Removed, l)).ToList());

    /// <summary>Relative to the rulebook folder, so the report reads the same wherever the two copies live; an embedded rulebook's by its id, as every output names it.</summary>
    public static ItemLocation Location(Rulebook rulebook, SourceSpan span) =>
        new(Render.RenderPaths.RuleFile(rulebook, span), span.Line);
}
