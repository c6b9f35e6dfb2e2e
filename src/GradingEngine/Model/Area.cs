using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>A sub-question of a question: how the report is organised.</summary>
public sealed record Area(string Id, string Title, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
