using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Compile.Runtime;
using GradingEngine.Evaluate;
using GradingEngine.Model;

namespace GradingEngine.Rollup;

/// <summary>Turns the facts of a session into a <see cref="GradingResult"/>, in rulebook order, independent of firing order.</summary>
public static class ResultBuilder
{
    public static GradingResult Build(CompiledRulebook compiled, Evaluation evaluation)
    {
        var rulebook = compiled.Rulebook.Rulebook;
        var met = new CriterionMet?[compiled.Criteria.Count];
        foreach (var m in evaluation.Met) met[m.CriterionIndex] = m;
        var questions = new List<QuestionResult>();
        foreach (var question in rulebook.Questions)
        {
            var fact = evaluation.QuestionGrades.Single(g => g.QuestionId == question.Id);
            var table = compiled.Rulebook.Thresholds[question.Id];
            var runtimes = compiled.CriteriaOf(question.Id);
            var criteria = new CriterionOutcome[runtimes.Count];
            for (var i = 0; i < criteria.Length; i++)
            {
                var runtime = runtimes[i];
                criteria[i] = met[runtime.Criterion.Index] is { } m ? Outcome(runtime, m) : runtime.NotMet;
            }
            questions.Add(new QuestionResult(question, Decision(table, fact.RuleIndex, ProfileValues(fact.Profile)), criteria));
        }
        var overall = Decision(compiled.Rulebook.Rollup, evaluation.Overall.RuleIndex,
            rulebook.Scale.Grades.Select(g => KeyValuePair.Create(g.Id, evaluation.QuestionGrades.Count(q => q.Rank == g.Rank))).ToList());
        var notConsidered = evaluation.Findings
            .Where(f => !compiled.ReadIndicators[f.QuestionId].Contains(f.IndicatorId))
            .Select(f => f.Finding)
            .ToList();
        return new GradingResult(rulebook, evaluation.Inspection, questions, overall, notConsidered);
    }

    private static GradeDecision Decision(CheckedTable table, int ruleIndex, IReadOnlyList<KeyValuePair<string, int>> values)
    {
        var row = table.Rules[ruleIndex];
        return new GradeDecision(row.Grade, row.Rule, ruleIndex, table.Table.Name, values);
    }

    public static IReadOnlyList<KeyValuePair<string, int>> ProfileValues(OutcomeProfile profile) =>
        EffectNames.All.SelectMany(e => new[]
        {
            KeyValuePair.Create(e.ProfileName() + ".count", profile.Count(e)),
            KeyValuePair.Create(e.ProfileName() + ".weight", profile.Weight(e)),
        }).ToList();

    private static CriterionOutcome Outcome(CriterionRuntime runtime, CriterionMet met)
    {
        var criterion = runtime.Criterion.Criterion;
        var evidence = met.Witnesses.Select(w => w.Finding).ToList();
        return new CriterionOutcome(criterion, true, evidence, runtime.Message.Format(evidence, met.Representative?.Finding));
    }
}
