namespace GradingEngine.Diagnostics;

/// <summary>
/// Where an item of a source file was written: its first position, its last line, and where each of its
/// fields' values is, so later passes can point at the value itself. Location, not content: any two are
/// equal, so the records that carry one compare by what they say (spans kept out of equality, as in Cedar).
/// </summary>
public sealed class FieldSpans(SourceSpan item, IReadOnlyDictionary<string, SourceSpan> fields, int lastLine = 0) : IEquatable<FieldSpans>
{
    private static readonly Dictionary<string, SourceSpan> NoFields = [];

    /// <summary>An item written at <paramref name="item"/>, with no fields of its own.</summary>
    public static FieldSpans None(SourceSpan item) => new(item, NoFields);

    public SourceSpan Whole { get; } = item;

    /// <summary>The last line of the item in its file (comments and blank lines after it excluded); its first line when unknown.</summary>
    public int LastLine { get; } = Math.Max(lastLine, item.Line);

    public SourceSpan this[string key] => fields.TryGetValue(key, out var span) ? span : Whole;

    public bool Equals(FieldSpans? other) => other is not null;

    public override bool Equals(object? obj) => obj is FieldSpans;

    public override int GetHashCode() => 0;
}
