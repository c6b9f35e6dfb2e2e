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
        var findings = evaluation.Findings.ToLookup(f => f.QuestionId, StringComparer.Ordinal);
        var questions = new List<QuestionResult>();
        var graded = new List<QuestionGradeFact>();
        for (var q = 0; q < rulebook.Questions.Count; q++)
        {
            var question = rulebook.Questions[q];
            var fact = evaluation.QuestionGrades.Single(g => g.QuestionId == question.Id);
            var runtime = compiled.Thresholds[question.Id];
            var values = Values(compiled, question.Id, fact.Profile);
            if ((NotGraded(compiled.Requirements[question.Id], [.. findings[question.Id]]) ?? Undefined(runtime, fact.Profile)) is { } notGraded)
            {
                var carried = evaluation.Inspection.Carried.FirstOrDefault(c => c.QuestionId == question.Id);
                questions.Add(new QuestionResult(question, null, notGraded, outcomes[q]) { Values = values, Carried = carried });
                // Not graded here: the roll-up counts the grade carried from the earlier inspection in its place.
                if (carried is not null) graded.Add(new QuestionGradeFact(question.Id, carried.Grade.Rank, -1, fact.Profile));
                continue;
            }
            var holding = runtime.Holding(fact.Profile);
            var decision = Decision(rulebook, runtime.Table, fact.RuleIndex, ProfileValues(rulebook, runtime, fact.Profile), runtime.Limits, holding);
            questions.Add(new QuestionResult(question, decision, null, outcomes[q]) { Values = values });
            graded.Add(new QuestionGradeFact(question.Id, decision.Grade.Rank, fact.RuleIndex, fact.Profile));
        }
        var (overall, overallNotGraded) = Overall(compiled, evaluation, questions, graded);
        var notConsidered = evaluation.Findings
            .Where(f => !compiled.ReadIndicators[f.QuestionId].Contains(f.IndicatorId))
            .Select(f => f.Finding)
            .ToList();
        return new GradingResult(rulebook, evaluation.Inspection, questions, overall, overallNotGraded, notConsidered);
    }

    /// <summary>Why a question is not graded: each of its requirements its findings do not meet, with what it saw; null when all are met.</summary>
    private static NotGraded? NotGraded(IReadOnlyList<RequirementRuntime> requirements, IReadOnlyList<FindingFact> findings)
    {
        var unmet = requirements.Where(r => !r.Holds(findings))
            .Select(r => new UnmetRequirement(r.Requirement.Requirement, r.Seen(findings)))
            .ToList();
        return unmet.Count == 0 ? null : new NotGraded(string.Join("; ", unmet.Select(u => u.Requirement.Because)), unmet);
    }

    /// <summary>
    /// Not graded when a value its thresholds or limits read is undefined (a mean of no findings, a division by zero):
    /// comparisons with it are all false, and the grade would come from the `otherwise` row, from silence.
    /// </summary>
    private static NotGraded? Undefined(GradeTableRuntime runtime, OutcomeProfile profile)
    {
        var undefined = runtime.ReadsValues.Where(v => profile.Value(v.Index) is null).Select(v => $"`{v.Name}`").ToList();
        return undefined.Count == 0
            ? null
            : new NotGraded($"{string.Join(", ", undefined)} {(undefined.Count == 1 ? "is" : "are")} undefined for these findings, and its grade is read from {(undefined.Count == 1 ? "it" : "them")}", []);
    }

    /// <summary>The question's named values, as its profile computed them.</summary>
    private static IReadOnlyList<ComputedValue> Values(CompiledRulebook compiled, string questionId, OutcomeProfile profile) =>
        compiled.Checked.Values.GetValueOrDefault(questionId) is { Count: > 0 } values
            ? [.. values.Select(v => new ComputedValue(v.Value, profile.Value(v.Index), profile.Input(v.Index)))]
            : [];

    /// <summary>
    /// The roll-up, after the question grades: not graded when a question is not and the policy says so (or too few are
    /// graded); otherwise the first row of the roll-up table that holds for the graded questions, then its limits, with
    /// how many questions have each grade. The checker proves the table total, so some row holds.
    /// </summary>
    private static (GradeDecision?, NotGraded?) Overall(CompiledRulebook compiled, Evaluation evaluation, List<QuestionResult> questions, List<QuestionGradeFact> graded)
    {
        if (compiled.Rollup is not { } rollup) return (null, null);
        var policy = rollup.Policy;
        var ungraded = questions.Where(q => q.RollupGrade is null).Select(q => q.Question.Id).ToList();
        var carried = questions.Where(q => !q.IsGraded && q.Carried is not null).Select(q => q.Carried!).ToList();
        if (ungraded.Count > 0 && policy.Ungraded == UngradedPolicy.OverallNotGraded)
        {
            return (null, new NotGraded($"not every question is graded: {string.Join(", ", ungraded.Select(q => $"`{q}`"))} not graded", [])
            {
                UngradedQuestions = ungraded,
            });
        }
        if (graded.Count < policy.MinimumGraded)
        {
            return (null, new NotGraded($"{graded.Count} of {questions.Count} questions are graded{(carried.Count > 0 ? " or carried" : "")}, fewer than the {policy.MinimumGraded} the roll-up needs", [])
            {
                UngradedQuestions = ungraded,
            });
        }
        var findings = OutcomeProfile.OfInspection(compiled.Rulebook.Codebook, evaluation.Inspection.Findings);
        return (RollUp(compiled, graded, findings) with { UngradedQuestions = ungraded, CarriedQuestions = carried }, null);
    }

    /// <summary>
    /// The overall decision for graded questions and the inspection's findings counts: the first row of the roll-up table
    /// that holds, then its limits, with how many questions have each grade (and the findings counts, when the roll-up
    /// reads them). The checker proves the table total, so some row holds.
    /// </summary>
    public static GradeDecision RollUp(CompiledRulebook compiled, IReadOnlyList<QuestionGradeFact> graded, OutcomeProfile findings)
    {
        var rollup = compiled.Rollup ?? throw new InvalidOperationException("engine error: the rulebook has no roll-up");
        var row = rollup.Decide(graded, findings)
            ?? throw new InvalidOperationException("engine error: the roll-up gave no overall grade");
        var values = compiled.Rulebook.Scale.Grades.Select(g => KeyValuePair.Create(g.Id, graded.Count(q => q.Rank == g.Rank))).ToList();
        if (rollup.ReadsFindings) values.AddRange(FindingsValues(compiled.Rulebook, findings));
        return Decision(compiled.Rulebook, rollup.Table, row.Index, values, rollup.Limits, rollup.Holding(graded, findings));
    }

    private static GradeDecision Decision(Rulebook rulebook, CheckedTable table, int ruleIndex, IReadOnlyList<KeyValuePair<string, int>> values,
        IReadOnlyList<CheckedLimit> limits, bool[] holding)
    {
        var row = table.Rules[ruleIndex];
        var (rank, setBy) = Limits.Apply(row.Grade.Rank, limits, k => holding[k]);
        var applied = limits.Where(l => holding[l.Index]).Select(l => new LimitApplied(l.Limit, l.Index, l.Grade, l.Index == setBy)).ToList();
        return new GradeDecision(rulebook.Scale[rank], row.Grade, row.Rule, ruleIndex, table.Table.Name, values, applied);
    }

    /// <summary>
    /// The profile numbers a question's rows could read, as written: each effect's count and weight, and the findings
    /// counts when its thresholds or limits read them.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> ProfileValues(Rulebook rulebook, GradeTableRuntime runtime, OutcomeProfile profile)
    {
        var values = rulebook.Effects.SelectMany((e, i) => new[]
        {
            KeyValuePair.Create(e.Plural + ".count", profile.Count(i)),
            KeyValuePair.Create(e.Plural + ".weight", profile.Weight(i)),
        }).ToList();
        if (runtime.ReadsFindings) values.AddRange(FindingsValues(rulebook, profile));
        return values;
    }

    /// <summary>The findings counts a table can read, as written: `findings.count`, then `findings.<kind>` in codebook order.</summary>
    private static IEnumerable<KeyValuePair<string, int>> FindingsValues(Rulebook rulebook, OutcomeProfile profile) =>
        rulebook.Codebook.Kinds.Select((k, i) => KeyValuePair.Create($"findings.{k.Id}", profile.Findings(i)))
            .Prepend(KeyValuePair.Create("findings.count", profile.Findings(-1)));

    private static CriterionOutcome Outcome(CriterionRuntime runtime, CriterionMet met)
    {
        var criterion = runtime.Criterion;
        var evidence = met.Witnesses.Select(w => w.Finding).ToList();
        return new CriterionOutcome(criterion, true, evidence, runtime.Message.Format(evidence, met.Representative?.Finding));
    }
}
