using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// What a met criterion contributes to its question's outcome profile, as the rulebook declares it: thresholds read
/// `<plural>.count` and `<plural>.weight`, reports head its criteria with the title, and the text report marks them
/// with the symbol.
/// </summary>
public sealed record Effect(string Id, string Plural, string Title, Direction Direction, string Symbol, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
