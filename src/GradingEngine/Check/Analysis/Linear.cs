using GradingEngine.Check.Binding;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Analysis;

/// <summary>A number of a profile condition written as a constant plus a multiple of each profile variable, when it is one.</summary>
internal sealed record Linear(decimal Constant, IReadOnlyDictionary<(ProfileMeasure Measure, int Index), decimal> Coefficients)
{
    public decimal Coefficient(ProfileMeasure measure, int index) => Coefficients.GetValueOrDefault((measure, index));

    public Linear Minus(Linear other) => Plus(other.Times(-1));

    private Linear Plus(Linear other)
    {
        var sum = new Dictionary<(ProfileMeasure, int), decimal>(Coefficients);
        foreach (var (key, c) in other.Coefficients) sum[key] = sum.GetValueOrDefault(key) + c;
        return new Linear(Constant + other.Constant, sum);
    }

    private Linear Times(decimal factor) =>
        new(Constant * factor, Coefficients.ToDictionary(p => p.Key, p => p.Value * factor));

    /// <summary>The linear form of a number, or null when it multiplies or divides variables by variables (or overflows).</summary>
    public static Linear? Of(BoundExpr e)
    {
        try
        {
            return Form(e);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Linear? Form(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant { Value: decimal c }:
                return new Linear(c, new Dictionary<(ProfileMeasure, int), decimal>());
            case BoundProfileVariable v:
                return new Linear(0, new Dictionary<(ProfileMeasure, int), decimal> { [(v.Measure, v.Index)] = 1 });
            case BoundNegate n:
                return Form(n.Operand)?.Times(-1);
            case BoundBinary { Op: BinaryOp.Add } b when Form(b.Left) is { } l && Form(b.Right) is { } r:
                return l.Plus(r);
            case BoundBinary { Op: BinaryOp.Subtract } b when Form(b.Left) is { } l && Form(b.Right) is { } r:
                return l.Minus(r);
            case BoundBinary { Op: BinaryOp.Multiply } b when Form(b.Left) is { } l && Form(b.Right) is { } r:
                return l.Coefficients.Count == 0 ? r.Times(l.Constant) : r.Coefficients.Count == 0 ? l.Times(r.Constant) : null;
            case BoundBinary { Op: BinaryOp.Divide } b when Form(b.Left) is { } l && Form(b.Right) is { Coefficients.Count: 0, Constant: not 0m } r:
                return l.Times(1 / r.Constant);
            default:
                return null;
        }
    }
}
