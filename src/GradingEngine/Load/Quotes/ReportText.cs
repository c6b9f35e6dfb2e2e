using GradingEngine.Model;

namespace GradingEngine.Load.Quotes;

/// <summary>
/// A report as quotes are found in it. A quote that occurs as written (runs of whitespace aside) is found
/// by one search of the whitespace-collapsed text; any other is matched word by word against the report's
/// words, undoing what PDF extraction does to running text (<see cref="PdfText"/>), but every word of the
/// quote must still come from the report, in order. Built once per report; read-only after.
/// </summary>
internal sealed partial class ReportText
{
    /// <summary>How far apart, in lines, the two halves of a quote split by a page break may be.</summary>
    public const int MaxSkipLines = 60;

    private readonly string _collapsed;
    private readonly int[] _wordStarts;
    private readonly int[] _wordLines;
    private readonly int[] _breakLines;

    // The words as the word-by-word match compares them: only built when a quote does not occur as written.
    private readonly Lazy<ReportWord[]> _words;

    private ReportText(string path, string collapsed, int[] wordStarts, int[] wordLines, int[] breakLines)
    {
        Path = path;
        _collapsed = collapsed;
        _wordStarts = wordStarts;
        _wordLines = wordLines;
        _breakLines = breakLines;
        _words = new Lazy<ReportWord[]>(Words);
    }

    public string Path { get; }

    public int WordCount => _wordStarts.Length;

    public static ReportText Parse(string path, string text)
    {
        var breaks = new List<int>();
        for (var (start, line) = (0, 1); start <= text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (PdfText.IsPageBreakLine(text.AsSpan(start, end - start))) breaks.Add(line);
            start = end + 1;
        }
        // Counted first, so that the word arrays and the collapsed text are each allocated once, at their size: a report is
        // the largest text a findings file brings in, and growing lists and a builder for it was most of what loading one allocated.
        var (words, letters) = (0, 0);
        for (var (i, line) = (0, 1); NextWord(text, ref i, ref line, out var start);)
        {
            words++;
            letters += i - start;
        }
        var starts = new int[words];
        var lines = new int[words];
        var collapsed = string.Create(words == 0 ? 0 : letters + words - 1, (text, starts, lines), static (chars, s) =>
        {
            var (i, line, at) = (0, 1, 0);
            for (var w = 0; NextWord(s.text, ref i, ref line, out var start); w++)
            {
                if (w > 0) chars[at++] = ' ';
                (s.starts[w], s.lines[w]) = (at, line);
                s.text.AsSpan(start, i - start).CopyTo(chars[at..]);
                at += i - start;
            }
        });
        return new ReportText(path, collapsed, starts, lines, [.. breaks]);
    }

    /// <summary>Moves <paramref name="i"/> past the next word, counting the lines it passes; false at the end of the text.</summary>
    private static bool NextWord(string text, ref int i, ref int line, out int start)
    {
        for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] == '\n') line++;
        }
        start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        return i > start;
    }

    private ReportWord[] Words()
    {
        var words = new ReportWord[_wordStarts.Length];
        for (var w = 0; w < words.Length; w++)
        {
            var end = w + 1 < words.Length ? _wordStarts[w + 1] - 1 : _collapsed.Length;
            var raw = _collapsed[_wordStarts[w]..end];
            var line = _wordLines[w];
            var folded = PdfText.Fold(raw);
            words[w] = new ReportWord(raw, folded, PdfText.WithoutFootnote(folded), line, w == 0 || _wordLines[w - 1] != line, w + 1 == words.Length || _wordLines[w + 1] != line);
        }
        return words;
    }

    /// <summary>
    /// Where <paramref name="quote"/> occurs, preferring an occurrence as written, then the earliest; null
    /// when it does not. Then <paramref name="matched"/> is how many of its words (from the first) some
    /// place of the report matches in a row, and <paramref name="departure"/> the index in the quote of the
    /// word after them (-1 when no word matched at all).
    /// </summary>
    public QuoteLocation? Locate(string quote, out int matched, out int departure)
    {
        matched = 0;
        departure = -1;
        var collapsed = InspectionLoader.Collapse(quote);
        if (collapsed.Length == 0) return null;
        var at = _collapsed.IndexOf(collapsed, StringComparison.Ordinal);
        if (at >= 0)
        {
            var (first, last) = (WordAt(at), WordAt(at + collapsed.Length - 1));
            return new QuoteLocation(_wordLines[first], _wordLines[last], QuoteNormalisation.None, first, last);
        }
        return Match(QuoteWord.Split(quote), out matched, out departure);
    }

    /// <summary>The word that character <paramref name="offset"/> of the collapsed text belongs to.</summary>
    private int WordAt(int offset)
    {
        var index = Array.BinarySearch(_wordStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }
}
