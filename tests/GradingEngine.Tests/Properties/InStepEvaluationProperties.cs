using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Evaluate;
using GradingEngine.Model;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Evaluating inspections side by side (a step's sessions created together, each question's evidence
/// inserted into every session before the next question's) changes nothing: every evaluation is the
/// one its inspection gets alone. Lists of up to three steps of random subsets of the seed, so steps
/// are full, partial and mixed, and the same inspection can appear twice in one step.
/// </summary>
public class InStepEvaluationProperties
{
    [Property(MaxTest = 40)]
    public Property EvaluateInStep_AnyListOfInspections_EachAsEvaluatedAlone()
    {
        var seed = PropertyFixtures.Seed;
        var subset = Gen.Elements(true, false).ArrayOf(seed.Findings.Count)
            .Select(mask => seed with { Id = $"subset-{string.Concat(mask.Select(m => m ? '1' : '0'))}", Findings = [.. seed.Findings.Where((_, i) => mask[i])] });
        var lists = Gen.Choose(0, 3 * InspectionEvaluator.StepSize)
            .SelectMany(n => Gen.OneOf(subset, Gen.Constant(seed)).ListOf(n))
            .ToArbitrary();
        return Prop.ForAll(lists, inspections =>
        {
            // Act
            var inStep = InspectionEvaluator.EvaluateInStep(PropertyFixtures.Shipped, [.. inspections]);

            // Assert
            Assert.Equal(inspections.Count, inStep.Length);
            for (var i = 0; i < inspections.Count; i++)
            {
                var alone = InspectionEvaluator.Evaluate(PropertyFixtures.Shipped, inspections[i]);
                Assert.Same(inspections[i], inStep[i].Inspection);
                Assert.Equal(Describe(alone), Describe(inStep[i]));
            }
        });
    }

    /// <summary>Everything an evaluation decided, as text: met criteria, each question's grade, row and profile, the overall grade and row.</summary>
    private static string Describe(Evaluation e) =>
        string.Join("; ",
            "findings " + string.Join(",", e.Findings.Select(f => f.Finding.Id)),
            "met " + string.Join(",", e.Met.Select(m => m.CriterionIndex)),
            string.Join(" ", e.QuestionGrades.OrderBy(g => g.QuestionId, StringComparer.Ordinal).Select(g =>
                $"{g.QuestionId}={g.Rank}/{g.RuleIndex}[{string.Join(",", Enumerable.Range(0, 4).Select(x => $"{g.Profile.Count(x)}:{g.Profile.Weight(x)}"))}]")));
}
