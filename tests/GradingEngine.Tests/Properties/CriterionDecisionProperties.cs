using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Evaluate;
using GradingEngine.Model;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The network decides each criterion exactly as its condition does on its own. The criteria run as
/// join conditions under a join shared by their question, in lanes of 8 (the shipped rulebook has three
/// to five lanes per question), record their outcomes on the evidence, and the profiles sum them
/// once every criterion has fired. The oracle evaluates each condition directly over its question's
/// findings, with no session.
/// </summary>
public class CriterionDecisionProperties
{
    private static readonly Lazy<Func<IReadOnlyList<FindingFact>, bool>[]> Direct = new(() =>
        [.. PropertyFixtures.Shipped.Checked.Criteria.Select(c => ConditionCompiler.ForFindings(c.Condition))]);

    [Property(MaxTest = 60)]
    public Property Evaluate_RandomSubsetsOfTheSeed_MetExactlyWhereTheConditionHolds()
    {
        var compiled = PropertyFixtures.Shipped;
        var seed = PropertyFixtures.Seed;
        var keep = Gen.Elements(true, false).ArrayOf(seed.Findings.Count).ToArbitrary();
        return Prop.ForAll(keep, mask =>
        {
            // Arrange
            var inspection = seed with { Findings = [.. seed.Findings.Where((_, i) => mask[i])] };
            var facts = inspection.Findings
                .OrderBy(f => f.Id, StringComparer.Ordinal)
                .Select(f => new FindingFact(f, compiled.Rulebook.Codebook.Find(f.IndicatorId)!))
                .ToLookup(f => f.QuestionId, StringComparer.Ordinal);
            var expected = compiled.Checked.Criteria
                .Where(c => Direct.Value[c.Index]([.. facts[c.Criterion.QuestionId]]))
                .Select(c => c.Index)
                .ToList();

            // Act
            var evaluation = InspectionEvaluator.Evaluate(compiled, inspection);

            // Assert: the same criteria, each once, and every profile counts exactly its question's.
            Assert.Equal(expected, evaluation.Met.Select(m => m.CriterionIndex));
            foreach (var grade in evaluation.QuestionGrades)
            {
                for (var effect = 0; effect < compiled.Rulebook.Effects.Count; effect++)
                {
                    var e = effect;
                    var met = compiled.Checked.Criteria.Where(c =>
                        c.Criterion.QuestionId == grade.QuestionId && c.Effect == e && expected.Contains(c.Index)).ToList();
                    Assert.Equal(met.Count, grade.Profile.Count(effect));
                    Assert.Equal(met.Sum(c => c.Criterion.Weight), grade.Profile.Weight(effect));
                }
            }
        });
    }
}
