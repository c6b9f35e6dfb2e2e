using GradingEngine.Check.Binding;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// The values that stand for every value a named value can take, as far as a question's thresholds and limits can tell
/// them apart. Compared only with constants (`x >= 63`, `2 * x < 5`, `x in [1, 2]`), a value changes the conditions only
/// at those constants: it is represented by each constant, a value between each two, and one beyond each end, within
/// the range its definition gives (for a whole number, the whole numbers either side of each constant). Compared with
/// other numbers of the profile, a whole number ranges over every whole number of its range (bounded, where unbounded,
/// as far as the comparisons can tell values apart); anything else cannot be represented, and the table is not proved.
/// </summary>
internal static class ValuePoints
{
    /// <summary>The most whole numbers a value compared with others may range over.</summary>
    public const int MaxPoints = 4096;

    /// <summary>The points in increasing order, or null when the value cannot be represented.</summary>
    public static decimal[]? Of(ProfileDomain.Variable variable, ValueRange range, IReadOnlyList<BoundExpr> conditions, ProfileDomain domain)
    {
        // A value that can only be a few numbers (a banded value) is represented by each of them, exactly.
        if (range.Only is { Length: > 0 and <= MaxPoints } only) return only;
        var breakpoints = new SortedSet<decimal>();
        var alone = true;
        foreach (var atom in conditions.SelectMany(Atoms))
        {
            if (!BoundPrinter.Variables(atom).Any(v => v.Measure == variable.Measure && v.Index == variable.Index)) continue;
            alone &= Breakpoints(atom, variable, breakpoints);
        }
        try
        {
            return alone ? Alone(range, breakpoints) : Together(variable, range, conditions, domain);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The comparisons and `in` tests of a condition.</summary>
    private static IEnumerable<BoundExpr> Atoms(BoundExpr e) => e switch
    {
        BoundBinary { Op: BinaryOp.And or BinaryOp.Or } b => Atoms(b.Left).Concat(Atoms(b.Right)),
        BoundBinary { Left.Type.Kind: TypeKind.Bool } b => Atoms(b.Left).Concat(Atoms(b.Right)),
        BoundNot n => Atoms(n.Operand),
        BoundBinary or BoundIn => [e],
        _ => [],
    };

    /// <summary>Adds where the atom changes its answer as the value moves; false when it also reads other numbers, or not linearly.</summary>
    private static bool Breakpoints(BoundExpr atom, ProfileDomain.Variable variable, SortedSet<decimal> into)
    {
        var (terms, items) = atom switch
        {
            BoundIn i => (Linear.Of(i.Value), i.Items.Select(x => (decimal)x.Value).ToArray()),
            BoundBinary b when Linear.Of(b.Left) is { } l && Linear.Of(b.Right) is { } r => (l.Minus(r), [0m]),
            _ => (null, []),
        };
        if (terms is null) return false;
        var own = terms.Coefficient(variable.Measure, variable.Index);
        if (own == 0m || terms.Coefficients.Any(c => c.Value != 0m && (c.Key.Measure, c.Key.Index) != (variable.Measure, variable.Index))) return false;
        // own * x + constant compared with item: it changes its answer where x is (item - constant) / own.
        foreach (var item in items) into.Add((item - terms.Constant) / own);
        return true;
    }

    private static decimal[] Alone(ValueRange range, SortedSet<decimal> breakpoints)
    {
        var points = new SortedSet<decimal>();
        if (range.Lo is { } lo) points.Add(lo);
        if (range.Hi is { } hi) points.Add(hi);
        if (range.Whole)
        {
            foreach (var b in breakpoints)
            {
                if (b == decimal.Truncate(b))
                {
                    points.UnionWith([b - 1, b, b + 1]);
                }
                else
                {
                    points.UnionWith([decimal.Floor(b), decimal.Ceiling(b)]);
                }
            }
        }
        else
        {
            points.UnionWith(breakpoints);
            var inside = points.Where(p => Within(range, p)).ToList();
            for (var i = 0; i + 1 < inside.Count; i++) points.Add(inside[i] + (inside[i + 1] - inside[i]) / 2);
            if (inside.Count > 0 && range.Lo is null) points.Add(inside[0] - 1);
            if (inside.Count > 0 && range.Hi is null) points.Add(inside[^1] + 1);
        }
        var result = points.Where(p => Within(range, p)).ToArray();
        return result.Length > 0 ? result : [range.Lo ?? range.Hi ?? 0m];
    }

    private static bool Within(ValueRange range, decimal p) => (range.Lo is not { } lo || p >= lo) && (range.Hi is not { } hi || p <= hi);

    private static decimal[]? Together(ProfileDomain.Variable variable, ValueRange range, IReadOnlyList<BoundExpr> conditions, ProfileDomain domain)
    {
        if (!range.Whole) return null;
        decimal bound = domain.FindingsBound(variable, conditions);
        var lo = range.Lo ?? -bound;
        var hi = range.Hi ?? Math.Max(bound, lo);
        if (hi - lo + 1 > MaxPoints) return null;
        var points = new decimal[(int)(hi - lo) + 1];
        for (var i = 0; i < points.Length; i++) points[i] = lo + i;
        return points;
    }
}
