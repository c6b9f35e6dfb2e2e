namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// Where two versions of one line differ, word by word: the spans they share, and each changed run as the old text
/// then the new text. Words are runs of letters and digits (a decimal number is one word); every other character
/// stands alone, so `>= 12` against `>= 10` marks the number, not the line.
/// </summary>
internal static class WordDiff
{
    /// <summary>
    /// A pair of lines is shown as one marked line only when at least half of the longer one is shared: a line
    /// rewritten from scratch reads better as a whole line removed and a whole line added.
    /// </summary>
    public static bool Similar(IReadOnlyList<DiffSpan> spans)
    {
        int same = 0, old = 0, @new = 0;
        foreach (var span in spans)
        {
            if (span.Op == DiffOp.Same) same += span.Text.Length;
            else if (span.Op == DiffOp.Removed) old += span.Text.Length;
            else @new += span.Text.Length;
        }
        return same >= Math.Max(old, @new);
    }

    public static IReadOnlyList<DiffSpan> Compute(string oldLine, string newLine)
    {
        // The line diff's longest common subsequence, over words instead of lines.
        var tokens = LineDiff.Compute(Words(oldLine), Words(newLine));
        var spans = new List<DiffSpan>();
        var removed = new System.Text.StringBuilder();
        var added = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Op == DiffOp.Same && !(string.IsNullOrWhiteSpace(token.Text) && Between(tokens, i)))
            {
                Flush(spans, removed, added);
                Append(spans, DiffOp.Same, token.Text);
                continue;
            }
            // White space between two changes belongs to the change: `[-a b-]{+x y+}`, not `[-a-]{+x+} [-b-]{+y+}`.
            if (token.Op != DiffOp.Added) removed.Append(token.Text);
            if (token.Op != DiffOp.Removed) added.Append(token.Text);
        }
        Flush(spans, removed, added);
        return spans;
    }

    /// <summary>Whether changed words come both before and after token <paramref name="i"/>, with only white space between.</summary>
    private static bool Between(IReadOnlyList<DiffLine> tokens, int i)
    {
        static bool Changed(DiffLine t) => t.Op != DiffOp.Same;
        static bool Blank(DiffLine t) => t.Op == DiffOp.Same && string.IsNullOrWhiteSpace(t.Text);
        var before = i - 1;
        while (before >= 0 && Blank(tokens[before])) before--;
        var after = i + 1;
        while (after < tokens.Count && Blank(tokens[after])) after++;
        return before >= 0 && Changed(tokens[before]) && after < tokens.Count && Changed(tokens[after]);
    }

    private static void Flush(List<DiffSpan> spans, System.Text.StringBuilder removed, System.Text.StringBuilder added)
    {
        if (removed.Length > 0) spans.Add(new DiffSpan(DiffOp.Removed, removed.ToString()));
        if (added.Length > 0) spans.Add(new DiffSpan(DiffOp.Added, added.ToString()));
        removed.Clear();
        added.Clear();
    }

    private static void Append(List<DiffSpan> spans, DiffOp op, string text)
    {
        if (spans.Count > 0 && spans[^1].Op == op) spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        else spans.Add(new DiffSpan(op, text));
    }

    internal static IReadOnlyList<string> Words(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(line[i]) || line[i] == '_')
            {
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_' || DecimalPoint(line, i))) i++;
            }
            else if (char.IsWhiteSpace(line[i]))
            {
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            }
            else
            {
                // A surrogate pair stays whole.
                i += char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            }
            words.Add(line[start..i]);
        }
        return words;
    }

    private static bool DecimalPoint(string line, int i) =>
        line[i] == '.' && i > 0 && char.IsAsciiDigit(line[i - 1]) && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]);
}
