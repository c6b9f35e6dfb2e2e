using GradingEngine.Load.Quotes;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// A quote's words as compared when no report says where quotes are: typography folded, a word hyphenated
/// over a line end joined to the next, hyphens and footnote numbers dropped, punctuation at word edges
/// dropped, lower case. `Anti- social behaviour.9` and `anti-social behaviour` give the same words.
/// </summary>
internal static class QuoteKey
{
    public static string[] Words(string quote)
    {
        var words = new List<string>();
        var pending = "";
        foreach (var word in QuoteWord.Split(quote))
        {
            var text = pending + (PdfText.WithoutFootnote(word.Folded) ?? word.Folded);
            pending = "";
            if (text.EndsWith('-') && text.Length > 1)
            {
                pending = text;
                continue;
            }
            if (Plain(text) is { Length: > 0 } plain) words.Add(plain);
        }
        if (Plain(pending) is { Length: > 0 } last) words.Add(last);
        return [.. words];
    }

    private static string Plain(string word) =>
        new string(word.Where(c => c != '-').ToArray()).Trim(Edge).ToLowerInvariant();

    private static readonly char[] Edge = ['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '\'', '"'];

    /// <summary>The length of the longest run of words two quotes share, in order (a longest common substring of words).</summary>
    public static int LongestSharedRun(string[] a, string[] b)
    {
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }
            (previous, current) = (current, previous);
        }
        return best;
    }
}
