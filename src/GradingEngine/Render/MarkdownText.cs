using System.Text;
using System.Text.RegularExpressions;

namespace GradingEngine.Render;

/// <summary>
/// Puts user text into Markdown (CommonMark and GitHub tables) so that it reads as written: no
/// emphasis, links, HTML, headings, lists or table cells can come out of a quote or a title.
/// </summary>
internal static partial class MarkdownText
{
    // Inline syntax anywhere in a line; `#` too, because a trailing ` #` closes an ATX heading.
    private const string Special = "\\`*_[]<>|~&#";

    /// <summary>
    /// Escaped inline text on one line: white space collapsed, control characters dropped, bidirectional
    /// controls shown as `\u202e`. Pass
    /// <paramref name="lineStart"/> false only where the text cannot begin a block (mid-line).
    /// </summary>
    public static string Escape(string text, bool lineStart = true)
    {
        var inline = TerminalText.ShowBidi(ReportParts.Inline(text));
        var escaped = new StringBuilder(inline.Length + 8);
        foreach (var c in inline)
        {
            if (char.IsControl(c)) continue;
            if (Special.Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        var result = escaped.ToString();
        if (!lineStart) return result;
        // Text can start a line (in a block quote or list item): there `-`, `+`, `=` or `12.` would start a block.
        if (result.Length > 0 && result[0] is '-' or '+' or '=') return "\\" + result;
        var ordered = OrderedListStart().Match(result);
        return ordered.Success ? result.Insert(ordered.Length - 1, "\\") : result;
    }

    /// <summary>A code span that holds <paramref name="text"/> whatever backticks it contains.</summary>
    public static string Code(string text)
    {
        var inline = TerminalText.ShowBidi(new string(ReportParts.Inline(text).Where(c => !char.IsControl(c)).ToArray()));
        var longest = 0;
        var run = 0;
        foreach (var c in inline)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = inline.StartsWith('`') || inline.EndsWith('`') ? " " : "";
        return fence + pad + inline + pad + fence;
    }

    /// <summary>Engine text whose backticked parts are code (gaps): code spans for those, escaped prose for the rest.</summary>
    public static string Rich(string text) =>
        string.Concat(ReportParts.Segments(text).Select(s => s.Code ? Code(s.Text) : EscapeInner(s.Text)));

    /// <summary>Like <see cref="Escape"/> but keeps edge spaces, for prose between code spans.</summary>
    private static string EscapeInner(string text)
    {
        var lead = text.Length > 0 && char.IsWhiteSpace(text[0]) ? " " : "";
        var trail = text.Length > 0 && char.IsWhiteSpace(text[^1]) ? " " : "";
        return lead + Escape(text, lineStart: false) + trail;
    }

    [GeneratedRegex(@"^[0-9]{1,9}[.)]")]
    private static partial Regex OrderedListStart();
}
