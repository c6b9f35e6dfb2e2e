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

    /// <summary>Where character <paramref name="offset"/> of the value is, when the value is on one line.</summary>
    public SourceSpan SpanAt(int offset) =>
        Kind == ScalarKind.Block || Value.Contains('\n') ? Span : Span.Offset(offset + (Kind == ScalarKind.Quoted ? 1 : 0));

    public override string KindName => IsNull ? "nothing" : "a scalar";

    /// <summary>An empty plain scalar, `~` or `null`: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
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
