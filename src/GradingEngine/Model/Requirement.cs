using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>What counts as enough evidence to grade a question: a condition over its findings, and why it matters.</summary>
public sealed record Requirement(Condition When, string Because, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
