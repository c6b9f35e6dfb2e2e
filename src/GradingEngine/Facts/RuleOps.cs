namespace GradingEngine.Facts;

/// <summary>
/// The whitelist: every operation a compiled condition may perform. All pure, total functions:
/// undefined values (null) make comparisons false, overflow and division by zero give undefined,
/// and no exception escapes into the rules engine.
/// </summary>
internal static class RuleOps
{
    public static bool Eq(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value == b.Value;
    public static bool Ne(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value != b.Value;
    public static bool Lt(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value < b.Value;
    public static bool Le(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value <= b.Value;
    public static bool Gt(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value > b.Value;
    public static bool Ge(decimal? a, decimal? b) => a.HasValue && b.HasValue && a.Value >= b.Value;

    // Judgement ranks: 0 is best, so "worse" is a higher rank.
    public static bool RankEq(int? a, int? b) => a.HasValue && b.HasValue && a.Value == b.Value;
    public static bool RankNe(int? a, int? b) => a.HasValue && b.HasValue && a.Value != b.Value;
    public static bool Worse(int? a, int? b) => a.HasValue && b.HasValue && a.Value > b.Value;
    public static bool Better(int? a, int? b) => a.HasValue && b.HasValue && a.Value < b.Value;
    public static bool NoWorse(int? a, int? b) => a.HasValue && b.HasValue && a.Value <= b.Value;
    public static bool NoBetter(int? a, int? b) => a.HasValue && b.HasValue && a.Value >= b.Value;

    public static bool TextEq(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
    public static bool TextNe(string a, string b) => !string.Equals(a, b, StringComparison.Ordinal);

    public static bool InText(string value, string[] items) => Array.IndexOf(items, value) >= 0;
    public static bool InNumber(decimal? value, decimal[] items) => value.HasValue && Array.IndexOf(items, value.Value) >= 0;
    public static bool InRank(int? value, int[] items) => value.HasValue && Array.IndexOf(items, value.Value) >= 0;

    public static decimal? Add(decimal? a, decimal? b) => Checked(a, b, static (x, y) => x + y);
    public static decimal? Sub(decimal? a, decimal? b) => Checked(a, b, static (x, y) => x - y);
    public static decimal? Mul(decimal? a, decimal? b) => Checked(a, b, static (x, y) => x * y);
    public static decimal? Div(decimal? a, decimal? b) => b == 0m ? null : Checked(a, b, static (x, y) => x / y);
    public static decimal? Neg(decimal? a) => -a;

    /// <summary>
    /// The nearest whole number, a half rounded away from zero (62.5 is 63, -62.5 is -63): as percentages and scores are
    /// rounded in published frameworks, where half to even (62.5 to 62) would move a band boundary. Undefined stays undefined.
    /// </summary>
    public static decimal? Round(decimal? a) => a is { } x ? decimal.Round(x, 0, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The value of the band <paramref name="a"/> falls in: <paramref name="values"/>[i] for the last <paramref name="from"/>[i]
    /// at or below it (<paramref name="from"/> increases strictly). Undefined below the first band, so a number no band
    /// covers is never given a band's value; undefined stays undefined.
    /// </summary>
    public static decimal? Band(decimal? a, decimal[] from, decimal[] values)
    {
        if (a is not { } x) return null;
        var i = Model.ValueBand.IndexOf(from, x);
        return i < 0 ? null : values[i];
    }

    /// <summary>A profile count or weight as a number.</summary>
    public static decimal? Number(int value) => value;

    private static decimal? Checked(decimal? a, decimal? b, Func<decimal, decimal, decimal> op)
    {
        if (!a.HasValue || !b.HasValue) return null;
        try
        {
            return op(a.Value, b.Value);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // Shared by every compiled condition: an aggregate's filter that every item of its source passes, and the
    // judgement of an item for `worst` and `best`.
    public static readonly Func<FindingFact, bool> EveryFinding = static _ => true;
    public static readonly Func<QuestionGradeFact, bool> EveryQuestion = static _ => true;
    public static readonly Func<FindingFact, int?> FindingRank = static f => f.Rank;
    public static readonly Func<QuestionGradeFact, int?> QuestionRank = static q => q.Rank;

    // Aggregates run over arrays: an evidence source, or the question results copied once. Plain
    // indexed loops, because they are the innermost loop of grading.

    /// <summary>The question results as an array, for the aggregates of a roll-up condition.</summary>
    public static T[] Items<T>(IEnumerable<T> items) => items as T[] ?? [.. items];

    public static bool Any<T>(T[] items, Func<T, bool> predicate)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (predicate(items[i])) return true;
        }
        return false;
    }

    public static bool All<T>(T[] items, Func<T, bool> filter, Func<T, bool> predicate)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (filter(items[i]) && !predicate(items[i])) return false;
        }
        return true;
    }

    public static decimal? Count<T>(T[] items, Func<T, bool> filter)
    {
        var n = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (filter(items[i])) n++;
        }
        return n;
    }

    /// <summary>Decimal addition is exact here, so the sum does not depend on the order of findings.</summary>
    public static decimal? Sum<T>(T[] items, Func<T, bool> filter, Func<T, decimal?> value)
    {
        decimal? sum = 0m;
        for (var i = 0; i < items.Length; i++)
        {
            if (filter(items[i])) sum = Add(sum, value(items[i]));
        }
        return sum;
    }

    /// <summary>The mean over the items the filter selects; undefined when none do (never 0: no evidence is not a score).</summary>
    public static decimal? Mean<T>(T[] items, Func<T, bool> filter, Func<T, decimal?> value)
    {
        decimal? sum = 0m;
        var n = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (!filter(items[i])) continue;
            sum = Add(sum, value(items[i]));
            n++;
        }
        return n == 0 ? null : Div(sum, n);
    }

    /// <summary>
    /// The scores of the findings the filter selects, as a percentage of the most they could score: 100 × the sum of their
    /// scores ÷ the sum of their scales' maximums. Undefined when none match.
    /// </summary>
    public static decimal? Percentage(FindingFact[] items, Func<FindingFact, bool> filter)
    {
        decimal? sum = 0m, maximum = 0m;
        for (var i = 0; i < items.Length; i++)
        {
            if (!filter(items[i])) continue;
            sum = Add(sum, items[i].Score);
            maximum = Add(maximum, items[i].ScoreMaximum);
        }
        return Div(Mul(100m, sum), maximum);
    }

    public static decimal? Min<T>(T[] items, Func<T, bool> filter, Func<T, decimal?> value) =>
        Extreme(items, filter, value, smallest: true);

    public static decimal? Max<T>(T[] items, Func<T, bool> filter, Func<T, decimal?> value) =>
        Extreme(items, filter, value, smallest: false);

    private static decimal? Extreme<T>(T[] items, Func<T, bool> filter, Func<T, decimal?> value, bool smallest)
    {
        decimal? best = null;
        for (var i = 0; i < items.Length; i++)
        {
            if (!filter(items[i]) || value(items[i]) is not { } v) continue;
            if (best is null || (smallest ? v < best : v > best)) best = v;
        }
        return best;
    }

    /// <summary>Worst judgement = highest rank; undefined when nothing matches.</summary>
    public static int? Worst<T>(T[] items, Func<T, bool> filter, Func<T, int?> rank) =>
        ExtremeRank(items, filter, rank, worst: true);

    public static int? Best<T>(T[] items, Func<T, bool> filter, Func<T, int?> rank) =>
        ExtremeRank(items, filter, rank, worst: false);

    private static int? ExtremeRank<T>(T[] items, Func<T, bool> filter, Func<T, int?> rank, bool worst)
    {
        int? result = null;
        for (var i = 0; i < items.Length; i++)
        {
            if (!filter(items[i]) || rank(items[i]) is not { } r) continue;
            if (result is null || (worst ? r > result : r < result)) result = r;
        }
        return result;
    }
}
