using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>One row of a threshold or roll-up table: this grade when the condition holds (or otherwise).</summary>
public sealed record GradeRule(string GradeId, Condition? When, string? Because, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    public bool IsFallback => When is null;

    public string ConditionText => When?.Text ?? "otherwise";
}
