namespace GradingEngine.Diagnostics;

/// <summary>Where each field of a mapping's value was written, so later passes can point at the value itself.</summary>
public sealed class FieldSpans(SourceSpan item, IReadOnlyDictionary<string, SourceSpan> fields)
{
    public static FieldSpans None(SourceSpan item) => new(item, new Dictionary<string, SourceSpan>());

    public SourceSpan Whole { get; } = item;

    public SourceSpan this[string key] => fields.TryGetValue(key, out var span) ? span : Whole;
}
