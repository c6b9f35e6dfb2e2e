using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// More good evidence never worsens a grade; more bad evidence never improves one. Checked on the
/// shipped threshold tables over generated profiles, on the shipped roll-up over every vector of
/// question grades, and end to end on the mini rulebook.
/// </summary>
public class MonotonicityProperties
{
    private static CompiledRulebook Shipped => PropertyFixtures.Shipped;

    private static Arbitrary<(ProfileSpec Profile, int Weight)> ProfileAndExtra =>
        Arb.From(PropertyFixtures.Profiles.Zip(PropertyFixtures.ExtraWeight));

    [Property(MaxTest = 100)]
    public Property Thresholds_OneMoreStrength_NeverWorseGrade() =>
        Prop.ForAll(ProfileAndExtra, input => AssertEveryQuestion(input.Profile, input.Profile.Adding(TestKit.EffectIndex("strength"), input.Weight),
            (before, after) => after <= before, "one more strength gave a worse grade"));

    [Property(MaxTest = 100)]
    public Property Thresholds_OneMoreCauseOfConcern_NeverBetterGrade() =>
        Prop.ForAll(ProfileAndExtra, input => AssertEveryQuestion(input.Profile, input.Profile.Adding(TestKit.EffectIndex("cause-of-concern"), input.Weight),
            (before, after) => after >= before, "one more cause of concern gave a better grade"));

    [Property(MaxTest = 100)]
    public Property Thresholds_OneMoreAreaForImprovement_NeverBetterGrade() =>
        Prop.ForAll(ProfileAndExtra, input => AssertEveryQuestion(input.Profile, input.Profile.Adding(TestKit.EffectIndex("area-for-improvement"), input.Weight),
            (before, after) => after >= before, "one more area for improvement gave a better grade"));

    [Fact]
    public void Rollup_ImprovingOneQuestionGrade_NeverWorsensOverall()
    {
        // Arrange
        var questions = Shipped.Rulebook.Questions.Select(q => q.Id).ToArray();
        var grades = Shipped.Rulebook.Scale.Grades.Count;
        var failures = new List<string>();

        // Act
        foreach (var ranks in AllVectors(questions.Length, grades))
        {
            var before = OverallRank(questions, ranks);
            for (var i = 0; i < ranks.Length; i++)
            {
                if (ranks[i] == 0) continue;
                var better = (int[])ranks.Clone();
                better[i]--;
                var after = OverallRank(questions, better);
                if (after > before) failures.Add($"[{string.Join(",", ranks)}] -> overall rank {before}; improving {questions[i]} -> overall rank {after}");
            }
        }

        // Assert
        Assert.True(failures.Count == 0, "improving a question lowered the overall grade:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Mini rulebook, end to end through the loader and an NRules session: to any set of findings, add
    /// one finding that meets a strength criterion (and, in the mini rulebook, nothing else); no
    /// question's grade may get worse.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Grade_AddingFindingThatMeetsStrength_NeverLowersQuestionGrade()
    {
        var arb = Arb.From(Gen.ListOf(Gen.Elements(MiniFindings.Any)).Zip(Gen.Elements(MiniFindings.Strengths)));
        return Prop.ForAll(arb, input =>
        {
            // Arrange
            var (baseFindings, strength) = input;
            var with = baseFindings.Append(strength).ToList();

            // Act
            var before = GradeMini(baseFindings);
            var after = GradeMini(with);

            // Assert
            foreach (var (question, rank) in after)
            {
                Assert.True(rank <= before[question],
                    $"{question}: adding {strength} lowered the grade from rank {before[question]} to {rank}; base findings: [{string.Join("; ", baseFindings)}]");
            }
        });
    }

    [Fact]
    public void Grade_AddingFindingThatMeetsStrength_CanRaiseGrade()
    {
        // Arrange: Q1 with no finding is requires-improvement; a strength of weight 2 makes it good (the
        // property above would pass vacuously if strengths never counted).
        // Act
        var before = GradeMini([]);
        var after = GradeMini([new MiniFinding("q1.prevention.priority", "judgement: effective")]);

        // Assert
        Assert.True(after["Q1"] < before["Q1"], $"rank before {before["Q1"]}, after {after["Q1"]}");
    }

    private static void AssertEveryQuestion(ProfileSpec before, ProfileSpec after, Func<int, int, bool> holds, string failure)
    {
        foreach (var (question, table) in Shipped.Thresholds)
        {
            var rankBefore = Decide(table, before.ToProfile(question));
            var rankAfter = Decide(table, after.ToProfile(question));
            Assert.True(holds(rankBefore, rankAfter),
                $"{question}: {failure}: [{before}] -> rank {rankBefore}; [{after}] -> rank {rankAfter}");
        }
    }

    /// <summary>The grade's rank, limits included.</summary>
    private static int Decide(GradeTableRuntime table, OutcomeProfile profile) =>
        table.Grade(profile) is var rank and >= 0 ? rank : throw new InvalidOperationException("no threshold row for the profile");

    private static int OverallRank(string[] questions, int[] ranks)
    {
        var facts = questions.Select((q, i) => new QuestionGradeFact(q, ranks[i], 0, OutcomeProfile.Of(q, new int[4], new int[4]))).ToList();
        return Shipped.Rollup!.Grade(facts, OutcomeProfile.NoFindings(Shipped.Rulebook.Codebook)) is var rank and >= 0 ? rank : throw new InvalidOperationException("no roll-up row");
    }

    internal static IEnumerable<int[]> AllVectors(int length, int values)
    {
        var total = (int)Math.Pow(values, length);
        for (var n = 0; n < total; n++)
        {
            var vector = new int[length];
            var rest = n;
            for (var i = 0; i < length; i++)
            {
                vector[i] = rest % values;
                rest /= values;
            }
            yield return vector;
        }
    }

    private static Dictionary<string, int> GradeMini(IReadOnlyList<MiniFinding> findings)
    {
        using var temp = new TempFolder();
        var path = temp.Write("findings.yaml", MiniFindings.Yaml(findings));
        var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(path, PropertyFixtures.Mini), path);
        return GradingPipeline.Grade(PropertyFixtures.Mini, inspection).Questions.ToDictionary(q => q.Question.Id, q => q.Grade!.Rank);
    }
}

/// <summary>One finding of the mini codebook: its indicator and its `judgement:` or `value:` line.</summary>
public sealed record MiniFinding(string Indicator, string Value)
{
    public override string ToString() => $"{Indicator} {Value}";
}

internal static class MiniFindings
{
    private static readonly string[] Levels = ["effective", "mostly-effective", "inconsistent", "ineffective"];

    /// <summary>Every kind of finding the mini codebook allows, with a spread of values.</summary>
    public static MiniFinding[] Any { get; } =
    [
        .. Levels.Select(l => new MiniFinding("q1.prevention.priority", $"judgement: {l}")),
        .. Levels.Select(l => new MiniFinding("q1.partnership.working", $"judgement: {l}")),
        .. Levels.Select(l => new MiniFinding("q2.investigation.quality", $"judgement: {l}")),
        .. new[] { "-3", "0", "5", "5.5", "12" }.Select(v => new MiniFinding("q1.prevention.crime-change", $"value: {v}")),
        new MiniFinding("q1.partnership.database", "value: yes"),
        new MiniFinding("q1.partnership.database", "value: no"),
    ];

    /// <summary>Findings that meet a strength criterion of the mini rulebook and nothing else it checks.</summary>
    public static MiniFinding[] Strengths { get; } =
    [
        new("q1.prevention.priority", "judgement: effective"),
        new("q1.prevention.priority", "judgement: mostly-effective"),
        new("q1.partnership.working", "judgement: effective"),
        new("q2.investigation.quality", "judgement: effective"),
    ];

    public static string Yaml(IReadOnlyList<MiniFinding> findings) =>
        GeneratedFindings.Yaml("mini-generated", "mini", findings.Select((f, i) => new GeneratedFindings.Entry(
            $"F{i + 1:D3}", f.Indicator.StartsWith("q1.", StringComparison.Ordinal) ? "Q1" : "Q2", f.Indicator, f.Value)).ToList());
}
