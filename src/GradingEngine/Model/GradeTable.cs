using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>An ordered table of grade rules, read top-down, first match wins.</summary>
public sealed record GradeTable(string Name, IReadOnlyList<GradeRule> Rules, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
