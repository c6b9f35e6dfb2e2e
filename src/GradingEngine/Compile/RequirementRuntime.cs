using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>An evidence requirement as delegates over its question's findings: whether it holds, and what its numbers are.</summary>
internal sealed class RequirementRuntime(CheckedRequirement requirement, ExpressionMode mode)
{
    private readonly Func<IReadOnlyList<FindingFact>, bool> _holds = ConditionCompiler.ForFindings(requirement.Condition, mode);

    // The numbers the condition compares (an aggregate such as `count(f => true)`), compiled on first use: only an unmet
    // requirement is explained.
    private readonly Lazy<(BoundExpr Number, Func<IReadOnlyList<FindingFact>, decimal?> Value)[]> _numbers = new(() =>
        [.. Compared(requirement.Condition).Select(n => (n, ConditionCompiler.ForFindingsNumber(n, mode)))]);

    public CheckedRequirement Requirement { get; } = requirement;

    public bool Holds(IReadOnlyList<FindingFact> findings) => _holds(findings);

    /// <summary>What the condition saw: "`count(f => true)` is 0", for each number it compares that is not a constant.</summary>
    public IReadOnlyList<string> Seen(IReadOnlyList<FindingFact> findings) =>
        [.. _numbers.Value.Select(n => $"`{BoundPrinter.Print(n.Number)}` is {Show(n.Value(findings))}").Distinct()];

    private static string Show(decimal? value) =>
        value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "undefined";

    private static IEnumerable<BoundExpr> Compared(BoundExpr e) => e switch
    {
        BoundBinary { Op: Syntax.BinaryOp.And or Syntax.BinaryOp.Or } b => Compared(b.Left).Concat(Compared(b.Right)),
        BoundNot n => Compared(n.Operand),
        BoundBinary { Left.Type.Kind: TypeKind.Number } b => new[] { b.Left, b.Right }.Where(x => x is not BoundConstant),
        BoundIn { Value.Type.Kind: TypeKind.Number } i => i.Value is BoundConstant ? [] : [i.Value],
        _ => [],
    };
}
