using GradingEngine.Diagnostics;
using GradingEngine.Syntax;

namespace GradingEngine.Model;

/// <summary>A condition as written and as parsed, with where each character of it is. A condition is its text.</summary>
public sealed record Condition
{
    // For a condition of a template, the text is the template's with the question id put in: where each of its
    // characters was written in the template's text (one more entry for the end). Null when the text is as written.
    private readonly int[]? _writtenAt;

    internal Condition(string text, Expr syntax, ScalarSpans spans, int[]? writtenAt = null)
    {
        Text = text;
        Syntax = syntax;
        Spans = spans;
        _writtenAt = writtenAt;
    }

    public string Text { get; }

    internal Expr Syntax { get; }

    public ScalarSpans Spans { get; }

    public SourceSpan Span => Spans.Start;

    public SourceSpan SpanAt(int offset) =>
        Spans.At(_writtenAt is { } map ? map[Math.Clamp(offset, 0, map.Length - 1)] : offset);

    public bool Equals(Condition? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}
