using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Every input gets exactly one row of a table: for every generated outcome profile, one threshold
/// row of every question of the shipped rulebook is its first match; for every vector of question
/// grades, one roll-up row is. Rows are compiled here straight from the checked conditions, and the
/// runtime's own <c>Decide</c> must pick the same row.
/// </summary>
public class TotalityProperties
{
    private static CompiledRulebook Shipped => PropertyFixtures.Shipped;

    private static readonly Lazy<IReadOnlyDictionary<string, Func<OutcomeProfile, bool>[]>> ThresholdRows = new(() =>
        Shipped.Checked.Thresholds.ToDictionary(
            t => t.Key,
            t => t.Value.Rules.Select(r => Row(r, c => ConditionCompiler.ForProfile(c).Compile())).ToArray(),
            StringComparer.Ordinal));

    private static readonly Lazy<Func<IEnumerable<QuestionGradeFact>, bool>[]> RollupRows = new(() =>
        Shipped.Checked.Rollup!.Table.Rules.Select(r => Row<IEnumerable<QuestionGradeFact>>(r, c =>
        {
            var compiled = ConditionCompiler.ForQuestions(c).Compile();
            return questions => compiled(questions, NoFindings);
        })).ToArray());

    private static OutcomeProfile NoFindings => OutcomeProfile.NoFindings(Shipped.Rulebook.Codebook);

    [Property(MaxTest = 100)]
    public Property Thresholds_EveryProfile_ExactlyOneFirstMatchingRow() =>
        Prop.ForAll(Arb.From(PropertyFixtures.Profiles), spec =>
        {
            foreach (var (question, rows) in ThresholdRows.Value)
            {
                // Arrange
                var profile = spec.ToProfile(question);

                // Act
                var firstMatches = FirstMatches(rows.Select(r => r(profile)).ToArray());
                var decided = Shipped.Thresholds[question].Decide(profile);

                // Assert
                Assert.True(firstMatches.Count == 1, $"{question}: [{spec}] is the first match of rows [{string.Join(", ", firstMatches)}]");
                Assert.NotNull(decided);
                Assert.Equal(firstMatches[0], decided.Index);
            }
        });

    [Fact]
    public void Thresholds_EveryQuestion_HasATable()
    {
        // Arrange
        var questions = Shipped.Rulebook.Questions.Select(q => q.Id).Order(StringComparer.Ordinal);

        // Act
        var tables = Shipped.Thresholds.Keys.Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(questions, tables);
    }

    [Fact]
    public void Rollup_EveryGradeVector_ExactlyOneFirstMatchingRow()
    {
        // Arrange
        var questions = Shipped.Rulebook.Questions.Select(q => q.Id).ToArray();
        var grades = Shipped.Rulebook.Scale.Grades.Count;
        var failures = new List<string>();
        var vectors = 0;

        // Act
        foreach (var ranks in MonotonicityProperties.AllVectors(questions.Length, grades))
        {
            vectors++;
            var problem = RollupProblem(questions, ranks);
            if (problem is not null) failures.Add(problem);
        }

        // Assert
        Assert.Equal((int)Math.Pow(grades, questions.Length), vectors);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Property(MaxTest = 100)]
    public Property Rollup_GeneratedGradeVector_ExactlyOneFirstMatchingRow()
    {
        var questions = Shipped.Rulebook.Questions.Select(q => q.Id).ToArray();
        var grades = Shipped.Rulebook.Scale.Grades.Count;
        var vectors = Gen.Choose(0, grades - 1).ArrayOf(questions.Length);
        return Prop.ForAll(Arb.From(vectors), ranks =>
        {
            var problem = RollupProblem(questions, ranks);
            Assert.True(problem is null, problem);
        });
    }

    private static string? RollupProblem(string[] questions, int[] ranks)
    {
        var facts = questions.Select((q, i) => new QuestionGradeFact(q, ranks[i], 0, OutcomeProfile.Of(q, new int[4], new int[4]))).ToList();
        var firstMatches = FirstMatches(RollupRows.Value.Select(r => r(facts)).ToArray());
        var decided = Shipped.Rollup!.Decide(facts, NoFindings);
        var vector = string.Join(", ", questions.Select((q, i) => $"{q}={Shipped.Rulebook.Scale[ranks[i]].Id}"));
        if (firstMatches.Count != 1) return $"[{vector}] is the first match of rows [{string.Join(", ", firstMatches)}]";
        if (decided is null || decided.Index != firstMatches[0]) return $"[{vector}]: first match is row {firstMatches[0]}, Decide gave {decided?.Index.ToString() ?? "none"}";
        return null;
    }

    /// <summary>The indices i where row i holds and no earlier row does.</summary>
    private static List<int> FirstMatches(bool[] holds) =>
        Enumerable.Range(0, holds.Length).Where(i => holds[i] && !holds.Take(i).Any(h => h)).ToList();

    /// <summary>A row's condition as a delegate; the `otherwise` fallback (no condition) always holds.</summary>
    private static Func<T, bool> Row<T>(CheckedGradeRule rule, Func<BoundExpr, Func<T, bool>> compile) =>
        rule.Condition is null ? _ => true : compile(rule.Condition);
}
