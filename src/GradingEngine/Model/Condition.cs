using GradingEngine.Diagnostics;
using GradingEngine.Load.Conditions;

namespace GradingEngine.Model;

/// <summary>A condition as written (text, where) and as parsed. <see cref="SpanAt"/> locates a character of it.</summary>
public sealed record Condition(string Text, SourceSpan Span, Expr Syntax, Func<int, SourceSpan> SpanAt)
{
    public bool Equals(Condition? other) => other is not null && Text == other.Text && Span == other.Span;

    public override int GetHashCode() => HashCode.Combine(Text, Span);
}
