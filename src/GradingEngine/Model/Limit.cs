using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// A limiting judgement: when the condition holds, the grade is no better (a cap) or no worse (a floor) than the given
/// grade, whatever the table decided. Applied after the table; the trace names it.
/// </summary>
public sealed record Limit(LimitKind Kind, string GradeId, Condition When, string? Because, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>`no-better-than` or `no-worse-than`, as written.</summary>
    public string KindText => Kind switch
    {
        LimitKind.NoBetterThan => "no-better-than",
        LimitKind.NoWorseThan => "no-worse-than",
        _ => throw new System.Diagnostics.UnreachableException(Kind.ToString()),
    };
}
