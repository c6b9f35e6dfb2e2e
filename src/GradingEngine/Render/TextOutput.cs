using System.Globalization;
using System.Text;

namespace GradingEngine.Render;

/// <summary>
/// Builds output text with `\n` line ends and invariant formatting, whatever the machine's culture. For the
/// terminal (the default), every value put into a line is passed through <see cref="TerminalText.Escape"/>,
/// so only the renderer's own text decides where lines end; Markdown and HTML escape values their own way.
/// </summary>
internal sealed class TextOutput
{
    private readonly StringBuilder _text = new();
    private readonly bool _terminal;

    public TextOutput() : this(terminal: true)
    {
    }

    private TextOutput(bool terminal) => _terminal = terminal;

    /// <summary>For a renderer that escapes every value for its markup itself (<see cref="MarkdownText"/>, <see cref="HtmlText"/>).</summary>
    public static TextOutput ForMarkup() => new(terminal: false);

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

    /// <summary>Wraps long prose at <paramref name="width"/> columns under an indent; any white space in it, line breaks included, separates words.</summary>
    public void Wrapped(string first, string text, string? continuation = null, int width = 96)
    {
        first = Terminal(first);
        // By default continuation lines align under the text, not under the first line's label.
        var indent = continuation ?? new string(' ', first.Length);
        var line = new StringBuilder(first);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Terminal))
        {
            if (line.Length > first.Length && line.Length + 1 + word.Length > width)
            {
                _text.Append(line).Append('\n');
                line.Clear().Append(indent);
            }
            if (line.Length > indent.Length && line[^1] != ' ') line.Append(' ');
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
