using System.Globalization;
using System.Text;

namespace GradingEngine.Render;

/// <summary>
/// Builds output text with `\n` line ends and invariant formatting, whatever the machine's culture; prose wraps at
/// <see cref="Width"/> columns. For the terminal (the default), every value put into a line is passed through
/// <see cref="TerminalText.Escape"/>, so only the renderer's own text decides where lines end; Markdown and HTML
/// escape values their own way.
/// </summary>
internal sealed class TextOutput
{
    private readonly StringBuilder _text = new();
    private readonly bool _terminal;

    public TextOutput(int width = TextLayout.DefaultWidth) : this(terminal: true, width)
    {
    }

    private TextOutput(bool terminal, int width)
    {
        _terminal = terminal;
        Width = width;
    }

    public int Width { get; }

    /// <summary>For a renderer that escapes every value for its markup itself (<see cref="MarkdownText"/>, <see cref="HtmlText"/>).</summary>
    public static TextOutput ForMarkup() => new(terminal: false, TextLayout.DefaultWidth);

    public void Line(FormattableString line)
    {
        if (!_terminal)
        {
            _text.Append(FormattableString.Invariant(line)).Append('\n');
            return;
        }
        var values = line.GetArguments().Select(Neutral).ToArray();
        _text.Append(string.Format(CultureInfo.InvariantCulture, line.Format, values)).Append('\n');
    }

    public void Line() => _text.Append('\n');

    /// <summary>
    /// Wraps long prose at <see cref="Width"/> columns after a label, continuation lines under an indent (by
    /// default, aligned under the text); any white space in the text, line breaks included, separates words. A
    /// label too long to share its line with the first word stands alone. Only a single word longer than the
    /// width overflows.
    /// </summary>
    public void Wrapped(string first, string text, string? continuation = null)
    {
        first = Terminal(first);
        var indent = continuation ?? new string(' ', first.Length);
        var line = new StringBuilder(first);
        var start = first.Length;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Terminal))
        {
            // The first word after a label or an indent follows it directly: labels carry their own separator.
            var fresh = line.Length == start;
            if (line.Length + (fresh ? 0 : 1) + word.Length > Width && (!fresh || (start > indent.Length && first.Trim().Length > 0)))
            {
                _text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(indent);
                start = indent.Length;
                fresh = true;
            }
            if (!fresh) line.Append(' ');
            line.Append(word);
        }
        if (line.ToString().Trim().Length > 0) _text.Append(line).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private string Terminal(string text) => _terminal ? TerminalText.Escape(text) : text;

    /// <summary>Numbers and other formattable values keep their format; text of any kind is escaped.</summary>
    private static object? Neutral(object? value) => value switch
    {
        null => null,
        string s => TerminalText.Escape(s),
        char c => TerminalText.Escape(c.ToString()),
        IFormattable => value,
        _ => TerminalText.Escape(value.ToString() ?? ""),
    };
}
