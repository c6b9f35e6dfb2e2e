using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>A type-checked condition, every name resolved against the rulebook. Compile turns it into expression trees.</summary>
internal abstract record BoundExpr(ValueType Type);

/// <summary>A constant: bool, decimal number, judgement rank (int), or text.</summary>
internal sealed record BoundConstant(ValueType Type, object Value) : BoundExpr(Type);

/// <summary>A lambda variable: one finding, or one question result in a roll-up.</summary>
/// <param name="NamesUnknown">The lambda tests an indicator or area that does not exist (reported where it is written).</param>
internal sealed record ItemVariable(string Name, ItemKind Kind, IReadOnlyList<Indicator> Candidates, bool NamesUnknown = false);

internal enum ItemKind
{
    Finding,
    QuestionResult,
}

internal enum ItemField
{
    Indicator,
    Area,
    Judgement,
    Number,
    Flag,
    QuestionId,
    Grade,
    Kind,

    /// <summary>The judgement of a finding on a numeric scale, as its score.</summary>
    Score,
}

internal sealed record BoundField(ValueType Type, ItemVariable Variable, ItemField Field) : BoundExpr(Type);

/// <summary>
/// A number of the outcome profile, in thresholds and limits: `strengths.count`, `causes-of-concern.weight` (the met
/// criteria of an effect, by its index), `findings.count` (every finding of the question, index -1) or
/// `findings.cause-of-concern` (those of a kind, by its index). In a roll-up, only the findings counts, of the whole
/// inspection. <paramref name="Name"/> is how it is written.
/// </summary>
internal sealed record BoundProfileVariable(ProfileMeasure Measure, int Index, string Name) : BoundExpr(ValueType.Number);

internal enum ProfileMeasure
{
    Count,
    Weight,
    Findings,

    /// <summary>A named value of the question (values.yaml), by its index among the rulebook's value ids; undefined when it has none.</summary>
    Value,
}

/// <summary>
/// A named value read in a condition over a question's findings (a criterion, a requirement, another value): its
/// definition, bound for that question, stands in its place. <paramref name="Index"/> is its position among the rulebook's value ids.
/// </summary>
internal sealed record BoundNamedValue(int Index, string Id, BoundExpr Definition) : BoundExpr(ValueType.Number);

/// <summary>
/// A banded named value (values.yaml `bands`): the band <paramref name="Input"/> falls in gives the value; undefined when
/// the input is, or is below the first band (RuleOps.Band). <paramref name="From"/> increases strictly.
/// </summary>
internal sealed record BoundBands(BoundExpr Input, decimal[] From, decimal[] Values) : BoundExpr(ValueType.Number);

/// <summary>`round(x)`: the nearest whole number, halves away from zero (RuleOps.Round).</summary>
internal sealed record BoundRound(BoundExpr Operand) : BoundExpr(ValueType.Number);

internal sealed record BoundNot(BoundExpr Operand) : BoundExpr(ValueType.Bool);

internal sealed record BoundNegate(BoundExpr Operand) : BoundExpr(ValueType.Number);

internal sealed record BoundBinary(ValueType Type, Syntax.BinaryOp Op, BoundExpr Left, BoundExpr Right) : BoundExpr(Type);

internal sealed record BoundIn(BoundExpr Value, IReadOnlyList<BoundConstant> Items) : BoundExpr(ValueType.Bool);

internal sealed record BoundLambda(ItemVariable Variable, BoundExpr Body);

internal enum AggregateKind
{
    Any,
    All,
    Count,
    Sum,
    Min,
    Max,
    Worst,
    Best,
    Ratio,

    /// <summary>The mean of a number over the items a filter selects; undefined when none match.</summary>
    Mean,

    /// <summary>The scores of the findings a filter selects as a percentage of the most they could score; undefined when none match.</summary>
    Percentage,
}

/// <summary>An aggregate over the items in scope. <see cref="Filter"/> selects; <see cref="Second"/> is the predicate, projection or denominator.</summary>
internal sealed record BoundAggregate(ValueType Type, AggregateKind Kind, BoundLambda Filter, BoundLambda? Second) : BoundExpr(Type);
