using GradingEngine.Check;
using GradingEngine.Trace;
using NRules;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>A rulebook compiled once into an NRules session factory; evaluate any number of inspections with it.</summary>
public sealed class CompiledRulebook(
    CheckedRulebook rulebook,
    ISessionFactory sessions,
    IReadOnlyList<CriterionRuntime> criteria,
    IReadOnlyDictionary<string, EvidenceLayout> evidence,
    int ruleCount,
    ExpressionMode mode)
{
    /// <summary>The rulebook as written.</summary>
    public Rulebook Rulebook { get; } = rulebook.Rulebook;

    /// <summary>The rulebook as checked: bound conditions, tables, analyses.</summary>
    public CheckedRulebook Checked { get; } = rulebook;

    /// <summary>How its expression trees run: interpreted, or emitted as IL (interpreted wherever IL cannot be emitted).</summary>
    public ExpressionMode Mode { get; } = mode;

    internal ISessionFactory Sessions { get; } = sessions;

    public IReadOnlyList<CriterionRuntime> Criteria { get; } = criteria;

    private readonly Dictionary<string, CriterionRuntime[]> _byQuestion = rulebook.Rulebook.Questions.ToDictionary(
        q => q.Id, q => criteria.Where(c => c.Checked.Criterion.QuestionId == q.Id).ToArray(), StringComparer.Ordinal);

    /// <summary>A question's criteria in rulebook order.</summary>
    public IReadOnlyList<CriterionRuntime> CriteriaOf(string questionId) => _byQuestion[questionId];

    /// <summary>
    /// Per question (in rulebook order), each criterion's outcome when it is not met: a result copies this and
    /// puts in the met ones, rather than visiting every criterion (5,000 objects a result would otherwise touch).
    /// </summary>
    internal IReadOnlyList<CriterionOutcome[]> NotMetOutcomes { get; } =
        [.. rulebook.Rulebook.Questions.Select(q => criteria.Where(c => c.Checked.Criterion.QuestionId == q.Id).Select(c => c.NotMet).ToArray())];

    /// <summary>Per criterion index: its question's position in rulebook order, and its own among that question's criteria.</summary>
    internal IReadOnlyList<(int Question, int Position)> Slots { get; } = SlotsOf(rulebook, criteria);

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
    public IReadOnlyDictionary<string, EvidenceLayout> Evidence { get; } = evidence;

    /// <summary>Each question's threshold table as delegates, for what-if questions.</summary>
    public IReadOnlyDictionary<string, GradeTableRuntime> Thresholds { get; } = Runtimes(rulebook.Thresholds, mode);

    public RollupRuntime Rollup { get; } = new(rulebook.Rollup, mode);

    /// <summary>Per question, every indicator some criterion reads: findings of any other indicator are not considered.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ReadIndicators { get; } = rulebook.Rulebook.Questions.ToDictionary(
        q => q.Id,
        q => (IReadOnlySet<string>)rulebook.CriteriaOf(q.Id).SelectMany(c => c.ReadIndicators).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>One runtime per table: questions sharing the default table share its compiled delegates.</summary>
    private static Dictionary<string, GradeTableRuntime> Runtimes(IReadOnlyDictionary<string, CheckedTable> tables, ExpressionMode mode)
    {
        var byTable = new Dictionary<CheckedTable, GradeTableRuntime>(ReferenceEqualityComparer.Instance);
        return tables.ToDictionary(
            t => t.Key,
            t => byTable.TryGetValue(t.Value, out var runtime) ? runtime : byTable[t.Value] = new GradeTableRuntime(t.Value, mode),
            StringComparer.Ordinal);
    }

    /// <summary>How many NRules rules the rulebook became.</summary>
    public int RuleCount { get; } = ruleCount;
}
