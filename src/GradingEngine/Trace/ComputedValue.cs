using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// A named value of a question as computed from its findings; <paramref name="Value"/> is null when it is undefined (a
/// mean of no findings, a division by zero, a banded value's input below its first band). For a banded value,
/// <paramref name="Input"/> is the number its band was found for.
/// </summary>
public sealed record ComputedValue(NamedValue Definition, decimal? Value, decimal? Input = null)
{
    /// <summary>The value as reports show it: invariant digits without trailing zeros, or `undefined`.</summary>
    public string Text => Value is { } v ? Numbers.Text(v) : "undefined";

    /// <summary>The band the input fell in; null for a value without bands, or when its input is undefined or below every band.</summary>
    public ValueBand? Band => Definition.Bands.Count > 0 ? ValueBand.Find(Definition.Bands, Input) : null;

    /// <summary>The input as reports show it, or `undefined`; only for a banded value.</summary>
    public string InputText => Input is { } i ? Numbers.Text(i) : "undefined";
}
