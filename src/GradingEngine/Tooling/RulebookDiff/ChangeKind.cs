namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>How an item of the rulebook differs between the old and the new version.</summary>
public enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Edited,
}
