using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

/// <summary>A criterion whose condition is bound, with what it reads and what counts as its evidence.</summary>
/// <param name="Effect">The index of its effect among the rulebook's declared effects.</param>
internal sealed record CheckedCriterion(
    int Index,
    Criterion Criterion,
    int Effect,
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

/// <summary>A requirement whose condition is bound over its question's findings.</summary>
internal sealed record CheckedRequirement(int Index, Requirement Requirement, BoundExpr Condition);

/// <summary>A limit whose grade is resolved and whose condition is bound over the profile (or, in the roll-up, the question grades).</summary>
internal sealed record CheckedLimit(int Index, Limit Limit, Grade Grade, BoundExpr Condition);

/// <summary>A named value bound for one question: <paramref name="Index"/> is its position among the rulebook's value ids.</summary>
internal sealed record CheckedValue(int Index, NamedValue Value, BoundExpr Definition);

/// <summary>The roll-up, checked: its table, its limits, and what an ungraded question does.</summary>
internal sealed record CheckedRollup(CheckedTable Table, IReadOnlyList<CheckedLimit> Limits, RollupPolicy Policy);

/// <summary>The output of Check: every name resolved, every condition typed, the tables proven total.</summary>
public sealed class CheckedRulebook
{
    internal CheckedRulebook(
        Rulebook rulebook,
        IReadOnlyList<CheckedCriterion> criteria,
        IReadOnlyDictionary<string, CheckedTable> thresholds,
        IReadOnlyDictionary<string, IReadOnlyList<CheckedRequirement>> requirements,
        IReadOnlyDictionary<string, IReadOnlyList<CheckedLimit>> limits,
        CheckedRollup? rollup,
        IReadOnlyList<TableAnalysis> analyses,
        IReadOnlyList<Diagnostic> warnings)
    {
        Rulebook = rulebook;
        Criteria = criteria;
        Thresholds = thresholds;
        Requirements = requirements;
        Limits = limits;
        Rollup = rollup;
        Analyses = analyses;
        Warnings = warnings;
    }

    /// <summary>The rulebook as written.</summary>
    public Rulebook Rulebook { get; }

    internal IReadOnlyList<CheckedCriterion> Criteria { get; }

    internal IReadOnlyDictionary<string, CheckedTable> Thresholds { get; }

    /// <summary>Per question, the evidence it needs to be graded.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<CheckedRequirement>> Requirements { get; }

    /// <summary>Per question, the limits applied after its table.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<CheckedLimit>> Limits { get; }

    /// <summary>Null when the rulebook has no overall grade.</summary>
    internal CheckedRollup? Rollup { get; }

    /// <summary>What the exhaustive analysis proved of each table: the grades it produces, or that it was too large to try.</summary>
    public IReadOnlyList<TableAnalysis> Analyses { get; }

    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Per question, its named values bound over its findings, in the rulebook's order of value ids.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<CheckedValue>> Values { get; init; } = new Dictionary<string, IReadOnlyList<CheckedValue>>();

    /// <summary>Per question, the indicators its criteria read; a question no criterion reads from is absent.</summary>
    internal IReadOnlyDictionary<string, IReadOnlySet<string>> ReadIndicators { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Per question, the union of its criteria's <see cref="CheckedCriterion.ReadIndicators"/>.</summary>
    internal static Dictionary<string, IReadOnlySet<string>> ReadByQuestion(IEnumerable<CheckedCriterion> criteria)
    {
        var read = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // Criteria over one area or question share its set (RulebookChecker.ReadIndicators): each is added once per question.
        var added = new HashSet<(string, IReadOnlySet<string>)>();
        foreach (var criterion in criteria)
        {
            var question = criterion.Criterion.QuestionId;
            if (!read.TryGetValue(question, out var set)) read[question] = set = new HashSet<string>(StringComparer.Ordinal);
            if (added.Add((question, criterion.ReadIndicators))) set.UnionWith(criterion.ReadIndicators);
        }
        return read.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value, StringComparer.Ordinal);
    }

    internal IEnumerable<CheckedCriterion> CriteriaOf(string questionId) => Criteria.Where(c => c.Criterion.QuestionId == questionId);
}
