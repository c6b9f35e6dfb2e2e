using GradingEngine.Compile;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

internal static class Validator
{
    /// <summary>Compares every grade the inspector proposed (questions in rulebook order, then overall).</summary>
    public static Validation Validate(CompiledRulebook compiled, GradingResult result, ProposedGrades proposed)
    {
        var scale = result.Rulebook.Scale;
        var comparisons = new List<GradeComparison>();
        foreach (var question in result.Questions)
        {
            if (!proposed.Grades.TryGetValue(question.Question.Id, out var p)) continue;
            var target = scale.Find(p.GradeId);
            var alternatives = target is null || target.Id == question.Grade?.Id ? [] : Counterfactuals.ForQuestion(compiled, question, target, result.Inspection);
            comparisons.Add(new GradeComparison(question.Question.Id, target, question.Grade, question.Decision, question.NotGraded, alternatives, []));
        }
        if (result.HasOverall && proposed.Grades.TryGetValue(ProposedGrades.OverallKey, out var o))
        {
            var target = scale.Find(o.GradeId);
            var computed = result.Overall?.Grade;
            var alternatives = target is null || target.Id == computed?.Id ? [] : Counterfactuals.ForOverall(compiled, result, target);
            comparisons.Add(new GradeComparison(ProposedGrades.OverallKey, target, computed, result.Overall, result.OverallNotGraded, [], alternatives));
        }
        return new Validation(result, comparisons);
    }
}
