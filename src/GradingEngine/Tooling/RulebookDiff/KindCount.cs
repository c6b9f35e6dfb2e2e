namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>How many items of one kind the structural diff lists, by how they changed.</summary>
public sealed record KindCount(ItemKind Kind, int Added, int Removed, int Edited)
{
    public int Changed => Added + Removed + Edited;
}
