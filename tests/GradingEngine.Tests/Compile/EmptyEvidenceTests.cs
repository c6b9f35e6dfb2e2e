using GradingEngine.Compile;
using GradingEngine.Load;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

public class EmptyEvidenceTests
{
    /// <summary>Conditions over no findings, with the value a compiled condition gives them (undefined compares false).</summary>
    public static TheoryData<string, bool> Conditions => new()
    {
        { "any(f => f.indicator == \"q1.prevention.priority\")", false },
        { "not any(f => f.indicator == \"q1.prevention.priority\")", true },
        { "count(f => f.indicator == \"q1.prevention.priority\") == 0", true },
        { "count(f => f.area == \"partnership\") >= 1", false },
        { "all(f => f.indicator == \"q1.partnership.working\", f => f.judgement == effective)", true },
        { "worst(f => f.indicator == \"q1.prevention.priority\") no worse than mostly-effective", false },
        { "not (best(f => f.indicator == \"q1.prevention.priority\") == effective)", true },
        { "sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == 0", true },
        { "max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) <= 0", false },
        { "mean(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) >= 0", false },
        { "ratio(f => f.indicator == \"q1.partnership.working\" and f.judgement == effective, f => f.indicator == \"q1.partnership.working\") >= 0", false },
        { "round(0 - count(f => f.indicator == \"q1.partnership.database\")) == 0 or 1 > 2", true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Holds_OverNoFindings_IsWhatTheCompiledConditionGives(string when, bool expected)
    {
        // Arrange
        var rulebook = TestKit.Check(new MiniRulebook().With(TestKit.CriteriaFile,
            TestKit.CriteriaWith(TestKit.Criterion("Q1.probe", "Q1", "prevention", when, quote: "'"))));
        Assert.True(rulebook.Result.Succeeded, rulebook.ToString());
        var probe = rulebook.Result.Value!.Criteria.Single(c => c.Criterion.Id == "Q1.probe");

        // Act
        var holds = EmptyEvidence.Holds(probe.Condition);

        // Assert
        Assert.Equal(expected, holds);
        Assert.Equal(ConditionCompiler.ForFindings(probe.Condition, ExpressionMode.Interpreted)([]), holds);
    }

    [Fact]
    public void Holds_EveryCriterionOfEveryShippedRulebook_AgreesWithItsCompiledCondition()
    {
        var folders = Directory.GetDirectories(Path.Combine(Repo.Root, "rules"))
            .Append(Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules"));
        var compared = 0;
        foreach (var folder in folders)
        {
            var rulebook = GradingPipeline.CheckRulebook(RulebookSource.Folder(folder), lint: false);
            Assert.True(rulebook.Succeeded, folder);
            foreach (var criterion in rulebook.Value!.Criteria)
            {
                Assert.True(ConditionCompiler.ForFindings(criterion.Condition, ExpressionMode.Interpreted)([]) == EmptyEvidence.Holds(criterion.Condition),
                    $"{criterion.Criterion.Id} in {folder}");
                compared++;
            }
        }
        Assert.True(compared > 200, $"{compared} criteria compared");
    }
}
