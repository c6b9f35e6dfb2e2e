using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// One band of a banded named value (values.yaml `bands`): from <paramref name="From"/> (inclusive) up to the next band's
/// `from`, the value is <paramref name="Value"/>. Bands are written in increasing `from`; below the first the value is
/// undefined, so a number no band covers never becomes a score.
/// </summary>
public sealed record ValueBand(decimal From, decimal Value, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>The band <paramref name="input"/> falls in, or null when it is undefined or below the first band.</summary>
    public static ValueBand? Find(IReadOnlyList<ValueBand> bands, decimal? input)
    {
        if (input is not { } x) return null;
        ValueBand? found = null;
        foreach (var band in bands)
        {
            if (band.From > x) break;
            found = band;
        }
        return found;
    }
}
