using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// A profile condition over a box of profiles (a range per variable of a <see cref="ProfileDomain"/>): whether it holds
/// at every point, at none, or the box must be split. Numbers are bounded by interval arithmetic over the same operations
/// <see cref="RuleOps"/> performs; where an operation could be undefined (a division by a range holding 0, an overflow)
/// the answer is left open, and a single point is always decided exactly by the closures the rules are held to.
/// </summary>
internal sealed class BoxEvaluator(ProfileDomain domain)
{
    /// <summary>A condition's value over a box.</summary>
    public enum Truth
    {
        False,
        True,
        Open,
    }

    /// <summary>A number's range over a box; <paramref name="MaybeUndefined"/> when some point of it may have no value.</summary>
    private readonly record struct Range(decimal Lo, decimal Hi, bool MaybeUndefined)
    {
        public static Range Unknown { get; } = new(decimal.MinValue, decimal.MaxValue, true);

        public bool IsPoint => Lo == Hi && !MaybeUndefined;
    }

    private readonly Dictionary<(ProfileMeasure, int), int> _slots = domain.Variables
        .Select((v, i) => (Key: (v.Measure, v.Index), i))
        .ToDictionary(p => p.Key, p => p.i);

    /// <summary>
    /// A move of every profile of a box: variable v's range moves by [<paramref name="Lo"/>[v], <paramref name="Hi"/>[v]].
    /// A step whose weight is a dimension of the search moves <paramref name="WeightVariable"/> by that dimension's range.
    /// </summary>
    public sealed record Shift(int[] Lo, int[] Hi, int WeightVariable, int Dimension);

    /// <summary>The condition's value over the box from <paramref name="lo"/> to <paramref name="hi"/>, moved by <paramref name="shift"/>.</summary>
    public Truth Evaluate(BoundExpr condition, int[] lo, int[] hi, Shift? shift = null) => Bool(condition, lo, hi, shift);

    /// <summary>The variables of the comparisons the box leaves open: splitting one of them can decide the condition.</summary>
    public void OpenVariables(BoundExpr condition, int[] lo, int[] hi, Shift? shift, ISet<int> into)
    {
        switch (condition)
        {
            case BoundNot n:
                OpenVariables(n.Operand, lo, hi, shift, into);
                break;
            case BoundBinary { Op: BinaryOp.And or BinaryOp.Or } b:
                OpenVariables(b.Left, lo, hi, shift, into);
                OpenVariables(b.Right, lo, hi, shift, into);
                break;
            case BoundBinary { Left.Type.Kind: TypeKind.Bool } b:
                OpenVariables(b.Left, lo, hi, shift, into);
                OpenVariables(b.Right, lo, hi, shift, into);
                break;
            default:
                if (Bool(condition, lo, hi, shift) != Truth.Open) return;
                foreach (var v in BoundPrinter.Variables(condition))
                {
                    var slot = _slots[(v.Measure, v.Index)];
                    if (lo[slot] < hi[slot]) into.Add(slot);
                    if (shift is not null && slot == shift.WeightVariable && shift.Lo[slot] < shift.Hi[slot]) into.Add(shift.Dimension);
                }
                break;
        }
    }

    private Truth Bool(BoundExpr e, int[] lo, int[] hi, Shift? shift)
    {
        switch (e)
        {
            case BoundConstant c:
                return (bool)c.Value ? Truth.True : Truth.False;
            case BoundNot n:
                return Bool(n.Operand, lo, hi, shift) switch
                {
                    Truth.True => Truth.False,
                    Truth.False => Truth.True,
                    _ => Truth.Open,
                };
            case BoundBinary { Op: BinaryOp.And } b:
                var (al, ar) = (Bool(b.Left, lo, hi, shift), Bool(b.Right, lo, hi, shift));
                return al == Truth.False || ar == Truth.False ? Truth.False : al == Truth.True && ar == Truth.True ? Truth.True : Truth.Open;
            case BoundBinary { Op: BinaryOp.Or } b:
                var (ol, or) = (Bool(b.Left, lo, hi, shift), Bool(b.Right, lo, hi, shift));
                return ol == Truth.True || or == Truth.True ? Truth.True : ol == Truth.False && or == Truth.False ? Truth.False : Truth.Open;
            case BoundBinary { Left.Type.Kind: TypeKind.Bool } b:
                var (l, r) = (Bool(b.Left, lo, hi, shift), Bool(b.Right, lo, hi, shift));
                if (l == Truth.Open || r == Truth.Open) return Truth.Open;
                return (l == r) == (b.Op == BinaryOp.Equal) ? Truth.True : Truth.False;
            case BoundBinary { Left.Type.Kind: TypeKind.Number } b:
                return Compare(b.Op, Number(b.Left, lo, hi, shift), Number(b.Right, lo, hi, shift));
            case BoundBinary { Left: BoundConstant, Right: BoundConstant }:
                // Judgements and texts are constants in a profile condition: the closures decide them.
                return ProfileCondition.Compile(e)(OutcomeProfile.Of("", [], [])) ? Truth.True : Truth.False;
            case BoundIn { Value.Type.Kind: TypeKind.Number } i:
                return In(Number(i.Value, lo, hi, shift), i.Items.Select(x => (decimal)x.Value).ToArray());
            case BoundIn:
                return ProfileCondition.Compile(e)(OutcomeProfile.Of("", [], [])) ? Truth.True : Truth.False;
            default:
                throw new InvalidOperationException($"unexpected node in a profile condition: {e.GetType().Name}");
        }
    }

    private static Truth Compare(BinaryOp op, Range a, Range b)
    {
        // An undefined value makes every comparison false (RuleOps): a range that may be undefined decides only "false".
        var maybeUndefined = a.MaybeUndefined || b.MaybeUndefined;
        var (holds, fails) = op switch
        {
            BinaryOp.Less => (a.Hi < b.Lo, a.Lo >= b.Hi),
            BinaryOp.LessOrEqual => (a.Hi <= b.Lo, a.Lo > b.Hi),
            BinaryOp.Greater => (a.Lo > b.Hi, a.Hi <= b.Lo),
            BinaryOp.GreaterOrEqual => (a.Lo >= b.Hi, a.Hi < b.Lo),
            BinaryOp.Equal => (a.Lo == a.Hi && b.Lo == b.Hi && a.Lo == b.Lo, a.Hi < b.Lo || b.Hi < a.Lo),
            BinaryOp.NotEqual => (a.Hi < b.Lo || b.Hi < a.Lo, a.Lo == a.Hi && b.Lo == b.Hi && a.Lo == b.Lo),
            _ => throw new System.Diagnostics.UnreachableException(op.ToString()),
        };
        if (fails) return Truth.False;
        return holds && !maybeUndefined ? Truth.True : Truth.Open;
    }

    private static Truth In(Range value, decimal[] items)
    {
        if (items.All(x => x < value.Lo || x > value.Hi)) return Truth.False;
        return value.IsPoint ? Truth.True : Truth.Open;
    }

    private Range Number(BoundExpr e, int[] lo, int[] hi, Shift? shift)
    {
        try
        {
            switch (e)
            {
                case BoundConstant c:
                    var value = (decimal)c.Value;
                    return new Range(value, value, false);
                case BoundProfileVariable v:
                    var slot = _slots[(v.Measure, v.Index)];
                    var (from, to) = shift is null ? (lo[slot], hi[slot]) : (lo[slot] + shift.Lo[slot], hi[slot] + shift.Hi[slot]);
                    // A named value's positions stand for the values in its points, in increasing order.
                    return domain.Variables[slot].Points is { } points ? new Range(points[from], points[to], false) : new Range(from, to, false);
                case BoundRound r:
                    // Rounding is monotone: the rounded ends bound the rounded range.
                    var inner = Number(r.Operand, lo, hi, shift);
                    return inner.Lo == decimal.MinValue || inner.Hi == decimal.MaxValue
                        ? Range.Unknown
                        : new Range(RuleOps.Round(inner.Lo)!.Value, RuleOps.Round(inner.Hi)!.Value, inner.MaybeUndefined);
                case BoundNegate n:
                    var operand = Number(n.Operand, lo, hi, shift);
                    return new Range(-operand.Hi, -operand.Lo, operand.MaybeUndefined);
                case BoundBinary b:
                    return Arithmetic(b.Op, Number(b.Left, lo, hi, shift), Number(b.Right, lo, hi, shift));
                default:
                    throw new InvalidOperationException($"unexpected node in a profile condition: {e.GetType().Name}");
            }
        }
        catch (OverflowException)
        {
            return Range.Unknown;
        }
    }

    private static Range Arithmetic(BinaryOp op, Range a, Range b)
    {
        var undefined = a.MaybeUndefined || b.MaybeUndefined;
        switch (op)
        {
            case BinaryOp.Add:
                return new Range(a.Lo + b.Lo, a.Hi + b.Hi, undefined);
            case BinaryOp.Subtract:
                return new Range(a.Lo - b.Hi, a.Hi - b.Lo, undefined);
            case BinaryOp.Multiply:
                return Hull([a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi], undefined);
            case BinaryOp.Divide:
                // Division by zero is undefined (RuleOps): a divisor that may be 0 leaves every comparison open.
                if (b.Lo <= 0 && b.Hi >= 0) return Range.Unknown;
                return Hull([a.Lo / b.Lo, a.Lo / b.Hi, a.Hi / b.Lo, a.Hi / b.Hi], undefined);
            default:
                throw new System.Diagnostics.UnreachableException(op.ToString());
        }
    }

    private static Range Hull(decimal[] values, bool undefined) => new(values.Min(), values.Max(), undefined);
}
