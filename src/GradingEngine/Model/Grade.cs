using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>One grade of the scale. Rank 0 is the best grade.</summary>
public sealed record Grade(string Id, string Name, string Definition, int Rank, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
