using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// A number computed once per question from its findings (values.yaml), read by name in criteria, requirements,
/// thresholds and limits, and shown with its value in every trace. Its definition is an expression of the condition
/// language that gives a number; with <see cref="Bands"/>, that number is the input and the value is the band it
/// falls in (empty: the definition's number is the value).
/// </summary>
/// <param name="Direction">Which way a higher value should move a grade, when the rulebook says (`rules check` then
/// holds the thresholds to it); null when it does not, and monotonicity in the value is not checked.</param>
public sealed record NamedValue(string Id, string Title, Condition Definition, Direction? Direction, FieldSpans Fields)
{
    public IReadOnlyList<ValueBand> Bands { get; init; } = [];

    public SourceSpan Span => Fields.Whole;
}
