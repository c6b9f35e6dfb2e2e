namespace GradingEngine.Check.Analysis;

/// <summary>
/// A finite space of outcomes for one grade table, evaluated exhaustively: for each point, the set
/// of rules whose condition holds (a bit mask) and the first such rule, which decides the grade.
/// </summary>
internal sealed class GradeSpace
{
    public const int NoRule = -1;

    private GradeSpace(int[] first, ulong satisfiable, (int Point, int Earlier)?[] shadowExamples, int gapPoint)
    {
        First = first;
        Satisfiable = satisfiable;
        ShadowExamples = shadowExamples;
        GapPoint = gapPoint;
    }

    /// <summary>The deciding rule at each point, or <see cref="NoRule"/> in a gap.</summary>
    public int[] First { get; }

    /// <summary>Bit i set when rule i holds somewhere, whatever the rules above it say.</summary>
    public ulong Satisfiable { get; }

    /// <summary>Per rule: a point where it holds but an earlier rule decides, and that earlier rule.</summary>
    public (int Point, int Earlier)?[] ShadowExamples { get; }

    /// <summary>A point no rule covers, or -1.</summary>
    public int GapPoint { get; }

    public bool Reached(int rule) => Array.IndexOf(First, rule) >= 0;

    public static GradeSpace Evaluate(int size, int rules, Func<int, ulong> masks)
    {
        var first = new int[size];
        ulong satisfiable = 0;
        var shadows = new (int, int)?[rules];
        var gap = -1;
        for (var p = 0; p < size; p++)
        {
            var mask = masks(p);
            satisfiable |= mask;
            if (mask == 0)
            {
                first[p] = NoRule;
                if (gap < 0) gap = p;
                continue;
            }
            var decider = System.Numerics.BitOperations.TrailingZeroCount(mask);
            first[p] = decider;
            for (var r = decider + 1; r < rules; r++)
            {
                if ((mask & (1UL << r)) != 0 && shadows[r] is null) shadows[r] = (p, decider);
            }
        }
        return new GradeSpace(first, satisfiable, shadows, gap);
    }
}
