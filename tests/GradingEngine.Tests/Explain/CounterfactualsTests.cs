using GradingEngine.Compile;
using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Rollup;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Explain;

/// <summary>
/// The mini findings grade Q1 `good`: `Q1.priority` (strength, weight 2) and `Q1.partnership-gap`
/// (area for improvement, weight 2) are met; Q2 `good` and overall `good`.
/// </summary>
public class CounterfactualsTests
{
    private static readonly Lazy<CompiledRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()));

    private static readonly Lazy<GradingResult> Graded = new(() => TestKit.Grade(Mini.Value, MiniRulebook.FindingsYaml));

    private static Validation Validate(string q1 = "good", string q2 = "good", string overall = "good")
    {
        var findings = MiniRulebook.FindingsYaml
            .Replace("  Q1: good", $"  Q1: {q1}")
            .Replace("  Q2: good", $"  Q2: {q2}")
            .Replace("  overall: good", $"  overall: {overall}");
        var result = TestKit.Grade(Mini.Value, findings);
        return GradingPipeline.Validate(Mini.Value, result, result.Inspection.Proposed!);
    }

    private static string Show(IReadOnlyList<CriterionChange> changes) =>
        string.Join(" + ", changes.Select(c => (c.BecomesMet ? "+" : "-") + c.Criterion.Id));

    private static string Show(IReadOnlyList<QuestionChange> changes) =>
        string.Join(" + ", changes.Select(c => $"{c.Question.Id}:{c.From.Id}->{c.To.Id}"));

    private static GradingEngine.Model.Grade GradeOf(string id) => Mini.Value.Rulebook.Scale.Find(id)!;

    [Fact]
    public void ForQuestion_ProposedOutstanding_NeedsTheOnlyTwoFlipSet()
    {
        // Act
        var alternatives = Counterfactuals.ForQuestion(Mini.Value, Graded.Value.Find("Q1")!, GradeOf("outstanding"), Graded.Value.Inspection);

        // Assert: no single flip reaches outstanding; the partnership strength must be met and its gap not.
        Assert.Equal(["+Q1.partnership + -Q1.partnership-gap"], alternatives.Select(Show));
    }

    [Fact]
    public void ForQuestion_ProposedRequiresImprovement_OneSingleFlipPerDistinctChange()
    {
        // Act
        var alternatives = Counterfactuals.ForQuestion(Mini.Value, Graded.Value.Find("Q1")!, GradeOf("requires-improvement"), Graded.Value.Inspection);

        // Assert: losing the only strength, or one more area for improvement of weight 1. `Q1.crime-rising`
        // and `Q1.no-database` change the profile identically, so the first in rulebook order stands for both.
        Assert.Equal(["-Q1.priority", "+Q1.crime-rising"], alternatives.Select(Show));
    }

    [Fact]
    public void ForQuestion_ProposedInadequate_NeedsTheCauseOfConcern()
    {
        // Act
        var alternatives = Counterfactuals.ForQuestion(Mini.Value, Graded.Value.Find("Q1")!, GradeOf("inadequate"), Graded.Value.Inspection);

        // Assert
        Assert.Equal(["+Q1.priority-failure"], alternatives.Select(Show));
    }

    [Fact]
    public void ForQuestion_EveryAlternative_ActuallyGivesTheTargetGrade()
    {
        // Arrange
        var question = Graded.Value.Find("Q1")!;
        var table = Mini.Value.Thresholds["Q1"];

        foreach (var target in new[] { "outstanding", "requires-improvement", "inadequate" })
        {
            // Act
            var alternatives = Counterfactuals.ForQuestion(Mini.Value, question, GradeOf(target), Graded.Value.Inspection);

            // Assert: re-grade the flipped profile independently.
            Assert.NotEmpty(alternatives);
            Assert.All(alternatives, changes => Assert.Equal(changes.Count, alternatives[0].Count));
            foreach (var changes in alternatives)
            {
                var met = question.Criteria.Where(c => c.Met).Select(c => c.Criterion).ToHashSet();
                foreach (var change in changes)
                {
                    Assert.Equal(!change.BecomesMet, met.Contains(change.Criterion));
                    if (change.BecomesMet) met.Add(change.Criterion); else met.Remove(change.Criterion);
                }
                var counts = new int[4];
                var weights = new int[4];
                foreach (var c in met)
                {
                    counts[TestKit.EffectIndex(c.EffectId)]++;
                    weights[TestKit.EffectIndex(c.EffectId)] += c.Weight;
                }
                var decided = table.Decide(GradingEngine.Facts.OutcomeProfile.Of("Q1", counts, weights));
                Assert.Equal(target, decided!.Grade!.Id);
            }
        }
    }

    [Fact]
    public void Validate_Disagreement_ExplainsWithSmallestCriterionFlips()
    {
        // Act
        var validation = Validate(q1: "outstanding");

        // Assert
        Assert.False(validation.AllAgree);
        var q1 = validation.Comparisons.Single(c => c.Subject == "Q1");
        Assert.False(q1.Agrees);
        Assert.Equal(("outstanding", "good"), (q1.Proposed!.Id, q1.Computed!.Id));
        Assert.Equal(1, q1.Decision!.RuleIndex);
        Assert.Equal(["+Q1.partnership + -Q1.partnership-gap"], q1.CriterionAlternatives.Select(Show));
        Assert.Empty(q1.QuestionAlternatives);
        var q2 = validation.Comparisons.Single(c => c.Subject == "Q2");
        Assert.True(q2.Agrees);
        Assert.Empty(q2.CriterionAlternatives);
    }

    [Fact]
    public void Validate_AllAgree_HasNoAlternatives()
    {
        // Act
        var validation = Validate();

        // Assert
        Assert.True(validation.AllAgree);
        Assert.Equal(["Q1", "Q2", "overall"], validation.Comparisons.Select(c => c.Subject));
        Assert.All(validation.Comparisons, c => Assert.Empty(c.CriterionAlternatives));
        Assert.All(validation.Comparisons, c => Assert.Empty(c.QuestionAlternatives));
    }

    [Fact]
    public void Validate_OverallDisagreement_NamesTheQuestionChanges()
    {
        // Act
        var validation = Validate(overall: "requires-improvement");

        // Assert: either question dropping to `requires-improvement` makes the overall grade `requires-improvement`.
        var overall = validation.Comparisons.Single(c => c.Subject == "overall");
        Assert.False(overall.Agrees);
        Assert.Equal(["Q1:good->requires-improvement", "Q2:good->requires-improvement"], overall.QuestionAlternatives.Select(Show));
        Assert.Empty(overall.CriterionAlternatives);
    }

    [Fact]
    public void ForOverall_ProposedOutstanding_NeedsBothQuestionsOutstanding()
    {
        // Act
        var alternatives = Counterfactuals.ForOverall(Mini.Value, Graded.Value, GradeOf("outstanding"));

        // Assert
        Assert.Equal(["Q1:good->outstanding + Q2:good->outstanding"], alternatives.Select(Show));
    }

    [Fact]
    public void ForOverall_ProposedInadequate_OneInadequateQuestionSuffices()
    {
        // Act
        var alternatives = Counterfactuals.ForOverall(Mini.Value, Graded.Value, GradeOf("inadequate"));

        // Assert
        Assert.Equal(["Q1:good->inadequate", "Q2:good->inadequate"], alternatives.Select(Show));
    }

    [Fact]
    public void Combinations_AreLexicographicKSubsets()
    {
        // Act
        var subsets = Counterfactuals.Combinations(4, 2).Select(s => string.Join("", s));

        // Assert
        Assert.Equal(["01", "02", "03", "12", "13", "23"], subsets);
    }

    [Fact]
    public void ForOverall_CappedByABreach_OffersNoQuestionChangeThatCannotLiftIt()
    {
        // Arrange: both questions good, the roll-up gives good, the breach limit makes it requires improvement.
        var result = BreachRollup.Result;
        var scale = BreachRollup.Rulebook.Rulebook.Scale;

        // Act
        var good = Counterfactuals.ForOverall(BreachRollup.Rulebook, result, scale.Find("good")!);
        var outstanding = Counterfactuals.ForOverall(BreachRollup.Rulebook, result, scale.Find("outstanding")!);
        var inadequate = Counterfactuals.ForOverall(BreachRollup.Rulebook, result, scale.Find("inadequate")!);

        // Assert: no grade of the questions lifts a cap on the findings; lowering still works through them.
        Assert.Empty(good);
        Assert.Empty(outstanding);
        Assert.Equal(["Q1:good->inadequate", "Q2:good->inadequate"], inadequate.Select(Show));
    }
}
