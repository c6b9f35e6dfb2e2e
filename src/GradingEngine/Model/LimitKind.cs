namespace GradingEngine.Model;

public enum LimitKind
{
    /// <summary>A cap: the grade is at best this one.</summary>
    NoBetterThan,

    /// <summary>A floor: the grade is at worst this one.</summary>
    NoWorseThan,
}
