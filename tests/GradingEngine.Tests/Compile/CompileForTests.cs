using GradingEngine.Compile;
using GradingEngine.Render;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

public class CompileForTests
{
    private const string AbsentIsAStrength = """
        - id: Q1.no-database-gap
          question: Q1
          area: partnership
          title: No finding says the partnership database is missing
          rationale: A criterion met over no findings
          when: 'count(f => f.indicator == "q1.partnership.database" and not f.value) == 0'
          effect: strength
          weight: 1
          message: "No database gap"
        """;

    /// <summary>The mini rulebook with <see cref="AbsentIsAStrength"/>, checked and fully compiled, and the mini findings loaded against it.</summary>
    private static (GradingEngine.Check.CheckedRulebook Checked, CompiledRulebook Full, GradingEngine.Model.Inspection Mini) Arrange(TempFolder temp)
    {
        var folder = new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith(AbsentIsAStrength)).WriteTo(temp);
        var full = GradingPipeline.LoadRulebook(folder).Value!;
        return (GradingPipeline.CheckRulebook(folder).Value!, full,
            GradingPipeline.LoadInspection(temp.Write("findings.yaml", MiniRulebook.FindingsYaml), full).Value!);
    }

    [Fact]
    public void CompileFor_InspectionWithoutAnIndicator_LeavesItsCriteriaOutAndGradesAsTheFullCompile()
    {
        // Arrange: the mini findings code no `q1.partnership.database`, which one criterion reads and is met without.
        using var temp = new TempFolder();
        var (checkedRulebook, full, inspection) = Arrange(temp);

        // Act
        var scoped = GradingPipeline.CompileFor(checkedRulebook, [inspection]);

        // Assert: fewer rules, the same grades and trace, the criterion met over no findings named as met.
        Assert.True(scoped.RuleCount < full.RuleCount, $"{scoped.RuleCount} rules, {full.RuleCount} in full");
        var expected = JsonRenderer.Render(GradingPipeline.Grade(full, inspection));
        var actual = JsonRenderer.Render(GradingPipeline.Grade(scoped, inspection));
        Assert.Equal(expected, actual);
        Assert.Contains(GradingPipeline.Grade(scoped, inspection).Questions.Single(q => q.Question.Id == "Q1").Criteria,
            c => c.Criterion.Id == "Q1.no-database-gap" && c.Met);
    }

    [Fact]
    public void Grade_InspectionWithAnIndicatorLeftOut_IsRefusedRatherThanGradedWrongly()
    {
        // Arrange: compiled for the mini findings, then given one that codes the database.
        using var temp = new TempFolder();
        var (checkedRulebook, full, mini) = Arrange(temp);
        var other = GradingPipeline.LoadInspection(temp.Write("b.yaml", TestKit.Findings(
            TestKit.Finding("F9", "Q1", "q1.partnership.database", value: "no"))), full).Value!;
        var scoped = GradingPipeline.CompileFor(checkedRulebook, [mini]);

        // Act + Assert
        var error = Assert.Throws<InvalidOperationException>(() => GradingPipeline.Grade(scoped, other));
        Assert.Contains("not compiled for", error.Message);
    }
}
