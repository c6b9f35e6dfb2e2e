namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The lines of an item that the text report shows. An added or removed item is shown whole. An edited item shows
/// only the lines that differ (its header already names it and where it is): a removed line replaced by a similar
/// added one becomes a single `~` line with the changed words marked, and anything else stays `-` or `+`.
/// </summary>
internal static class ShownLines
{
    public static IReadOnlyList<ShownLine> Of(ItemChange item)
    {
        var lines = item.Lines;
        if (item.Change != ChangeKind.Edited) return lines.Select(Whole).ToList();
        var shown = new List<ShownLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Op == DiffOp.Same)
            {
                i++;
                continue;
            }
            // A hunk: the removed lines, then the added lines that replace them (the line diff puts removals first).
            var removed = Run(lines, i, DiffOp.Removed);
            var added = Run(lines, i + removed.Count, DiffOp.Added);
            i += removed.Count + added.Count;
            var pairs = removed.Count == added.Count
                ? removed.Zip(added, (a, b) => WordDiff.Compute(a.Text, b.Text)).ToList()
                : null;
            if (pairs is not null && pairs.All(WordDiff.Similar))
            {
                shown.AddRange(pairs.Select(spans => new ShownLine('~', spans)));
            }
            else
            {
                shown.AddRange(removed.Concat(added).Select(Whole));
            }
        }
        return shown;
    }

    private static List<DiffLine> Run(IReadOnlyList<DiffLine> lines, int start, DiffOp op)
    {
        var run = new List<DiffLine>();
        for (var i = start; i < lines.Count && lines[i].Op == op; i++) run.Add(lines[i]);
        return run;
    }

    private static ShownLine Whole(DiffLine line) => new(line.ToString()[0], [new DiffSpan(DiffOp.Same, line.Text)]);
}
