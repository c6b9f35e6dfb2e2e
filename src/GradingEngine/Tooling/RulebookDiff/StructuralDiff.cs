namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>What changed in the rulebook's text, grouped by <see cref="ItemKind"/>, each group in rulebook order.</summary>
public sealed record StructuralDiff(IReadOnlyList<ItemChange> Items, ScaleOrder? Reordered)
{
    public int Count => Items.Count + (Reordered is null ? 0 : 1);

    public ItemChange? Find(ItemKind kind, string id, int? row = null) =>
        Items.FirstOrDefault(i => i.Kind == kind && i.Id == id && i.Row == row);

    /// <summary>The item's change, <see cref="ChangeKind.Unchanged"/> when the diff does not list it.</summary>
    public ChangeKind StatusOf(ItemKind kind, string id, int? row = null) => Find(kind, id, row)?.Change ?? ChangeKind.Unchanged;
}
