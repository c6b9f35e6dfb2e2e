using System.Text;

namespace GradingEngine.Render;

/// <summary>
/// Text as a terminal must show it: every control character (C0, DEL, C1), bidirectional control and
/// line or paragraph separator becomes a visible escape such as `\u001b` or `\u202e`, so that no input
/// can move the cursor, retitle or clear the terminal, reorder what is displayed, or split one line
/// of output (one diagnostic) into two.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !MustEscape(text[i])) i++;
        if (i == text.Length) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (MustEscape(text[i])) escaped.Append(Visible(text[i]));
            else escaped.Append(text[i]);
        }
        return escaped.ToString();
    }

    /// <summary>`\u202e`: how every destination shows a character it must not pass on raw.</summary>
    internal static string Visible(char c) => $"\\u{(int)c:x4}";

    internal static bool MustEscape(char c) => char.IsControl(c) || IsBidiControl(c) || c is '\u2028' or '\u2029';

    /// <summary>Only the bidirectional controls shown as `\u202e`: for Markdown, which drops the other controls itself.</summary>
    internal static string ShowBidi(string text) =>
        text.Any(IsBidiControl) ? string.Concat(text.Select(c => IsBidiControl(c) ? Visible(c) : c.ToString())) : text;

    /// <summary>The explicit bidirectional formatting characters: embeddings, overrides, isolates and marks.</summary>
    internal static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
