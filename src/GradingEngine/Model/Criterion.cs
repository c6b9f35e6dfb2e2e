using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>An evidence criterion: when its condition holds over a question's findings, it is met.</summary>
public sealed record Criterion(
    string Id,
    string QuestionId,
    string AreaId,
    string Title,
    string Rationale,
    Condition When,
    string EffectId,
    int Weight,
    string Message,
    FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
