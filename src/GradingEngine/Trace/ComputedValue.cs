using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>A named value of a question as computed from its findings; <paramref name="Value"/> is null when it is undefined (a mean of no findings, a division by zero).</summary>
public sealed record ComputedValue(NamedValue Definition, decimal? Value)
{
    /// <summary>The value as reports show it: invariant digits without trailing zeros, or `undefined`.</summary>
    public string Text => Value is { } v ? Numbers.Text(v) : "undefined";
}
