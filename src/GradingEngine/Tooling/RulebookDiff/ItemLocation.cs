namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>Where an item starts: its file relative to the rulebook folder (with `/`) and its line.</summary>
public sealed record ItemLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
