using GradingEngine.Check;
using GradingEngine.Trace;
using NRules;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>A rulebook compiled once into an NRules session factory; evaluate any number of inspections with it.</summary>
/// <remarks>An opaque handle outside the engine: what it holds is the engine's own.</remarks>
public sealed class CompiledRulebook
{
    internal CompiledRulebook(
        CheckedRulebook rulebook,
        ISessionFactory sessions,
        IReadOnlyList<CriterionRuntime> criteria,
        IReadOnlyDictionary<string, EvidenceLayout> evidence,
        int ruleCount,
        ExpressionMode mode)
    {
        Rulebook = rulebook.Rulebook;
        Checked = rulebook;
        Mode = mode;
        Sessions = sessions;
        Criteria = criteria;
        _byQuestion = rulebook.Rulebook.Questions.ToDictionary(
            q => q.Id, q => criteria.Where(c => c.Checked.Criterion.QuestionId == q.Id).ToArray(), StringComparer.Ordinal);
        NotMetOutcomes = [.. rulebook.Rulebook.Questions.Select(q => _byQuestion[q.Id].Select(c => c.NotMet).ToArray())];
        Slots = SlotsOf(rulebook, criteria);
        Evidence = evidence;
        Thresholds = Runtimes(rulebook, mode);
        Requirements = rulebook.Requirements.ToDictionary(
            r => r.Key, r => (IReadOnlyList<RequirementRuntime>)[.. r.Value.Select(x => new RequirementRuntime(x, mode))], StringComparer.Ordinal);
        Rollup = rulebook.Rollup is { } rollup ? new RollupRuntime(rollup, mode) : null;
        ReadIndicators = rulebook.Rulebook.Questions.ToDictionary(
            q => q.Id, q => rulebook.ReadIndicators.GetValueOrDefault(q.Id) ?? new HashSet<string>(), StringComparer.Ordinal);
        RuleCount = ruleCount;
    }

    /// <summary>The rulebook as written.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The rulebook as checked: bound conditions, tables, analyses.</summary>
    public CheckedRulebook Checked { get; }

    /// <summary>How its expression trees run: interpreted, or emitted as IL (interpreted wherever IL cannot be emitted).</summary>
    public ExpressionMode Mode { get; }

    internal ISessionFactory Sessions { get; }

    internal IReadOnlyList<CriterionRuntime> Criteria { get; }

    private readonly Dictionary<string, CriterionRuntime[]> _byQuestion;

    /// <summary>A question's criteria in rulebook order.</summary>
    internal IReadOnlyList<CriterionRuntime> CriteriaOf(string questionId) => _byQuestion[questionId];

    /// <summary>
    /// Per question (in rulebook order), each criterion's outcome when it is not met: a result copies this and
    /// puts in the met ones, rather than visiting every criterion of a large rulebook.
    /// </summary>
    internal IReadOnlyList<CriterionOutcome[]> NotMetOutcomes { get; }

    /// <summary>Per criterion index: its question's position in rulebook order, and its own among that question's criteria.</summary>
    internal IReadOnlyList<(int Question, int Position)> Slots { get; }

    private static (int, int)[] SlotsOf(CheckedRulebook rulebook, IReadOnlyList<CriterionRuntime> criteria)
    {
        var questions = rulebook.Rulebook.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var counts = new int[questions.Count];
        var slots = new (int, int)[criteria.Count];
        foreach (var c in criteria)
        {
            var question = questions[c.Checked.Criterion.QuestionId];
            slots[c.Checked.Index] = (question, counts[question]++);
        }
        return slots;
    }

    /// <summary>Per question, how its findings are gathered into the sources its criteria read.</summary>
    internal IReadOnlyDictionary<string, EvidenceLayout> Evidence { get; }

    /// <summary>Each question's threshold table and limits as delegates: the limits decide here, and what-if questions ask.</summary>
    internal IReadOnlyDictionary<string, GradeTableRuntime> Thresholds { get; }

    /// <summary>Each question's evidence requirements as delegates over its findings.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<RequirementRuntime>> Requirements { get; }

    /// <summary>Null when the rulebook has no overall grade.</summary>
    internal RollupRuntime? Rollup { get; }

    /// <summary>Per question, every indicator some criterion reads: findings of any other indicator are not considered.</summary>
    internal IReadOnlyDictionary<string, IReadOnlySet<string>> ReadIndicators { get; }

    /// <summary>One runtime per table and list of limits: questions sharing the defaults share their compiled delegates.</summary>
    private static Dictionary<string, GradeTableRuntime> Runtimes(CheckedRulebook rulebook, ExpressionMode mode)
    {
        var shared = new Dictionary<(CheckedTable, IReadOnlyList<CheckedLimit>), GradeTableRuntime>();
        return rulebook.Thresholds.ToDictionary(
            t => t.Key,
            t =>
            {
                var key = (t.Value, rulebook.Limits[t.Key]);
                return shared.TryGetValue(key, out var runtime) ? runtime : shared[key] = new GradeTableRuntime(t.Value, key.Item2, mode);
            },
            StringComparer.Ordinal);
    }

    /// <summary>Per question, its named values as delegates over its evidence.</summary>
    internal IReadOnlyDictionary<string, ValuesRuntime> Values { get; init; } = new Dictionary<string, ValuesRuntime>();

    /// <summary>
    /// The indicators it was compiled for, or null for any: criteria reading none of them are not rules, and an
    /// inspection with a finding of another indicator cannot be graded with it (<see cref="Covers"/>).
    /// </summary>
    internal IReadOnlySet<string>? Indicators { get; init; }

    /// <summary>Per question (in rulebook order), the criteria left out as rules (see <see cref="Indicators"/>) that are met over no findings.</summary>
    internal IReadOnlyList<CriterionRuntime[]> MetWithoutFindings { get; init; } = [];

    /// <summary>Whether every finding of <paramref name="inspection"/> has an indicator it was compiled for.</summary>
    internal bool Covers(Inspection inspection) =>
        Indicators is null || inspection.Findings.All(f => Indicators.Contains(f.IndicatorId));

    /// <summary>How many NRules rules the rulebook became.</summary>
    public int RuleCount { get; }
}
