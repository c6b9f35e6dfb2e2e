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
        // Every criterion starts not met; then each met one takes its place.
        var outcomes = compiled.NotMetOutcomes.Select(o => (CriterionOutcome[])o.Clone()).ToArray();
        foreach (var m in evaluation.Met)
        {
            var (question, position) = compiled.Slots[m.CriterionIndex];
            outcomes[question][position] = Outcome(compiled.Criteria[m.CriterionIndex], m);
        }
        var questions = new List<QuestionResult>();
        for (var q = 0; q < rulebook.Questions.Count; q++)
        {
            var question = rulebook.Questions[q];
            var fact = evaluation.QuestionGrades.Single(g => g.QuestionId == question.Id);
            var table = compiled.Rulebook.Thresholds[question.Id];
            questions.Add(new QuestionResult(question, Decision(table, fact.RuleIndex, ProfileValues(fact.Profile)), outcomes[q]));
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
