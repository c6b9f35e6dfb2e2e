using GradingEngine.Facts;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

/// <summary>The roll-up's compiled rows and limits read the question grades and the inspection's findings counts given to them.</summary>
public class RollupRuntimeTests
{
    private static readonly OutcomeProfile Empty = OutcomeProfile.Of("", [], []);

    private static QuestionGradeFact[] Grades(int q1, int q2) => [new("Q1", q1, -1, Empty), new("Q2", q2, -1, Empty)];

    /// <summary>An inspection's counts: every finding, breaches, notable practice.</summary>
    private static OutcomeProfile Findings(int all, int breaches, int notable = 0) => OutcomeProfile.Of("", [], [], all, [breaches, notable]);

    [Fact]
    public void Grade_BreachCount_CapsOnlyWhenTheLimitHolds()
    {
        // Arrange
        var rollup = BreachRollup.Rulebook.Rollup!;

        // Act / Assert: ranks 0 outstanding, 1 good, 2 requires improvement, 3 inadequate.
        Assert.True(rollup.ReadsFindings);
        Assert.Equal(0, rollup.Grade(Grades(0, 0), Findings(5, 0)));
        Assert.Equal(2, rollup.Grade(Grades(0, 0), Findings(5, 1)));
        Assert.Equal(3, rollup.Grade(Grades(3, 3), Findings(5, 2)));
        Assert.Equal([true], rollup.Holding(Grades(1, 1), Findings(1, 1)));
        Assert.Equal([false], rollup.Holding(Grades(1, 1), Findings(9, 0, 9)));
        Assert.Equal(1, rollup.Decide(Grades(1, 1), Findings(1, 1))!.Index);
    }

    [Fact]
    public void ReadsFindings_RollupOverQuestionGradesAlone_IsFalse()
    {
        // Act
        var rollup = TestKit.Compile(new MiniRulebook()).Rollup!;

        // Assert
        Assert.False(rollup.ReadsFindings);
    }

    [Fact]
    public void OfInspection_CountsEveryFindingAndEachKindWhateverTheOrder()
    {
        // Arrange
        var inspection = BreachRollup.Result.Inspection;
        var codebook = BreachRollup.Rulebook.Rulebook.Codebook;

        // Act
        var counted = OutcomeProfile.OfInspection(codebook, inspection.Findings);
        var reversed = OutcomeProfile.OfInspection(codebook, inspection.Findings.Reverse());

        // Assert
        Assert.Equal((3, 1, 0), (counted.Findings(-1), counted.Findings(0), counted.Findings(1)));
        Assert.Equal((3, 1, 0), (reversed.Findings(-1), reversed.Findings(0), reversed.Findings(1)));
    }
}
