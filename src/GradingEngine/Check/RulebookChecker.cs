using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

/// <summary>
/// Binds a loaded rulebook and proves its tables total, as an ordered table of named passes.
/// Each pass reports into the same bag so one run lists every problem. The analysis pass only runs
/// on a rulebook that is otherwise error-free, so its findings are never knock-on effects.
/// </summary>
internal sealed partial class RulebookChecker
{
    private readonly Rulebook _rulebook;
    private DiagnosticBag _bag;
    private readonly List<CheckedCriterion> _criteria = [];
    private readonly Dictionary<object, IReadOnlySet<string>> _readSets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, CheckedTable> _thresholds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CheckedRequirement>> _requirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CheckedLimit>> _limits = new(StringComparer.Ordinal);
    private readonly List<TableAnalysis> _analyses = [];
    private readonly Dictionary<string, ValueScope> _valueScopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CheckedValue>> _values = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlySet<string>>? _readIndicators;
    private CheckedRollup? _rollup;
    private IReadOnlyList<Diagnostic>? _provedBefore;
    private IReadOnlyList<Diagnostic>? _proof;

    private RulebookChecker(Rulebook rulebook, DiagnosticBag bag)
    {
        _rulebook = rulebook;
        _bag = bag;
    }

    private IReadOnlyList<(string Name, Action Run)> Passes =>
    [
        ("scale", CheckScale),
        ("effects", CheckEffects),
        ("questions", CheckQuestions),
        ("codebook", CheckCodebook),
        ("values", CheckValues),
        ("criteria", CheckCriteria),
        ("thresholds", CheckThresholds),
        ("requirements", CheckRequirements),
        ("limits", CheckLimits),
        ("value use", CheckValueUse),
        ("rollup", CheckRollup),
        ("coverage", CheckCoverage),
        ("analysis", Analyze),
    ];

    /// <summary>Checks <paramref name="rulebook"/>; <paramref name="bag"/> may already hold load errors.</summary>
    /// <param name="analyze">Also prove the tables and the roll-up (the analysis pass); without it the rulebook is bound and
    /// typed only, and has no analyses.</param>
    public static CheckedRulebook? Check(Rulebook rulebook, DiagnosticBag bag, bool analyze = true) =>
        Check(rulebook, bag, analyze, null, out _);

    /// <summary>
    /// Checks <paramref name="rulebook"/>, taking the proofs' diagnostics from <paramref name="provedBefore"/> when given
    /// (a proof kept for this content: the analysis pass is not run, and the result has no analyses), else running them.
    /// <paramref name="proof"/> is what the proofs found, or null when the analysis pass was not reached.
    /// </summary>
    public static CheckedRulebook? Check(Rulebook rulebook, DiagnosticBag bag, IReadOnlyList<Diagnostic>? provedBefore, out IReadOnlyList<Diagnostic>? proof) =>
        Check(rulebook, bag, analyze: true, provedBefore, out proof);

    private static CheckedRulebook? Check(Rulebook rulebook, DiagnosticBag bag, bool analyze, IReadOnlyList<Diagnostic>? provedBefore, out IReadOnlyList<Diagnostic>? proof)
    {
        var checker = new RulebookChecker(rulebook, bag) { _provedBefore = provedBefore };
        // Without questions or grades (rulebook.yaml did not load) every reference would be an echo of that error.
        var headless = bag.HasErrors && (rulebook.Questions.Count == 0 || rulebook.Scale.Grades.Count == 0);
        foreach (var (name, run) in checker.Passes)
        {
            if (headless && name is not ("scale" or "questions")) break;
            // Coverage and analysis read the whole rulebook: on a broken one they would only echo its errors.
            if (name is "coverage" or "analysis" && bag.HasErrors) break;
            if (name == "analysis" && !analyze) break;
            run();
        }
        proof = checker._proof;
        if (bag.HasErrors) return null;
        return new CheckedRulebook(rulebook, checker._criteria, checker._thresholds, checker._requirements, checker._limits, checker._rollup,
            checker._analyses, bag.ToSortedList().Where(d => !d.IsError).ToList()) { Values = checker._values, ReadIndicators = checker._readIndicators ?? CheckedRulebook.ReadByQuestion(checker._criteria) };
    }

    private void Duplicates<T>(IEnumerable<T> items, Func<T, string> id, Func<T, SourceSpan> span, string what)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.TryAdd(id(item), span(item)))
            {
                var first = seen[id(item)];
                _bag.Error(DiagnosticCodes.DuplicateId, span(item), $"duplicate {what} id `{id(item)}`", $"first defined at {first}");
            }
        }
    }

    private void CheckScale()
    {
        Duplicates(_rulebook.Scale.Grades, g => g.Id, g => g.Span, "grade");
        foreach (var grade in _rulebook.Scale.Grades.Where(g => g.Id == Model.ProposedGrades.NotGradedId))
        {
            // Proposed and expected grades, batch and JSON use `not-graded` for a question without enough evidence.
            _bag.Error(DiagnosticCodes.InvalidId, grade.Span, "a grade cannot be called `not-graded`",
                "`not-graded` names the outcome of a question without enough evidence; declare that with `requires:` in thresholds.yaml");
        }
    }

    private void CheckQuestions()
    {
        Duplicates(_rulebook.Questions, q => q.Id, q => q.Span, "question");
        foreach (var question in _rulebook.Questions.Where(q => q.Id == Model.ProposedGrades.OverallKey))
        {
            // Proposed and expected grades use `overall` for the overall judgement.
            _bag.Error(DiagnosticCodes.InvalidId, question.Span, "a question cannot be called `overall`", "`overall` names the overall judgement in proposed grades");
        }
        foreach (var question in _rulebook.Questions)
        {
            Duplicates(question.Areas, a => a.Id, a => a.Span, "area");
        }
    }

    private Question? Question(string id, SourceSpan span)
    {
        var question = _rulebook.FindQuestion(id);
        if (question is null)
        {
            _bag.Error(DiagnosticCodes.UnknownQuestion, span, $"unknown question `{id}`", NameSuggester.Help(id, _rulebook.Questions.Select(q => q.Id)));
        }
        return question;
    }

    private void Area(Question question, string id, SourceSpan span)
    {
        if (question.FindArea(id) is null)
        {
            _bag.Error(DiagnosticCodes.UnknownArea, span, $"question `{question.Id}` has no area `{id}`",
                NameSuggester.Help(id, question.Areas.Select(a => a.Id)) ?? $"areas of `{question.Id}` are: {string.Join(", ", question.Areas.Select(a => $"`{a.Id}`"))}");
        }
    }

    private void CheckCodebook()
    {
        Duplicates(_rulebook.Codebook.Scales, s => s.Id, s => s.Span, "scale");
        Duplicates(_rulebook.Codebook.Kinds, k => k.Id, k => k.Span, "kind");
        Duplicates(_rulebook.Codebook.Indicators, i => i.Id, i => i.Span, "indicator");
        var kinds = _rulebook.Codebook.Kinds.Select(k => k.Id).ToList();
        foreach (var indicator in _rulebook.Codebook.Indicators)
        {
            if (Question(indicator.QuestionId, indicator.Fields["question"]) is { } question)
            {
                Area(question, indicator.AreaId, indicator.Fields["area"]);
            }
            foreach (var kind in indicator.Kinds.Where(k => !kinds.Contains(k)))
            {
                _bag.Error(DiagnosticCodes.UnknownKind, indicator.Fields["kinds"], $"indicator `{indicator.Id}` allows kind `{kind}`, which the codebook does not declare",
                    kinds.Count == 0 ? "declare it under `kinds:` in codebook.yaml" : NameSuggester.Help(kind, kinds) ?? $"kinds are: {string.Join(", ", kinds.Select(k => $"`{k}`"))}");
            }
        }
    }

    /// <summary>What met criteria contribute: declared once (the loader requires the list), each with a distinct id and plural.</summary>
    private void CheckEffects()
    {
        Duplicates(_rulebook.Effects, e => e.Id, e => e.Fields["id"], "effect");
        Duplicates(_rulebook.Effects, e => e.Plural, e => e.Fields["plural"], "effect plural");
        foreach (var effect in _rulebook.Effects.Where(e => e.Plural == Binding.ConditionContext.Profile.FindingsName))
        {
            _bag.Error(DiagnosticCodes.InvalidId, effect.Fields["plural"], $"`{effect.Plural}` names the question's findings in thresholds",
                "give the effect another plural");
        }
    }
}
