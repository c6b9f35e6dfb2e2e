using System.Text;

namespace GradingEngine.Render;

/// <summary>Builds terminal text with `\n` line ends and invariant formatting, whatever the machine's culture.</summary>
internal sealed class TextOutput
{
    private readonly StringBuilder _text = new();

    public void Line(FormattableString line) => _text.Append(FormattableString.Invariant(line)).Append('\n');

    public void Line() => _text.Append('\n');

    /// <summary>Wraps long prose at <paramref name="width"/> columns under an indent.</summary>
    public void Wrapped(string first, string text, string? continuation = null, int width = 96)
    {
        // By default continuation lines align under the text, not under the first line's label.
        var indent = continuation ?? new string(' ', first.Length);
        var line = new StringBuilder(first);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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
}
