namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>A line diff by longest common subsequence: items are a few dozen lines, so the quadratic table is cheap.</summary>
internal static class LineDiff
{
    /// <summary>Beyond this many table cells, show old then new whole rather than spend memory on alignment.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        int n = oldLines.Count, m = newLines.Count;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            return [.. oldLines.Select(l => new DiffLine(DiffOp.Removed, l)), .. newLines.Select(l => new DiffLine(DiffOp.Added, l))];
        }
        // common[i, j] = length of the LCS of oldLines[i..] and newLines[j..].
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = oldLines[i] == newLines[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var lines = new List<DiffLine>(n + m);
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (oldLines[a] == newLines[b])
            {
                lines.Add(new DiffLine(DiffOp.Same, oldLines[a++]));
                b++;
            }
            else if (common[a + 1, b] >= common[a, b + 1])
            {
                // Removals before additions, as unified diffs show a replaced line.
                lines.Add(new DiffLine(DiffOp.Removed, oldLines[a++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffOp.Added, newLines[b++]));
            }
        }
        while (a < n) lines.Add(new DiffLine(DiffOp.Removed, oldLines[a++]));
        while (b < m) lines.Add(new DiffLine(DiffOp.Added, newLines[b++]));
        return lines;
    }
}
