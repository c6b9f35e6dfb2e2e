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

    /// <summary>The template it was written in, with the question id put in its place; null for a criterion written out.</summary>
    public TemplateOrigin? Template { get; init; }
}
