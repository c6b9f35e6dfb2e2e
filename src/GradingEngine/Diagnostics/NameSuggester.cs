namespace GradingEngine.Diagnostics;

/// <summary>"Did you mean": the closest known name by edit distance, when it is close enough to help.</summary>
public static class NameSuggester
{
    public static string? Suggest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var d = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }
        // Allow roughly one edit per three characters: `wieght` → `weight`, but not `id` → `area`.
        return best is not null && bestDistance <= Math.Max(1, unknown.Length / 3) ? best : null;
    }

    /// <summary>A help line for an unknown name, or null when nothing is close.</summary>
    public static string? Help(string unknown, IEnumerable<string> known) =>
        Suggest(unknown, known) is { } s ? $"did you mean `{s}`?" : null;

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
