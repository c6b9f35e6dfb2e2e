using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

/// <summary>A criterion whose condition is bound, with what it reads and what counts as its evidence.</summary>
public sealed record CheckedCriterion(
    int Index,
    Criterion Criterion,
    BoundExpr Condition,
    IReadOnlyList<WitnessSource> Witnesses,
    IReadOnlySet<string> ReadIndicators);

/// <summary>
/// A top-level aggregate of a criterion. When the criterion is met, findings matching a positive
/// aggregate's filter are its evidence; for an aggregate under `not`, the findings it examined are.
/// </summary>
public sealed record WitnessSource(BoundAggregate Aggregate, bool Positive)
{
    public BoundLambda Filter => Aggregate.Filter;
}

public sealed record CheckedGradeRule(int Index, GradeRule Rule, Grade Grade, BoundExpr? Condition);

public sealed record CheckedTable(GradeTable Table, IReadOnlyList<CheckedGradeRule> Rules);

/// <summary>The output of Check: every name resolved, every condition typed, the tables proven total.</summary>
public sealed record CheckedRulebook(
    Rulebook Rulebook,
    IReadOnlyList<CheckedCriterion> Criteria,
    IReadOnlyDictionary<string, CheckedTable> Thresholds,
    CheckedTable Rollup,
    IReadOnlyList<TableAnalysis> Analyses,
    IReadOnlyList<Diagnostic> Warnings)
{
    public IEnumerable<CheckedCriterion> CriteriaOf(string questionId) => Criteria.Where(c => c.Criterion.QuestionId == questionId);
}
