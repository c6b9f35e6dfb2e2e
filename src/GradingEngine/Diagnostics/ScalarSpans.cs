namespace GradingEngine.Diagnostics;

/// <summary>
/// Where each character of a value read from a source file was written. Walks the file's text so that
/// escapes (`\"`, `''`) and values folded over several lines still point at the right place; block
/// scalars (`|`, `>`) give the value's start. Location, not content: any two are equal.
/// </summary>
public sealed class ScalarSpans : IEquatable<ScalarSpans>
{
    private readonly string? _text;
    private readonly int _index;
    private readonly char _quote;
    private readonly bool _block;
    private readonly bool _multiline;

    /// <param name="start">Where the value (its opening quote, if quoted) is written.</param>
    /// <param name="text">The whole file's text, or null when the value has no source text to walk.</param>
    /// <param name="index">Where the value starts in <paramref name="text"/>.</param>
    /// <param name="quote">`"` or `'` for a quoted value, `\0` for a plain one.</param>
    public ScalarSpans(SourceSpan start, string? text, int index, char quote, bool block, bool multiline)
    {
        Start = start;
        _text = text;
        _index = index;
        _quote = quote;
        _block = block;
        _multiline = multiline;
    }

    /// <summary>A value with no source text: character positions count along its first line.</summary>
    public static ScalarSpans At(SourceSpan start) => new(start, null, 0, '\0', block: false, multiline: false);

    public SourceSpan Start { get; }

    /// <summary>Where character <paramref name="offset"/> of the value is written.</summary>
    public SourceSpan At(int offset)
    {
        var shift = _quote == '\0' ? 0 : 1;
        if (_block) return Start;
        if (_text is not { } text) return _multiline ? Start : Start.Offset(offset + shift);
        int r = _index + shift, line = Start.Line, column = Start.Column + shift;
        for (var i = 0; i < offset && r < text.Length; i++)
        {
            var c = text[r];
            if (_quote == '"' && c == '\\' && r + 1 < text.Length)
            {
                var width = text[r + 1] switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 };
                r += width;
                column += width;
            }
            else if (_quote == '\'' && c == '\'' && r + 1 < text.Length && text[r + 1] == '\'')
            {
                r += 2;
                column += 2;
            }
            else if (c is ' ' or '\t' or '\r' or '\n' && RunHasLineBreak(text, r))
            {
                // A line break with the spaces around it folds into one character of the value.
                for (; r < text.Length && text[r] is ' ' or '\t' or '\r' or '\n'; r++)
                {
                    if (text[r] == '\n') { line++; column = 1; } else { column++; }
                }
            }
            else
            {
                r++;
                column++;
            }
        }
        return new SourceSpan(Start.Path, line, column);
    }

    private static bool RunHasLineBreak(string text, int r)
    {
        for (; r < text.Length && text[r] is ' ' or '\t' or '\r' or '\n'; r++)
        {
            if (text[r] == '\n') return true;
        }
        return false;
    }

    public bool Equals(ScalarSpans? other) => other is not null;

    public override bool Equals(object? obj) => obj is ScalarSpans;

    public override int GetHashCode() => 0;
}
