using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// What a named value can be, worked out from its definition by interval arithmetic: its bounds (null where it is
/// unbounded), whether it is always a whole number, and whether it can be undefined. A count is a whole number from 0;
/// a score's mean lies in its scale's range; a percentage of the maximum lies between the lowest score's share and 100;
/// `round` makes a whole number. The threshold analysis ranges a value over exactly this. Where the value can only be one
/// of a few numbers (a constant, a banded value's bands), <see cref="Only"/> lists them in increasing order.
/// </summary>
internal readonly record struct ValueRange(decimal? Lo, decimal? Hi, bool Whole, bool MaybeUndefined, decimal[]? Only = null)
{
    /// <summary>The most numbers <see cref="Only"/> keeps through arithmetic; beyond, only the bounds are kept.</summary>
    private const int MaxOnly = 256;

    private static ValueRange Anything(bool undefined) => new(null, null, false, undefined);

    public bool Bounded => Lo is not null && Hi is not null;

    /// <summary>The lowest number the value can be (for a whole number, the first whole one at or above <see cref="Lo"/>); null when unbounded below.</summary>
    public decimal? Lowest => Only is { Length: > 0 } only ? only[0] : Whole && Lo is { } lo ? decimal.Ceiling(lo) : Lo;

    public static ValueRange Of(BoundExpr e)
    {
        try
        {
            return Derive(e);
        }
        catch (OverflowException)
        {
            return Anything(true);
        }
    }

    private static ValueRange Derive(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant { Value: decimal c }:
                return new(c, c, c == decimal.Truncate(c), false, [c]);
            case BoundNamedValue v:
                return Derive(v.Definition);
            case BoundRound r:
                var x = Derive(r.Operand);
                return new(Round(x.Lo), Round(x.Hi), true, x.MaybeUndefined, Map(x.Only, v => Round(v)!.Value));
            case BoundNegate n:
                var o = Derive(n.Operand);
                return new(-o.Hi, -o.Lo, o.Whole, o.MaybeUndefined, Map(o.Only, v => -v));
            case BoundBands bands:
                return Bands(bands, Derive(bands.Input));
            case BoundBinary b:
                var (left, right) = (Derive(b.Left), Derive(b.Right));
                return Arithmetic(b.Op, left, right) with { Only = Combine(b.Op, left.Only, right.Only) };
            case BoundField { Field: ItemField.Score } f:
                var scales = f.Variable.Candidates.Select(i => i.Scale!.Scores!).ToList();
                return new(scales.Min(s => s.Min), scales.Max(s => s.Max), true, false);
            case BoundAggregate a:
                return Aggregate(a);
            default:
                // A finding's number, or anything the condition language adds later: nothing is known of it.
                return Anything(false);
        }
    }

    private static decimal? Round(decimal? value) => RuleOps.Round(value);

    private static decimal[]? Map(decimal[]? only, Func<decimal, decimal> f) => only is null ? null : [.. only.Select(f).Distinct().Order()];

    /// <summary>Every sum, difference or product of one number of each side; null when either side is not a few numbers.</summary>
    private static decimal[]? Combine(BinaryOp op, decimal[]? a, decimal[]? b)
    {
        if (a is null || b is null || a.Length * b.Length > MaxOnly) return null;
        Func<decimal, decimal, decimal>? f = op switch
        {
            BinaryOp.Add => static (x, y) => x + y,
            BinaryOp.Subtract => static (x, y) => x - y,
            BinaryOp.Multiply => static (x, y) => x * y,
            _ => null,
        };
        return f is null ? null : [.. a.SelectMany(x => b.Select(y => f(x, y))).Distinct().Order()];
    }

    /// <summary>
    /// A banded value: the values of the bands its input can reach, and undefined when the input can be, or can fall below
    /// the first band. A whole-number input reaches a band only through a whole number in it.
    /// </summary>
    private static ValueRange Bands(BoundBands bands, ValueRange input)
    {
        var reached = new SortedSet<decimal>();
        var undefined = input.MaybeUndefined;
        if (input.Only is { } points)
        {
            foreach (var p in points)
            {
                if (RuleOps.Band(p, bands.From, bands.Values) is { } v) reached.Add(v);
                else undefined = true;
            }
        }
        else
        {
            var lowest = input.Lowest;
            undefined |= lowest is null || lowest < bands.From[0];
            for (var i = 0; i < bands.From.Length; i++)
            {
                var start = lowest is { } lo && lo > bands.From[i] ? lo : bands.From[i];
                if (input.Whole) start = decimal.Ceiling(start);
                var end = i + 1 < bands.From.Length ? bands.From[i + 1] : (decimal?)null;
                if ((end is null || start < end) && (input.Hi is not { } hi || start <= hi)) reached.Add(bands.Values[i]);
            }
        }
        if (reached.Count == 0) return Anything(true);
        return new(reached.Min, reached.Max, reached.All(v => v == decimal.Truncate(v)), undefined, [.. reached]);
    }

    private static ValueRange Aggregate(BoundAggregate a)
    {
        var projection = a.Second is { } second ? Derive(second.Body) : default;
        switch (a.Kind)
        {
            case AggregateKind.Count:
                return new(0, null, true, false);
            case AggregateKind.Ratio:
                return new(0, null, false, true);
            case AggregateKind.Sum:
                // Any number of findings: only the sign of each term bounds the sum, and no findings sum to 0.
                return new(projection.Lo >= 0 ? 0 : null, projection.Hi <= 0 ? 0 : null, projection.Whole, projection.MaybeUndefined);
            case AggregateKind.Min or AggregateKind.Max:
                return projection with { MaybeUndefined = true };
            case AggregateKind.Mean:
                return projection with { Whole = false, MaybeUndefined = true };
            case AggregateKind.Percentage:
                // A weighted mean of each finding's score over its maximum: between the lowest such share and 1, times 100.
                var scales = a.Filter.Variable.Candidates.Select(i => i.Scale!.Scores!).ToList();
                return new(scales.Min(s => 100m * s.Min / s.Max), 100m, false, true);
            default:
                return Anything(true);
        }
    }

    private static ValueRange Arithmetic(BinaryOp op, ValueRange a, ValueRange b)
    {
        var undefined = a.MaybeUndefined || b.MaybeUndefined;
        var whole = a.Whole && b.Whole;
        switch (op)
        {
            case BinaryOp.Add:
                return new(a.Lo + b.Lo, a.Hi + b.Hi, whole, undefined);
            case BinaryOp.Subtract:
                return new(a.Lo - b.Hi, a.Hi - b.Lo, whole, undefined);
            case BinaryOp.Multiply:
                if (a.Bounded && b.Bounded) return Hull([a.Lo!.Value * b.Lo!.Value, a.Lo.Value * b.Hi!.Value, a.Hi!.Value * b.Lo.Value, a.Hi.Value * b.Hi.Value], whole, undefined);
                if (a.Lo >= 0 && b.Lo >= 0) return new(a.Lo * b.Lo, a.Hi * b.Hi, whole, undefined);
                return Anything(undefined) with { Whole = whole };
            case BinaryOp.Divide:
                // A divisor that can be 0 can make the value undefined (RuleOps), and near 0 it is unbounded.
                if (b.Lo is null || b.Hi is null || (b.Lo <= 0 && b.Hi >= 0)) return Anything(true);
                if (a.Bounded) return Hull([a.Lo!.Value / b.Lo.Value, a.Lo.Value / b.Hi.Value, a.Hi!.Value / b.Lo.Value, a.Hi.Value / b.Hi.Value], false, undefined);
                return Anything(undefined);
            default:
                return Anything(true);
        }
    }

    private static ValueRange Hull(decimal[] values, bool whole, bool undefined) => new(values.Min(), values.Max(), whole, undefined);
}
