using GradingEngine.Check.Analysis;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using Xunit;

namespace GradingEngine.Tests.Check;

/// <summary>
/// The roll-up analysis evaluates conditions with <see cref="RollupCondition"/> while grading evaluates what
/// ConditionCompiler compiles: the two must decide every combination of question grades alike.
/// </summary>
public class RollupConditionTests
{
    private static readonly string[] Questions = ["Q1", "Q2", "Q3", "Q4"];

    private static readonly FindingKind[] Kinds = [new("breach", "Breach", Direction.Worse, FieldSpans.None(default))];

    private static readonly OutcomeProfile NoFindings = OutcomeProfile.Of("", [], [], 0, [0]);

    private static BoundExpr Bind(string when)
    {
        var grades = new JudgementScale("grade", ["outstanding", "good", "requires-improvement", "inadequate"], FieldSpans.None(default));
        var questions = Questions.Select(q => new Question(q, q, [], FieldSpans.None(default))).ToList();
        return TestKit.BindCondition(when, new ConditionContext.QuestionGrades(questions, grades, Kinds, []));
    }

    /// <summary>Every combination of four grades for four questions: 256.</summary>
    private static IEnumerable<QuestionGradeFact[]> Combinations()
    {
        var empty = OutcomeProfile.Of("", new int[4], new int[4]);
        for (var point = 0; point < 256; point++)
        {
            yield return [.. Questions.Select((q, i) => new QuestionGradeFact(q, (point >> (2 * i)) & 3, -1, empty))];
        }
    }

    [Theory]
    [InlineData("count(q => q.grade == outstanding) >= 2 and all(q => q.grade no worse than good)")]
    [InlineData("all(q => q.grade no worse than requires-improvement) and count(q => q.grade == requires-improvement) <= 1")]
    [InlineData("count(q => q.grade == inadequate) == 0 or (count(q => q.grade == inadequate) == 1 and count(q => q.grade == requires-improvement) == 0)")]
    [InlineData("any(q => q.id == \"Q3\" and q.grade worse than good)")]
    [InlineData("all(q => q.id != \"Q1\", q => q.grade better than inadequate)")]
    [InlineData("worst(q => q.id in [\"Q1\", \"Q2\"]) no worse than good")]
    [InlineData("best(q => true) == outstanding")]
    [InlineData("ratio(q => q.grade == good, q => q.grade != outstanding) >= 0.5")]
    [InlineData("not any(q => q.grade in [inadequate, requires-improvement])")]
    public void Compile_EveryCombination_DecidesLikeTheCompiledRule(string when)
    {
        // Arrange
        var bound = Bind(when);
        var compiled = ConditionCompiler.ForQuestions(bound).Compile();

        // Act
        var closures = RollupCondition.Compile(bound);

        // Assert
        var held = 0;
        foreach (var grades in Combinations())
        {
            var expected = compiled(grades, NoFindings);
            Assert.True(expected == closures(grades, NoFindings), $"`{when}` at [{string.Join(", ", grades.Select(g => g.Rank))}]: the rule says {expected}");
            if (expected) held++;
        }
        Assert.InRange(held, 1, 255);
    }

    [Theory]
    [InlineData("count(q => q.grade == inadequate) >= 1 or findings.breach >= 2")]
    [InlineData("all(q => q.grade no worse than good) and findings.breach == 0 and findings.count < 3")]
    [InlineData("findings.count - 2 * findings.breach >= count(q => q.grade == good)")]
    public void Compile_EveryCombinationAndFindingsCount_DecidesLikeTheCompiledRule(string when)
    {
        // Arrange
        var bound = Bind(when);
        var compiled = ConditionCompiler.ForQuestions(bound).Compile();

        // Act
        var closures = RollupCondition.Compile(bound);

        // Assert
        var held = 0;
        var total = 0;
        foreach (var grades in Combinations())
        {
            for (var all = 0; all <= 4; all++)
            {
                for (var breaches = 0; breaches <= all; breaches++)
                {
                    var findings = OutcomeProfile.Of("", [], [], all, [breaches]);
                    var expected = compiled(grades, findings);
                    Assert.True(expected == closures(grades, findings),
                        $"`{when}` at [{string.Join(", ", grades.Select(g => g.Rank))}], {all} findings, {breaches} breaches: the rule says {expected}");
                    if (expected) held++;
                    total++;
                }
            }
        }
        Assert.InRange(held, 1, total - 1);
    }
}
