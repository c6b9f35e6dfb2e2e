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

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (`grdae` → `grade`), as people mistype.</summary>
    internal static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) rows[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) rows[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                rows[i, j] = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    rows[i, j] = Math.Min(rows[i, j], rows[i - 2, j - 2] + 1);
                }
            }
        }
        return rows[a.Length, b.Length];
    }
}
