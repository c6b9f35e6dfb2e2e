namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// One added, removed or edited item, compared by id (threshold and roll-up rows: by table and
/// position). <see cref="Fields"/> names the fields that differ for an edit; <see cref="Lines"/> is
/// the item's YAML text, old against new.
/// </summary>
public sealed record ItemChange(
    ItemKind Kind,
    string Id,
    int? Row,
    ChangeKind Change,
    IReadOnlyList<string> Fields,
    ItemLocation? Old,
    ItemLocation? New,
    IReadOnlyList<DiffLine> Lines)
{
    /// <summary>How the item is named in reports: its id, or `list rule N` for a row (`limit N`, `requirement N`).</summary>
    public string Name => Row is not { } row ? Id : Kind switch
    {
        ItemKind.Limit => $"{Id} limit {row}",
        ItemKind.Requirement => $"{Id} requirement {row}",
        _ => $"{Id} rule {row}",
    };
}
