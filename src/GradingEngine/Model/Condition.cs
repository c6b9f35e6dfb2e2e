using GradingEngine.Diagnostics;
using GradingEngine.Syntax;

namespace GradingEngine.Model;

/// <summary>A condition as written and as parsed, with where each character of it is. A condition is its text.</summary>
public sealed record Condition
{
    internal Condition(string text, Expr syntax, ScalarSpans spans)
    {
        Text = text;
        Syntax = syntax;
        Spans = spans;
    }

    public string Text { get; }

    internal Expr Syntax { get; }

    public ScalarSpans Spans { get; }

    public SourceSpan Span => Spans.Start;

    public SourceSpan SpanAt(int offset) => Spans.At(offset);

    public bool Equals(Condition? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}
