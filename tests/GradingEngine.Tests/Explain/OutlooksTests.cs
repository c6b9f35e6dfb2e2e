using GradingEngine.Facts;
using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Explain;

/// <summary>Why not higher / how close to lower: computed from the rules, and every suggested change really gives that grade.</summary>
public class OutlooksTests
{
    private static readonly Lazy<(GradingEngine.Compile.CompiledRulebook Rulebook, GradingEngine.Trace.GradingResult Result)> Seed = new(() =>
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        return (rulebook, GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!));
    });

    [Fact]
    public void Grade_Seed_HasAnOutlookForEveryQuestionAndOverall()
    {
        var result = Seed.Value.Result;

        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "overall"], result.Outlooks.Select(o => o.Subject));
        Assert.All(result.Outlooks, o => Assert.Equal(o.Current.Rank - 1, o.Higher!.Grade!.Rank));
        Assert.All(result.Outlooks, o => Assert.Equal(o.Current.Rank + 1, o.Lower!.Grade!.Rank));
    }

    [Fact]
    public void Higher_SeedQ3_NamesTheFailingPartsOfTheGoodRowWithTheirValues()
    {
        var higher = Seed.Value.Result.OutlookOf("Q3")!.Higher!;

        Assert.Equal("good", higher.Grade!.Id);
        Assert.Contains(higher.Gaps, g => g.StartsWith("`areas-for-improvement.weight <= 5` does not hold: areas-for-improvement.weight is 12", StringComparison.Ordinal));
        Assert.DoesNotContain(higher.Gaps, g => g.Contains("causes-of-concern.count == 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Q1")]
    [InlineData("Q2")]
    [InlineData("Q3")]
    [InlineData("Q4")]
    public void Changes_EverySuggestedSet_GivesExactlyThatGradeWhenApplied(string questionId)
    {
        var (rulebook, result) = Seed.Value;
        var question = result.Find(questionId)!;
        var outlook = result.OutlookOf(questionId)!;

        foreach (var step in new[] { outlook.Higher, outlook.Lower }.OfType<GradeStep>())
        {
            Assert.All(step.CriterionChanges, changes =>
            {
                var flipped = changes.Select(c => c.Criterion.Id).ToHashSet();
                var met = question.Criteria.Select(c => flipped.Contains(c.Criterion.Id) ? !c.Met : c.Met).ToArray();
                var counts = new int[4];
                var weights = new int[4];
                for (var i = 0; i < met.Length; i++)
                {
                    if (!met[i]) continue;
                    counts[TestKit.EffectIndex(question.Criteria[i].Criterion.EffectId)]++;
                    weights[TestKit.EffectIndex(question.Criteria[i].Criterion.EffectId)] += question.Criteria[i].Criterion.Weight;
                }
                Assert.Equal(step.Grade!.Id, rulebook.Thresholds[questionId].Decide(OutcomeProfile.Of(questionId, counts, weights))!.Grade!.Id);
                Assert.All(changes, c => Assert.Equal(c.BecomesMet, !question.Criteria.Single(o => o.Criterion.Id == c.Criterion.Id).Met));
            });
        }
    }

    [Fact]
    public void Lower_SeedQ1_OneChangeAwayFromRequiresImprovement_WithFindingsInvolved()
    {
        var lower = Seed.Value.Result.OutlookOf("Q1")!.Lower!;

        Assert.Equal("requires-improvement", lower.Grade!.Id);
        Assert.NotEmpty(lower.CriterionChanges);
        Assert.All(lower.CriterionChanges, set => Assert.Single(set));
        // A weakness that would become met is shown with the findings its indicators have.
        Assert.All(lower.CriterionChanges.SelectMany(s => s), c => Assert.True(c.BecomesMet == (c.Criterion.EffectId != "strength")));
    }

    [Fact]
    public void Overall_Seed_HigherNeedsOneQuestionBetter()
    {
        var higher = Seed.Value.Result.OutlookOf(ProposedGrades.OverallKey)!.Higher!;

        Assert.Equal("good", higher.Grade!.Id);
        Assert.All(higher.QuestionChanges, set => Assert.Single(set));
        Assert.Contains(higher.QuestionChanges, set => set[0].Question.Id == "Q3" && set[0].To.Id == "good");
    }

    [Fact]
    public void Overall_CappedByABreach_HigherNamesTheLimitAndItsCountAndNoQuestionChange()
    {
        // Act
        var outlook = BreachRollup.Result.OutlookOf(ProposedGrades.OverallKey)!;

        // Assert
        Assert.Equal("requires-improvement", outlook.Current.Id);
        var higher = outlook.Higher!;
        Assert.Equal("good", higher.Grade!.Id);
        Assert.Equal(["limit `no-better-than: requires-improvement` holds: `findings.breach-of-regulation >= 1`: findings.breach-of-regulation is 1"], higher.Gaps);
        Assert.Empty(higher.QuestionChanges);
    }

    [Fact]
    public void Overall_RowReadingAFindingsCount_GapSaysTheCount()
    {
        // Arrange: good needs no breach at all, so with one the row itself fails.
        var mini = BreachRollup.Mini.With("rollup.yaml", MiniRulebook.RollupYaml.Replace("when: all(q => q.grade no worse than good)",
            "when: all(q => q.grade no worse than good) and findings.breach-of-regulation == 0"));
        var rulebook = TestKit.Compile(mini);

        // Act
        var higher = TestKit.Grade(rulebook, BreachRollup.Findings(breach: true)).OutlookOf(ProposedGrades.OverallKey)!.Higher!;

        // Assert
        Assert.Equal("good", higher.Grade!.Id);
        Assert.Equal(["`findings.breach-of-regulation == 0` does not hold: findings.breach-of-regulation is 1"], higher.Gaps);
        Assert.Empty(higher.QuestionChanges);
    }
}
