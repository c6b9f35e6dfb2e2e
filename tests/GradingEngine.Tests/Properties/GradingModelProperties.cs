using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Compile;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Trace;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The grading model's promises over generated evidence: more evidence never takes a grade away, a question without
/// findings is never graded, limits only move a grade towards their bound, and not-graded questions keep the trace
/// independent of finding order. On the shipped rulebook with subsets of the seed's findings, and on the nine-question
/// fixture (five grades, finding kinds, no overall) with a floor added beside its cap.
/// </summary>
public class GradingModelProperties
{
    private static readonly string[] Levels = ["strong", "adequate", "weak", "failing"];

    private static readonly string?[] Kinds = [null, "area-for-improvement", "cause-of-concern", "innovative-practice"];

    private static readonly Lazy<CompiledRulebook> NineLazy = new(() =>
    {
        using var temp = new TempFolder();
        var source = Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules");
        foreach (var name in new[] { "rulebook.yaml", "codebook.yaml", "criteria/criteria.yaml" })
        {
            temp.Write(Path.Combine("rules", name), File.ReadAllText(Path.Combine(source, name)));
        }
        // A floor beside the fixture's cap, so that both kinds of limit (and their meeting) are exercised.
        var thresholds = File.ReadAllText(Path.Combine(source, "thresholds.yaml")).TrimEnd() + """

                - no-worse-than: adequate
                  when: findings.innovative-practice >= 2
                  because: two findings of innovative practice keep the question at adequate or better
            """ + "\n";
        temp.Write("rules/thresholds.yaml", thresholds);
        var directory = Path.Combine(temp.Path, "rules");
        return PropertyFixtures.Succeed(GradingPipeline.LoadRulebook(directory), directory);
    });

    private static CompiledRulebook Nine => NineLazy.Value;

    /// <summary>A subset of the seed's findings and a superset of it, as index masks.</summary>
    private static Arbitrary<(bool[] Smaller, bool[] Larger)> SeedSubsetAndSuperset
    {
        get
        {
            var count = PropertyFixtures.Seed.Findings.Count;
            // Biased towards few findings, so that some questions are left without any.
            var mask = Gen.Frequency((1, Gen.Constant(false)), (1, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(count);
            return Arb.From(mask.Zip(mask).Select(p => (p.Item1, p.Item1.Zip(p.Item2, (a, b) => a || b).ToArray())));
        }
    }

    /// <summary>Findings for the nine-question fixture: question, level and kind, a few per question at most.</summary>
    private static Gen<NineFinding[]> NineFindings { get; } =
        Gen.Choose(1, 9).Zip(Gen.Elements(Levels)).Zip(Gen.Elements(Kinds))
            .Select(t => new NineFinding(t.Item1.Item1, t.Item1.Item2, t.Item2))
            .ArrayOf()
            .Select(a => a.Take(30).ToArray());

    [Property(MaxTest = 60)]
    public Property Grade_MoreSeedFindings_NeverUngradesAQuestionOrTheOverall() =>
        Prop.ForAll(SeedSubsetAndSuperset, input =>
        {
            // Act
            var smaller = GradeSeedSubset(input.Smaller);
            var larger = GradeSeedSubset(input.Larger);

            // Assert
            foreach (var question in smaller.Questions.Where(q => q.IsGraded))
            {
                Assert.True(larger.Questions.Single(q => q.Question.Id == question.Question.Id).IsGraded,
                    $"{question.Question.Id} was graded on {Count(input.Smaller)} findings but not on {Count(input.Larger)} including them");
            }
            Assert.True(smaller.Overall is null || larger.Overall is not null, "more findings took the overall grade away");
        });

    [Property(MaxTest = 60)]
    public Property Grade_QuestionLeftWithoutFindings_IsNotGradedAndNamedByTheOverall()
    {
        var questions = PropertyFixtures.Shipped.Rulebook.Questions.Select(q => q.Id).ToArray();
        return Prop.ForAll(SeedSubsetAndSuperset.Generator.Select(p => p.Larger).Zip(Gen.Elements(questions)).ToArbitrary(), input =>
        {
            // Arrange: drop every finding of one question.
            var (mask, dropped) = input;
            var seed = PropertyFixtures.Seed;
            var kept = Enumerable.Range(0, mask.Length).Select(i => mask[i] && seed.Findings[i].QuestionId != dropped).ToArray();

            // Act
            var result = GradeSeedSubset(kept);

            // Assert
            var question = result.Questions.Single(q => q.Question.Id == dropped);
            Assert.Null(question.Grade);
            Assert.NotNull(question.NotGraded);
            Assert.NotEmpty(question.NotGraded!.Unmet);
            Assert.Null(result.Overall);
            Assert.Contains(dropped, result.OverallNotGraded!.UngradedQuestions);
            Assert.Contains($"\"{dropped}\"", JsonRenderer.Render(result), StringComparison.Ordinal);
        });
    }

    [Property(MaxTest = 80)]
    public Property Grade_Limits_CapsNeverRaiseAndFloorsNeverLowerTheRowsGrade() =>
        Prop.ForAll(NineFindings.ToArbitrary(), findings =>
        {
            // Act
            var result = GradeNine(findings);

            // Assert
            foreach (var decision in result.Questions.Select(q => q.Decision).OfType<GradeDecision>())
            {
                var caps = decision.Limits.Where(l => l.Limit.Kind == LimitKind.NoBetterThan).Select(l => l.Bound.Rank).ToList();
                var floors = decision.Limits.Where(l => l.Limit.Kind == LimitKind.NoWorseThan).Select(l => l.Bound.Rank).ToList();
                var row = decision.RowGrade.Rank;
                var final = decision.Grade.Rank;
                var context = $"{decision.Table}: row {decision.RowGrade.Id}, final {decision.Grade.Id}, caps [{string.Join(",", caps)}], floors [{string.Join(",", floors)}]; findings [{string.Join("; ", findings.AsEnumerable())}]";

                // A cap always holds, whatever else applies; a floor holds unless a cap below it holds too.
                Assert.True(caps.All(c => final >= c), "a cap was exceeded: " + context);
                Assert.True(floors.All(f => final <= f || caps.Any(c => c > f)), "a floor was breached: " + context);
                if (floors.Count == 0) Assert.True(final >= row, "a cap raised the grade: " + context);
                if (caps.Count == 0) Assert.True(final <= row, "a floor lowered the grade: " + context);
                if (caps.Count == 0 && floors.Count == 0) Assert.Equal(row, final);
                // The trace names what set the grade: no limit when it is the row's, else the limit whose bound it is
                // (a floor then a cap can also bring it back to the row's, and the cap is named).
                if (decision.LimitedBy is null) Assert.True(final == row, "a grade moved with no limit named: " + context);
                else Assert.True(final == decision.LimitedBy.Bound.Rank, "the limit named is not the grade's bound: " + context);
            }
        });

    /// <summary>
    /// Monotonicity with limits, on the fixture's tables: from any profile (criteria per effect, findings per kind),
    /// one more of a `better` effect or kind never worsens the grade, one more of a `worse` one never improves it.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Thresholds_WithLimits_OneMoreOfADirectionNeverMovesTheOtherWay()
    {
        var effects = Nine.Rulebook.Effects.Count;
        var kinds = Nine.Rulebook.Codebook.Kinds.Count;
        var profile = Gen.Choose(0, 3).ArrayOf(effects).Zip(Gen.Choose(0, 3).ArrayOf(kinds)).Zip(Gen.Choose(0, 3));
        var step = Gen.Choose(0, effects + kinds - 1);
        return Prop.ForAll(profile.Zip(step).ToArbitrary(), input =>
        {
            // Arrange: weights follow counts (the fixture's criteria weigh 2, 1, 3 and 1), and every finding of a kind
            // is a finding of the question.
            var ((criteria, (byKind, plain)), added) = ((input.Item1.Item1.Item1, (input.Item1.Item1.Item2, input.Item1.Item2)), input.Item2);
            var after = (Counts: (int[])criteria.Clone(), Kinds: (int[])byKind.Clone());
            var direction = added < effects ? Nine.Rulebook.Effects[added].Direction : Nine.Rulebook.Codebook.Kinds[added - effects].Direction;
            if (added < effects) after.Counts[added]++;
            else after.Kinds[added - effects]++;

            // Act & assert, for every question's table.
            foreach (var (question, table) in Nine.Thresholds)
            {
                var rankBefore = table.Grade(Profile(question, criteria, byKind, plain));
                var rankAfter = table.Grade(Profile(question, after.Counts, after.Kinds, plain));
                var context = $"{question}: criteria [{string.Join(",", criteria)}], kinds [{string.Join(",", byKind)}], one more of #{added}: rank {rankBefore} -> {rankAfter}";
                if (direction == Direction.Better) Assert.True(rankAfter <= rankBefore, "one more of a better direction worsened the grade: " + context);
                if (direction == Direction.Worse) Assert.True(rankAfter >= rankBefore, "one more of a worse direction improved the grade: " + context);
            }
        });
    }

    [Fact]
    public void Grade_Limits_BothKindsMoveSomeGrade()
    {
        // Arrange: the property above would pass vacuously if no limit ever moved a grade.
        NineFinding[] capped = [new(1, "strong", null), new(1, "strong", "cause-of-concern")];
        NineFinding[] floored = [new(2, "weak", null), new(2, "weak", null), new(2, "adequate", "innovative-practice"), new(2, "adequate", "innovative-practice")];

        // Act
        var q1 = GradeNine(capped).Questions.Single(q => q.Question.Id == "Q1").Decision!;
        var q2 = GradeNine(floored).Questions.Single(q => q.Question.Id == "Q2").Decision!;

        // Assert
        Assert.Equal(("good", "requires-improvement"), (q1.RowGrade.Id, q1.Grade.Id));
        Assert.Equal(LimitKind.NoBetterThan, q1.LimitedBy!.Limit.Kind);
        Assert.Equal(("requires-improvement", "adequate"), (q2.RowGrade.Id, q2.Grade.Id));
        Assert.Equal(LimitKind.NoWorseThan, q2.LimitedBy!.Limit.Kind);
    }

    [Property(MaxTest = 40)]
    public Property Render_ShuffledFindingsWithQuestionsNotGraded_ByteIdenticalOutput() =>
        Prop.ForAll(NineFindings.SelectMany(f => Gen.Shuffle(f).Select(s => (f, s))).ToArbitrary(), input =>
        {
            // Act
            var original = GradeNine(input.f);
            var shuffled = GradeNine(input.s);

            // Assert: the same bytes in every format, file and hash apart (the files differ in order).
            Assert.Equal(Normalise(JsonRenderer.Render(original)), Normalise(JsonRenderer.Render(shuffled)));
            Assert.Equal(Normalise(TextRenderer.Render(original)), Normalise(TextRenderer.Render(shuffled)));
            Assert.Equal(Normalise(MarkdownRenderer.Render(original)), Normalise(MarkdownRenderer.Render(shuffled)));
        });

    private static GradingResult GradeSeedSubset(bool[] mask)
    {
        var seed = PropertyFixtures.Seed;
        var subset = seed with { Findings = seed.Findings.Where((_, i) => mask[i]).ToList() };
        return GradingPipeline.Grade(PropertyFixtures.Shipped, subset);
    }

    private static GradingResult GradeNine(IReadOnlyList<NineFinding> findings)
    {
        using var temp = new TempFolder();
        var path = temp.Write("findings.yaml", NineFinding.Yaml(findings));
        var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(path, Nine), path);
        return GradingPipeline.Grade(Nine, inspection);
    }

    private static int Count(bool[] mask) => mask.Count(m => m);

    private static readonly int[] FixtureWeights = [2, 1, 3, 1];

    private static Facts.OutcomeProfile Profile(string question, int[] counts, int[] kinds, int plain) =>
        Facts.OutcomeProfile.Of(question, counts, counts.Select((c, i) => c * FixtureWeights[i]).ToArray(), kinds.Sum() + plain, kinds);

    /// <summary>Finding ids follow the question and level, not the position, so a shuffle changes only the order.</summary>
    private static string Normalise(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, "(/tmp/[^\\s\"`|<)]*|[0-9a-f]{64})", "<file>");
}

/// <summary>A finding of the nine-question fixture: its question (1..9), judgement level and kind.</summary>
public sealed record NineFinding(int Question, string Level, string? Kind)
{
    public override string ToString() => $"Q{Question} {Level}{(Kind is null ? "" : " " + Kind)}";

    /// <summary>
    /// A findings file; identical findings get the same id stem and a running number within it, so shuffling the list
    /// keeps every finding's id.
    /// </summary>
    public static string Yaml(IReadOnlyList<NineFinding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = findings.Select(f =>
        {
            var stem = $"Q{f.Question}-{f.Level}-{f.Kind ?? "plain"}";
            seen[stem] = seen.GetValueOrDefault(stem) + 1;
            return new GeneratedFindings.Entry($"{stem}-{seen[stem]}", $"Q{f.Question}", $"q{f.Question}.performance", $"judgement: {f.Level}", f.Kind);
        }).ToList();
        return GeneratedFindings.Yaml("nine-generated", "nine-questions", entries);
    }
}
