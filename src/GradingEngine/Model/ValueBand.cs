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
    public static ValueBand? Find(IReadOnlyList<ValueBand> bands, decimal? input) =>
        input is { } x && IndexOf([.. bands.Select(b => b.From)], x) is var i and >= 0 ? bands[i] : null;

    /// <summary>
    /// The index of the last of <paramref name="from"/> (strictly increasing) at or below <paramref name="x"/>, or -1 below
    /// the first: the one band lookup, for grading (RuleOps.Band) and for the trace.
    /// </summary>
    public static int IndexOf(decimal[] from, decimal x)
    {
        var i = Array.BinarySearch(from, x);
        return i >= 0 ? i : ~i - 1;
    }
}
