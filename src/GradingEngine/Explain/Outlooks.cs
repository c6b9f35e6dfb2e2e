using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// For every question and the overall grade: the next better grade and why it was not given, and the
/// next worse grade and how little would bring it. Computed from the rules, never written by hand.
/// </summary>
internal static class Outlooks
{
    public static IReadOnlyList<GradeOutlook> Compute(CompiledRulebook compiled, GradingResult result)
    {
        var scale = result.Rulebook.Scale;
        var outlooks = new List<GradeOutlook>();
        foreach (var question in result.Questions)
        {
            var table = compiled.Checked.Thresholds[question.Question.Id];
            var profile = Profile(question);
            GradeStep? Step(int rank)
            {
                if (rank < 0 || rank >= scale.Grades.Count) return null;
                var target = scale[rank];
                var row = table.Rules.FirstOrDefault(r => r.Grade.Id == target.Id);
                if (row is null) return null;
                var gaps = rank < question.Grade.Rank ? ProfileGaps(compiled.Thresholds[question.Question.Id], row, profile) : [];
                return new GradeStep(target, row.Rule, row.Index, gaps, Counterfactuals.ForQuestion(compiled, question, target, result.Inspection), []);
            }
            outlooks.Add(new GradeOutlook(question.Question.Id, question.Grade, Step(question.Grade.Rank - 1), Step(question.Grade.Rank + 1)));
        }
        outlooks.Add(Overall(compiled, result));
        return outlooks;
    }

    private static OutcomeProfile Profile(QuestionResult question)
    {
        var values = question.Decision.Values.ToDictionary(v => v.Key, v => v.Value);
        var counts = EffectNames.All.Select(e => values[e.ProfileName() + ".count"]).ToArray();
        var weights = EffectNames.All.Select(e => values[e.ProfileName() + ".weight"]).ToArray();
        return OutcomeProfile.Of(question.Question.Id, counts, weights);
    }

    /// <summary>Each `and`-ed part of the row's condition that does not hold, with the values it reads.</summary>
    private static IReadOnlyList<string> ProfileGaps(GradeTableRuntime table, CheckedGradeRule row, OutcomeProfile profile)
    {
        var gaps = new List<string>();
        foreach (var part in table.FailingParts(row, profile))
        {
            var values = Variables(part).Select(v => $"{v.Effect.ProfileName()}.{(v.IsWeight ? "weight" : "count")} is {(v.IsWeight ? profile.Weight(v.Effect) : profile.Count(v.Effect))}");
            gaps.Add($"`{BoundPrinter.Print(part)}` does not hold: {string.Join(", ", values.Distinct())}");
        }
        return gaps;
    }

    private static IEnumerable<BoundProfileVariable> Variables(BoundExpr expr) => expr switch
    {
        BoundProfileVariable v => [v],
        BoundNot n => Variables(n.Operand),
        BoundNegate n => Variables(n.Operand),
        BoundBinary b => Variables(b.Left).Concat(Variables(b.Right)),
        BoundIn i => Variables(i.Value),
        _ => [],
    };

    private static GradeOutlook Overall(CompiledRulebook compiled, GradingResult result)
    {
        var scale = result.Rulebook.Scale;
        var current = result.Overall.Grade;
        var facts = result.Questions.Select(q => new QuestionGradeFact(q.Question.Id, q.Grade.Rank, -1, OutcomeProfile.Of(q.Question.Id, new int[4], new int[4]))).ToList();
        GradeStep? Step(int rank)
        {
            if (rank < 0 || rank >= scale.Grades.Count) return null;
            var target = scale[rank];
            var row = compiled.Checked.Rollup.Rules.FirstOrDefault(r => r.Grade.Id == target.Id);
            if (row is null) return null;
            var gaps = new List<string>();
            if (rank < current.Rank)
            {
                gaps.AddRange(compiled.Rollup.FailingParts(row, facts).Select(part => $"`{BoundPrinter.Print(part)}` does not hold"));
            }
            return new GradeStep(target, row.Rule, row.Index, gaps, [], Counterfactuals.ForOverall(compiled, result, target));
        }
        return new GradeOutlook(ProposedGrades.OverallKey, current, Step(current.Rank - 1), Step(current.Rank + 1));
    }
}
