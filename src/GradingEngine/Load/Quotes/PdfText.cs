using System.Text;
using System.Text.RegularExpressions;

namespace GradingEngine.Load.Quotes;

/// <summary>
/// What PDF-to-text conversion does to running text, undone word by word for quote matching
/// (docs/findings-format.md, "What may differ"): typography, footnote numbers, page furniture.
/// </summary>
internal static partial class PdfText
{
    /// <summary>A line of nothing but this many spaces or more is a footnote rule, as `pdftotext -layout` draws one.</summary>
    public const int FootnoteRuleWidth = 20;

    /// <summary>
    /// The plain form of a word: typographic quotes and apostrophes as `'` and `"`, hyphens and dashes as
    /// `-`, ligatures spelt out, soft hyphens and zero-width characters removed. The same string when
    /// nothing changes, so callers can tell.
    /// </summary>
    public static string Fold(string word)
    {
        var i = 0;
        while (i < word.Length && Plain(word[i]) is null) i++;
        if (i == word.Length) return word;
        var folded = new StringBuilder(word.Length + 2).Append(word, 0, i);
        for (; i < word.Length; i++)
        {
            folded.Append(Plain(word[i]) ?? word[i].ToString());
        }
        return folded.ToString();
    }

    /// <summary>The plain spelling of a character that has one, or null when the character stays as it is.</summary>
    private static string? Plain(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => "",
        _ => null,
    };

    /// <summary>
    /// The word without a footnote reference number attached to it, or null when it has none: one to three
    /// digits at the end of the word (or before its closing `.`, `,`, `;`, `:` or `)`), right after a
    /// lower-case letter or closing punctuation. `(IOM)9` is `(IOM)`, `cases.22` is `cases.`, `Wales15,`
    /// is `Wales,`; `2015`, `Q1`, `1,000` and `52.1` have none.
    /// </summary>
    public static string? WithoutFootnote(string word)
    {
        var end = word.Length;
        while (end > 0 && word[end - 1] is '.' or ',' or ';' or ':' or ')') end--;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(word[start - 1])) start--;
        var digits = end - start;
        if (digits is < 1 or > 3 || start == 0) return null;
        var before = word[start - 1];
        var attached = char.IsLower(before)
            || (before is ')' or '.' or ',' or ';' or ':' or '\'' or '"' && !(start >= 2 && char.IsAsciiDigit(word[start - 2])));
        return attached ? word[..start] + word[end..] : null;
    }

    /// <summary>
    /// A line that marks a page break: a page number alone (`34`, `Page 3`, `Page 3 of 40`, `3 / 40`), a
    /// form feed, or a footnote rule (a line of only spaces at least <see cref="FootnoteRuleWidth"/> wide, or
    /// of five or more `_` or `-`).
    /// </summary>
    public static bool IsPageBreakLine(ReadOnlySpan<char> line)
    {
        if (line.Contains('\f')) return true;
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return line.TrimEnd('\r').Length >= FootnoteRuleWidth;
        return PageNumber().IsMatch(trimmed) || Rule().IsMatch(trimmed);
    }

    [GeneratedRegex(@"^(?:[Pp]age\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:_{5,}|-{5,})$")]
    private static partial Regex Rule();
}
