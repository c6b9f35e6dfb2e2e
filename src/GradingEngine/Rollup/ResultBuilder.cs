using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Evaluate;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Rollup;

/// <summary>
/// Turns the facts of a session into a <see cref="GradingResult"/>, in rulebook order, independent of firing order,
/// and rolls the question grades up into the overall grade.
/// </summary>
internal static class ResultBuilder
{
    public static GradingResult Build(CompiledRulebook compiled, Evaluation evaluation)
    {
        var rulebook = compiled.Rulebook;
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
            var table = compiled.Checked.Thresholds[question.Id];
            questions.Add(new QuestionResult(question, Decision(table, fact.RuleIndex, ProfileValues(fact.Profile)), outcomes[q]));
        }
        var overall = Overall(compiled, evaluation.QuestionGrades);
        var notConsidered = evaluation.Findings
            .Where(f => !compiled.ReadIndicators[f.QuestionId].Contains(f.IndicatorId))
            .Select(f => f.Finding)
            .ToList();
        return new GradingResult(rulebook, evaluation.Inspection, questions, overall, notConsidered);
    }

    /// <summary>
    /// The roll-up: the first row of the roll-up table that holds for the question grades, with how many questions
    /// have each grade. The checker proves the table total, so some row holds.
    /// </summary>
    private static GradeDecision Overall(CompiledRulebook compiled, IReadOnlyList<QuestionGradeFact> grades)
    {
        var row = compiled.Rollup.Decide(grades)
            ?? throw new InvalidOperationException("engine error: the roll-up gave no overall grade");
        var values = compiled.Rulebook.Scale.Grades.Select(g => KeyValuePair.Create(g.Id, grades.Count(q => q.Rank == g.Rank))).ToList();
        return Decision(compiled.Checked.Rollup, row.Index, values);
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
        var criterion = runtime.Criterion;
        var evidence = met.Witnesses.Select(w => w.Finding).ToList();
        return new CriterionOutcome(criterion, true, evidence, runtime.Message.Format(evidence, met.Representative?.Finding));
    }
}
