namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>A line of a line diff: in both versions, only in the old one, or only in the new one.</summary>
public enum DiffOp
{
    Same,
    Removed,
    Added,
}
