using System.Diagnostics;
namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>One line of a unified-style diff of an item's YAML text.</summary>
public sealed record DiffLine(DiffOp Op, string Text)
{
    /// <summary>The line as a unified diff shows it: ` `, `-` or `+`, then the text.</summary>
    public override string ToString() => Op switch
    {
        DiffOp.Removed => "-",
        DiffOp.Added => "+",
        DiffOp.Same => " ",
        _ => throw new UnreachableException(Op.ToString()),
    } + Text;
}
