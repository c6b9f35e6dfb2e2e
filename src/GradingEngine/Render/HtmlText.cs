using System.Text;

namespace GradingEngine.Render;

/// <summary>
/// Puts text into HTML safely: element content and double-quoted attribute values alike. Every
/// value that did not come from the renderer itself goes through <see cref="Encode"/>.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Encodes the five markup characters; drops control characters and lone surrogates, which HTML cannot carry;
    /// shows bidirectional controls as `\u202e`, so that text cannot display otherwise than it reads.
    /// </summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': encoded.Append("&amp;"); break;
                case '<': encoded.Append("&lt;"); break;
                case '>': encoded.Append("&gt;"); break;
                case '"': encoded.Append("&quot;"); break;
                case '\'': encoded.Append("&#39;"); break;
                case '\t' or '\n': encoded.Append(c); break;
                case '\r': break;
                case var _ when char.IsControl(c): break;
                case var _ when TerminalText.IsBidiControl(c): encoded.Append(TerminalText.Visible(c)); break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    encoded.Append(c).Append(text[++i]);
                    break;
                case var _ when char.IsSurrogate(c): encoded.Append('\uFFFD'); break;
                default: encoded.Append(c); break;
            }
        }
        return encoded.ToString();
    }

    /// <summary>
    /// An id-safe token, one to one: ASCII letters, digits, `-` and `.` stay; any other character (`_` too)
    /// becomes `_hex_`, so two different names never share an id.
    /// </summary>
    public static string Token(string text)
    {
        var token = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '.')) token.Append((char)rune.Value);
            else token.Append('_').Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
        }
        return token.Length == 0 ? "_" : token.ToString();
    }
}
