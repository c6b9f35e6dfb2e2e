using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

internal sealed partial class RulebookChecker
{
    private ConditionContext.Profile ProfileContext => new(_rulebook.Effects, _rulebook.Codebook.Kinds, _rulebook.Values.Ids);

    /// <summary>The context of a condition over a question's findings: its indicators, and its named values.</summary>
    private ConditionContext.Findings FindingsContext(Question question) =>
        new(question, _rulebook.Codebook) { Values = _valueScopes.GetValueOrDefault(question.Id) };

    private void CheckThresholds()
    {
        var grading = _rulebook.QuestionGrading;
        var defaults = BindTable(grading.DefaultThresholds, ProfileContext);
        var overrides = new Dictionary<string, CheckedTable>(StringComparer.Ordinal);
        foreach (var (questionId, table) in grading.QuestionThresholds)
        {
            if (Question(questionId, table.Span) is null) continue;
            overrides[questionId] = BindTable(table, ProfileContext);
        }
        foreach (var question in _rulebook.Questions)
        {
            _thresholds[question.Id] = overrides.GetValueOrDefault(question.Id) ?? defaults;
        }
    }

    /// <summary>Each question's requirements, bound over its own findings: a default list is bound once per question.</summary>
    private void CheckRequirements()
    {
        var grading = _rulebook.QuestionGrading;
        foreach (var (questionId, requirements) in grading.QuestionRequirements)
        {
            if (requirements.Count > 0) Question(questionId, requirements[0].Span);
            else Question(questionId, SourceSpan.FileStart(Path.Combine(_rulebook.Directory, "thresholds.yaml")));
        }
        foreach (var question in _rulebook.Questions)
        {
            var context = FindingsContext(question);
            var bound = new List<CheckedRequirement>();
            foreach (var requirement in grading.RequirementsFor(question.Id))
            {
                if (ConditionBinder.Bind(requirement.When, context, _bag) is { } condition)
                {
                    bound.Add(new CheckedRequirement(bound.Count, requirement, condition));
                }
            }
            _requirements[question.Id] = bound;
        }
    }

    private void CheckLimits()
    {
        var grading = _rulebook.QuestionGrading;
        var defaults = BindLimits(grading.DefaultLimits, ProfileContext);
        var overrides = new Dictionary<string, IReadOnlyList<CheckedLimit>>(StringComparer.Ordinal);
        foreach (var (questionId, limits) in grading.QuestionLimits)
        {
            if (Question(questionId, limits.Count > 0 ? limits[0].Span : SourceSpan.FileStart(Path.Combine(_rulebook.Directory, "thresholds.yaml"))) is null) continue;
            overrides[questionId] = BindLimits(limits, ProfileContext);
        }
        foreach (var question in _rulebook.Questions)
        {
            _limits[question.Id] = overrides.GetValueOrDefault(question.Id) ?? defaults;
        }
    }

    private List<CheckedLimit> BindLimits(IReadOnlyList<Limit> limits, ConditionContext context)
    {
        var bound = new List<CheckedLimit>();
        foreach (var limit in limits)
        {
            var grade = _rulebook.Scale.Find(limit.GradeId);
            if (grade is null)
            {
                _bag.Error(DiagnosticCodes.UnknownGrade, limit.Fields[limit.KindText], $"unknown grade `{limit.GradeId}`",
                    NameSuggester.Help(limit.GradeId, _rulebook.Scale.Grades.Select(g => g.Id)) ??
                    $"grades are: {string.Join(", ", _rulebook.Scale.Grades.Select(g => $"`{g.Id}`"))}");
            }
            var condition = ConditionBinder.Bind(limit.When, context, _bag);
            if (grade is not null && condition is not null)
            {
                bound.Add(new CheckedLimit(bound.Count, limit, grade, condition));
            }
        }
        return bound;
    }

    private void CheckRollup()
    {
        if (_rulebook.Rollup is not { } rollup) return;
        var context = new ConditionContext.QuestionGrades(_rulebook.Questions, _rulebook.Scale.AsJudgementScale(), _rulebook.Codebook.Kinds, _rulebook.Effects);
        var table = BindTable(rollup.Table, context);
        var limits = BindLimits(rollup.Limits, context);
        if (rollup.Ungraded == UngradedPolicy.GradeTheRest && rollup.MinimumGraded > _rulebook.Questions.Count)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, rollup.Fields.Whole, $"`minimum: {rollup.MinimumGraded}` is more than the {_rulebook.Questions.Count} questions of the rulebook",
                "the overall grade could never be given");
        }
        _rollup = new CheckedRollup(table, limits, rollup);
    }

    private CheckedTable BindTable(GradeTable table, ConditionContext context)
    {
        var rules = new List<CheckedGradeRule>();
        var lastRank = -1;
        foreach (var rule in table.Rules)
        {
            var grade = _rulebook.Scale.Find(rule.GradeId);
            if (grade is null)
            {
                _bag.Error(DiagnosticCodes.UnknownGrade, rule.Fields["grade"], $"unknown grade `{rule.GradeId}`",
                    NameSuggester.Help(rule.GradeId, _rulebook.Scale.Grades.Select(g => g.Id)) ??
                    $"grades are: {string.Join(", ", _rulebook.Scale.Grades.Select(g => $"`{g.Id}`"))}");
            }
            else if (grade.Rank < lastRank)
            {
                _bag.Error(DiagnosticCodes.ScaleOrder, rule.Fields["grade"], $"rule for `{grade.Id}` comes after a rule for a worse grade",
                    "order the rules of a table best grade first, as in the scale");
            }
            if (grade is not null) lastRank = Math.Max(lastRank, grade.Rank);
            var bound = rule.When is null ? null : ConditionBinder.Bind(rule.When, context, _bag);
            if (grade is not null && (rule.When is null || bound is not null))
            {
                rules.Add(new CheckedGradeRule(rules.Count, rule, grade, bound));
            }
        }
        for (var i = 0; i < table.Rules.Count - 1; i++)
        {
            if (table.Rules[i].IsFallback)
            {
                _bag.Error(DiagnosticCodes.FallbackNotLast, table.Rules[i].Fields["otherwise"],
                    $"`otherwise` must be the last rule of `{table.Name}`", "rules after it could never apply");
            }
        }
        return new CheckedTable(table, rules);
    }

    private void Analyze()
    {
        if (_provedBefore is not null)
        {
            _bag.AddRange(_proof = _provedBefore);
            return;
        }
        // The proofs report into a bag of their own, so that what they found can be kept apart from the rest.
        var proofs = new DiagnosticBag();
        _analyses.AddRange(TableAnalyzer.AnalyzeThresholds(_rulebook, _criteria, _thresholds, _limits, proofs, values: _values));
        if (_rollup is not null) _analyses.Add(RollupAnalyzer.Analyze(_rulebook, _rollup, _requirements, _analyses, proofs));
        _bag.AddRange(_proof = proofs.ToSortedList());
    }

    /// <summary>
    /// Parts of the framework no evidence can reach: warnings for unread indicators and areas without criteria, and an
    /// error for a question that could only be graded from silence (no criterion, and no threshold or limit counting findings).
    /// </summary>
    private void CheckCoverage()
    {
        // A criterion reads only its own question's indicators (ConditionContext.Findings).
        var read = _readIndicators = CheckedRulebook.ReadByQuestion(_criteria);
        foreach (var indicator in _rulebook.Codebook.Indicators.Where(i => read.GetValueOrDefault(i.QuestionId)?.Contains(i.Id) != true))
        {
            _bag.Warning(DiagnosticCodes.UnusedIndicator, indicator.Fields["id"], $"no criterion reads indicator `{indicator.Id}`",
                "findings coded with it will be listed as not considered");
        }
        foreach (var question in _rulebook.Questions)
        {
            foreach (var area in question.Areas.Where(a => !_rulebook.Criteria.Any(c => c.QuestionId == question.Id && c.AreaId == a.Id)))
            {
                _bag.Warning(DiagnosticCodes.AreaWithoutCriteria, area.Span, $"area `{area.Id}` of `{question.Id}` has no criterion");
            }
            var countsFindings = _thresholds[question.Id].Rules.Select(r => r.Condition).Concat(_limits[question.Id].Select(l => l.Condition))
                .Any(c => c is not null && BoundPrinter.Variables(c).Any(v => v.Measure == ProfileMeasure.Findings));
            if (!_criteria.Any(c => c.Criterion.QuestionId == question.Id) && !countsFindings)
            {
                _bag.Error(DiagnosticCodes.GradedFromSilence, question.Span,
                    $"question `{question.Id}` has no criteria, and its thresholds and limits count no findings: its grade could only come from silence",
                    "add criteria for it in `criteria/`, or grade it on `findings.count` in thresholds.yaml");
            }
        }
    }
}
