using GradingEngine.Diagnostics;

namespace GradingEngine.Load.Yaml;

/// <summary>A YAML node with the position it came from. Aliases resolve to the anchored node.</summary>
internal abstract record YNode(SourceSpan Span)
{
    /// <summary>How the user would call this kind of node, for error messages.</summary>
    public abstract string KindName { get; }
}

internal enum ScalarKind
{
    Plain,
    Quoted,
    Block,
}

internal sealed record YScalar(SourceSpan Span, string Value, ScalarKind Kind) : YNode(Span)
{
    public bool IsPlain => Kind == ScalarKind.Plain;

    public override string KindName => IsNull ? "nothing" : "a scalar";

    /// <summary>An empty plain scalar, `~` or `null`: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    // Two fields rather than a nullable tuple: a scalar is 56 bytes instead of 72, and a large rulebook has hundreds of
    // thousands of them (a quarter of what loading 10,000 criteria allocated).
    private readonly string? _sourceText;
    private readonly int _sourceIndex;

    /// <summary>The whole file's text and where this scalar starts in it, to locate characters of the value.</summary>
    internal (string Text, int Index)? Source
    {
        get => _sourceText is null ? null : (_sourceText, _sourceIndex);
        init => (_sourceText, _sourceIndex) = value is { } source ? (source.Text, source.Index) : (null, 0);
    }

    /// <summary>Where each character of the value is written.</summary>
    public ScalarSpans Spans => Source is { } source
        ? new ScalarSpans(Span, source.Text, source.Index, Kind == ScalarKind.Quoted ? source.Text[source.Index] : '\0', Kind == ScalarKind.Block, Value.Contains('\n'))
        : new ScalarSpans(Span, null, 0, Kind == ScalarKind.Quoted ? '"' : '\0', Kind == ScalarKind.Block, Value.Contains('\n'));

    /// <summary>Where character <paramref name="offset"/> of the value is written.</summary>
    public SourceSpan SpanAt(int offset) => Spans.At(offset);
}

internal sealed record YEntry(YScalar Key, YNode Value);

internal sealed record YMapping(SourceSpan Span, IReadOnlyList<YEntry> Entries) : YNode(Span)
{
    /// <summary>The mapping's last line in its file, comments and blank lines after it excluded.</summary>
    public int LastLine { get; init; }

    public override string KindName => "a mapping";
}

internal sealed record YSequence(SourceSpan Span, IReadOnlyList<YNode> Items) : YNode(Span)
{
    public override string KindName => "a list";
}
