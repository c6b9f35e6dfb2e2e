using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>One coded piece of evidence. Exactly one of judgement, number or flag is set, per the indicator.</summary>
public sealed record Finding(
    string Id,
    string QuestionId,
    string IndicatorId,
    string? Judgement,
    decimal? Number,
    bool? Flag,
    string Quote,
    string Source,
    FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>The kind the inspector gave the finding (a cause of concern, ...), or null when none.</summary>
    public string? Kind { get; init; }

    /// <summary>The judgement or value as the user wrote it, for messages and reports.</summary>
    public string ValueText =>
        Judgement ?? (Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Flag is { } f ? (f ? "yes" : "no") : "");

    /// <summary>Where the quote was found in the declared report; null when the findings declare no report.</summary>
    public QuoteLocation? QuoteAt { get; init; }
}
