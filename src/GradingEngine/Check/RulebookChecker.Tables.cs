using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

internal sealed partial class RulebookChecker
{
    private void CheckThresholds()
    {
        var defaults = BindTable(_rulebook.DefaultThresholds, new ConditionContext.Profile());
        var overrides = new Dictionary<string, CheckedTable>(StringComparer.Ordinal);
        foreach (var (questionId, table) in _rulebook.QuestionThresholds)
        {
            if (Question(questionId, table.Span) is null) continue;
            overrides[questionId] = BindTable(table, new ConditionContext.Profile());
        }
        foreach (var question in _rulebook.Questions)
        {
            _thresholds[question.Id] = overrides.GetValueOrDefault(question.Id) ?? defaults;
        }
    }

    private void CheckRollup() =>
        _rollup = BindTable(_rulebook.Rollup, new ConditionContext.QuestionGrades(_rulebook.Questions, _rulebook.Scale.AsJudgementScale()));

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
        _analyses.AddRange(TableAnalyzer.AnalyzeThresholds(_rulebook, _thresholds, _bag, _mergeProfileClasses));
        _analyses.Add(RollupAnalyzer.Analyze(_rulebook, _rollup!, _bag));
    }

    /// <summary>Warnings for parts of the framework no evidence can reach.</summary>
    private void CheckCoverage()
    {
        var read = _criteria.SelectMany(c => c.ReadIndicators).ToHashSet(StringComparer.Ordinal);
        foreach (var indicator in _rulebook.Codebook.Indicators.Where(i => !read.Contains(i.Id)))
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
        }
    }
}
