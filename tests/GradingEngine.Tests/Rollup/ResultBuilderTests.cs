using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Rollup;

/// <summary>The overall grade from the question grades and the inspection's findings counts, and what its decision saw.</summary>
public class ResultBuilderTests
{
    [Fact]
    public void Build_BreachInTheInspection_CapsTheOverallGradeAndNamesTheLimit()
    {
        // Act
        var result = BreachRollup.Result;

        // Assert
        Assert.Equal(["good", "good"], result.Questions.Select(q => q.Grade!.Id));
        var overall = result.Overall!;
        Assert.Equal(("good", "requires-improvement"), (overall.RowGrade.Id, overall.Grade.Id));
        var limit = overall.LimitedBy!;
        Assert.Equal((LimitKind.NoBetterThan, "findings.breach-of-regulation >= 1"), (limit.Limit.Kind, limit.Limit.When.Text));
        Assert.Equal("a breach of regulations caps the overall grade", limit.Limit.Because);
    }

    [Fact]
    public void Build_RollupCountingFindings_ShowsTheCountsAfterTheQuestionGrades()
    {
        // Act
        var values = BreachRollup.Result.Overall!.Values;

        // Assert: how many questions have each grade, then every findings count of the inspection, as written.
        Assert.Equal(
            [("outstanding", 0), ("good", 2), ("requires-improvement", 0), ("inadequate", 0), ("findings.count", 3), ("findings.breach-of-regulation", 1), ("findings.notable-practice", 0)],
            values.Select(v => (v.Key, v.Value)));
    }

    [Fact]
    public void Build_NoBreach_GivesTheTablesGradeAndStillShowsTheCounts()
    {
        // Act
        var overall = TestKit.Grade(BreachRollup.Rulebook, BreachRollup.Findings(breach: false)).Overall!;

        // Assert
        Assert.Equal("good", overall.Grade.Id);
        Assert.Null(overall.LimitedBy);
        Assert.Equal(0, overall.Values.Single(v => v.Key == "findings.breach-of-regulation").Value);
    }

    [Fact]
    public void Build_FindingsInAnotherOrder_GiveTheSameOverallDecision()
    {
        // Act
        var reversed = TestKit.Grade(BreachRollup.Rulebook, BreachRollup.Findings(breach: true, reversed: true)).Overall!;

        // Assert
        var overall = BreachRollup.Result.Overall!;
        Assert.Equal((overall.Grade, overall.RuleIndex), (reversed.Grade, reversed.RuleIndex));
        Assert.Equal(overall.Values, reversed.Values);
        Assert.Equal(overall.LimitedBy!.Index, reversed.LimitedBy!.Index);
    }

    [Fact]
    public void Build_RollupCountingNoFindings_ShowsOnlyTheQuestionGrades()
    {
        // Act
        var overall = TestKit.Grade(TestKit.Compile(new MiniRulebook().With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml)), BreachRollup.Findings(breach: true)).Overall!;

        // Assert
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], overall.Values.Select(v => v.Key));
        Assert.Equal("good", overall.Grade.Id);
    }
}
