using System.Diagnostics;
using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>A codebook entry: what a finding may be about, and the type of its judgement or value.</summary>
public sealed record Indicator(
    string Id,
    string QuestionId,
    string AreaId,
    string Description,
    IndicatorType Type,
    JudgementScale? Scale,
    string? Unit,
    FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>The kinds a finding of this indicator may carry; empty when any declared kind may.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>
    /// At most one finding of this indicator per inspection (codebook `once: true`): a score given per quality statement,
    /// which a second finding would count twice.
    /// </summary>
    public bool Once { get; init; }

    public bool Allows(string kind) => Kinds.Count == 0 || Kinds.Contains(kind, StringComparer.Ordinal);

    public string TypeName => Type switch
    {
        IndicatorType.Judgement => $"judgement on scale `{Scale?.Id}`",
        IndicatorType.Number => "number",
        IndicatorType.YesNo => "yes-no",
        _ => throw new UnreachableException(Type.ToString()),
    };
}
