using System.Diagnostics;
namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Cohen's kappa and weighted kappa from the items two coders both coded. Everything is counted in whole
/// numbers and divided once, so a figure is exactly the same with the coders swapped and on any machine.
/// A kappa is undefined (null) when there are no items, or when chance alone would give full agreement:
/// both coders put every item in the same single category.
/// </summary>
internal static class Kappa
{
    /// <summary>
    /// Cohen's kappa on nominal categories: (n·agreed - Σ rₖcₖ) / (n² - Σ rₖcₖ), where rₖ and cₖ count the
    /// items each coder put in category k; the same as (pₒ - pₑ) / (1 - pₑ).
    /// </summary>
    public static double? Cohen(IReadOnlyList<(string A, string B)> items)
    {
        long n = items.Count;
        if (n == 0) return null;
        var agreed = items.LongCount(i => string.Equals(i.A, i.B, StringComparison.Ordinal));
        var byA = items.GroupBy(i => i.A, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var chance = items.GroupBy(i => i.B, StringComparer.Ordinal).Sum(g => byA.GetValueOrDefault(g.Key) * g.Count());
        var denominator = n * n - chance;
        return denominator == 0 ? null : (double)(n * agreed - chance) / denominator;
    }

    /// <summary>
    /// Weighted kappa on an ordinal scale of <paramref name="levels"/> levels (ranks 0 to levels - 1):
    /// 1 - n·Σ w(a,b) / Σᵢⱼ wᵢⱼ rᵢ cⱼ, with disagreement weights wᵢⱼ = |i - j| or (i - j)². The weights'
    /// scale cancels out, so they need not be divided by (levels - 1).
    /// </summary>
    public static double? Weighted(IReadOnlyList<(int A, int B)> items, int levels, KappaWeights weights)
    {
        long n = items.Count;
        if (n == 0) return null;
        var rows = new long[levels];
        var columns = new long[levels];
        long observed = 0;
        foreach (var (a, b) in items)
        {
            rows[a]++;
            columns[b]++;
            observed += Weight(a, b, weights);
        }
        long expected = 0;
        for (var i = 0; i < levels; i++)
        {
            for (var j = 0; j < levels; j++) expected += Weight(i, j, weights) * rows[i] * columns[j];
        }
        return expected == 0 ? null : 1 - (double)(n * observed) / expected;
    }

    private static long Weight(int i, int j, KappaWeights weights) => weights switch
    {
        KappaWeights.Linear => Math.Abs(i - j),
        KappaWeights.Quadratic => (long)(i - j) * (i - j),
        _ => throw new UnreachableException(weights.ToString()),
    };
}
