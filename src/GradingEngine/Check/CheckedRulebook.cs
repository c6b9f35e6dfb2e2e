using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

/// <summary>A criterion whose condition is bound, with what it reads and what counts as its evidence.</summary>
internal sealed record CheckedCriterion(
    int Index,
    Criterion Criterion,
    BoundExpr Condition,
    IReadOnlyList<WitnessSource> Witnesses,
    IReadOnlySet<string> ReadIndicators);

/// <summary>
/// A top-level aggregate of a criterion. When the criterion is met, findings matching a positive
/// aggregate's filter are its evidence; for an aggregate under `not`, the findings it examined are.
/// </summary>
internal sealed record WitnessSource(BoundAggregate Aggregate, bool Positive)
{
    public BoundLambda Filter => Aggregate.Filter;
}

internal sealed record CheckedGradeRule(int Index, GradeRule Rule, Grade Grade, BoundExpr? Condition);

internal sealed record CheckedTable(GradeTable Table, IReadOnlyList<CheckedGradeRule> Rules);

/// <summary>The output of Check: every name resolved, every condition typed, the tables proven total.</summary>
public sealed class CheckedRulebook
{
    internal CheckedRulebook(
        Rulebook rulebook,
        IReadOnlyList<CheckedCriterion> criteria,
        IReadOnlyDictionary<string, CheckedTable> thresholds,
        CheckedTable rollup,
        IReadOnlyList<TableAnalysis> analyses,
        IReadOnlyList<Diagnostic> warnings)
    {
        Rulebook = rulebook;
        Criteria = criteria;
        Thresholds = thresholds;
        Rollup = rollup;
        Analyses = analyses;
        Warnings = warnings;
    }

    /// <summary>The rulebook as written.</summary>
    public Rulebook Rulebook { get; }

    internal IReadOnlyList<CheckedCriterion> Criteria { get; }

    internal IReadOnlyDictionary<string, CheckedTable> Thresholds { get; }

    internal CheckedTable Rollup { get; }

    /// <summary>What the exhaustive analysis proved of each table: the grades it produces, or that it was too large to try.</summary>
    public IReadOnlyList<TableAnalysis> Analyses { get; }

    public IReadOnlyList<Diagnostic> Warnings { get; }

    internal IEnumerable<CheckedCriterion> CriteriaOf(string questionId) => Criteria.Where(c => c.Criterion.QuestionId == questionId);
}
