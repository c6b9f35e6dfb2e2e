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

    /// <summary>An id-safe token: letters, digits, `-`, `_` and `.`; anything else becomes `-`.</summary>
    public static string Token(string text)
    {
        var token = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            token.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        return token.Length == 0 ? "-" : token.ToString();
    }

    /// <summary>
    /// A relative link to a rulebook file: the folder link and the file's path, each segment
    /// percent-encoded, so neither can make a scheme (`http:`) or leave the attribute.
    /// </summary>
    public static string RuleHref(string rulesHref, string relativeFile, int line)
    {
        var segments = rulesHref.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Concat(relativeFile.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s is "." or ".." ? s : Uri.EscapeDataString(s));
        var rooted = rulesHref.StartsWith('/') ? "/" : "";
        return Encode(FormattableString.Invariant($"{rooted}{string.Join('/', segments)}#L{line}"));
    }
}
