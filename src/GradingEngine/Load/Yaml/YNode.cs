using GradingEngine.Diagnostics;

namespace GradingEngine.Load.Yaml;

/// <summary>A YAML node with the position it came from. Aliases resolve to the anchored node.</summary>
public abstract record YNode(SourceSpan Span)
{
    /// <summary>How the user would call this kind of node, for error messages.</summary>
    public abstract string KindName { get; }
}

public enum ScalarKind
{
    Plain,
    Quoted,
    Block,
}

public sealed record YScalar(SourceSpan Span, string Value, ScalarKind Kind) : YNode(Span)
{
    public bool IsPlain => Kind == ScalarKind.Plain;

    public override string KindName => IsNull ? "nothing" : "a scalar";

    /// <summary>An empty plain scalar, `~` or `null`: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The whole file's text and where this scalar starts in it, to locate characters of the value.</summary>
    internal (string Text, int Index)? Source { get; init; }

    /// <summary>
    /// Where character <paramref name="offset"/> of the value is written. Walks the source so that
    /// escapes (`\"`, `''`) and values folded over several lines still point at the right place;
    /// block scalars (`|`, `>`) give the scalar's start.
    /// </summary>
    public SourceSpan SpanAt(int offset)
    {
        var shift = Kind == ScalarKind.Quoted ? 1 : 0;
        if (Kind == ScalarKind.Block) return Span;
        if (Source is not { } source) return Value.Contains('\n') ? Span : Span.Offset(offset + shift);
        var text = source.Text;
        var quote = Kind == ScalarKind.Quoted ? text[source.Index] : '\0';
        int r = source.Index + shift, line = Span.Line, column = Span.Column + shift;
        for (var i = 0; i < offset && r < text.Length; i++)
        {
            var c = text[r];
            if (quote == '"' && c == '\\' && r + 1 < text.Length)
            {
                var width = text[r + 1] switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 };
                r += width;
                column += width;
            }
            else if (quote == '\'' && c == '\'' && r + 1 < text.Length && text[r + 1] == '\'')
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
        return new SourceSpan(Span.Path, line, column);
    }

    private static bool RunHasLineBreak(string text, int r)
    {
        for (; r < text.Length && text[r] is ' ' or '\t' or '\r' or '\n'; r++)
        {
            if (text[r] == '\n') return true;
        }
        return false;
    }
}

public sealed record YEntry(YScalar Key, YNode Value);

public sealed record YMapping(SourceSpan Span, IReadOnlyList<YEntry> Entries) : YNode(Span)
{
    public override string KindName => "a mapping";
}

public sealed record YSequence(SourceSpan Span, IReadOnlyList<YNode> Items) : YNode(Span)
{
    public override string KindName => "a list";
}
