using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Facts;
using GradingEngine.Tests.Support;
using Xunit;
using static GradingEngine.Tests.Load.TestKit;
using TestKit = GradingEngine.Tests.Load.TestKit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// `round` is half away from zero, as documented; a named value is what its definition written inline computes; and the
/// values of a question do not depend on the order of its findings.
/// </summary>
public class NamedValueProperties
{
    private static readonly Lazy<GradingEngine.Compile.CompiledRulebook> Scored = new(() => TestKit.Compile(ScoredRulebook.Create()));

    [Property(MaxTest = 500)]
    public Property Round_AnyQuotient_IsNearestWholeNumberHalvesAwayFromZero()
    {
        var quotients = from n in Gen.Choose(-100_000, 100_000)
                        from d in Gen.Elements(1, 2, 4, 8, 10, 3, 7, 100)
                        select (decimal)n / d;
        return Prop.ForAll(quotients.ToArbitrary(), x =>
        {
            // Independent of decimal.Round: move half a unit away from zero and cut off the fraction.
            var expected = Math.Sign(x) * decimal.Floor(Math.Abs(x) + 0.5m);

            Assert.Equal(expected, RuleOps.Round(x));
        });
    }

    [Theory]
    [InlineData("62.5", "63")]
    [InlineData("-62.5", "-63")]
    [InlineData("0.5", "1")]
    [InlineData("2.5", "3")]
    [InlineData("62.4999", "62")]
    public void Round_Halves_GoAwayFromZero(string x, string expected)
    {
        var value = decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RuleOps.Round(value));
    }

    [Property(MaxTest = 60)]
    public Property Grade_RandomScores_NamedValuesEqualTheirInlineExpansionInAnyOrder()
    {
        var scores = Gen.Choose(1, 4).ListOf().Where(l => l.Count is >= 1 and <= 7);
        return Prop.ForAll(scores.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (list, seed) =>
        {
            // Arrange: the scores as Q1 findings, and the same findings in another order.
            var numbered = list.Select((s, i) => (Score: s, Index: i)).ToList();
            var shuffled = numbered.OrderBy(p => (p.Index * 7919 + seed) % 101).ThenBy(p => p.Index).ToList();

            // Act
            var result = Grade(Scored.Value, Findings(numbered));
            var again = Grade(Scored.Value, Findings(shuffled));

            // Assert: each value as its definition says, worked out here from the scores.
            var q1 = result.Questions.Single(q => q.Question.Id == "Q1");
            var value = q1.Values.ToDictionary(v => v.Definition.Id, v => v.Value);
            var total = list.Sum();
            var maximum = 4 * list.Count;
            Assert.Equal(total, value["score-total"]);
            Assert.Equal(maximum, value["score-maximum"]);
            Assert.Equal(RuleOps.Round(100m * total / maximum), value["score-percentage"]);
            Assert.Equal(list.Min(), value["lowest-score"]);
            // The criterion reads score-total and score-maximum by name; the table reads score-percentage.
            var met = q1.Criteria.Single(c => c.Criterion.Id == "Q1.mostly-good").Met;
            Assert.Equal(RuleOps.Round(100m * total / maximum) >= 63, met);
            Assert.Equal(Summary(result), Summary(again));
        });
    }

    [Property(MaxTest = 500)]
    public Property Band_RandomBands_IsTheLastBandAtOrBelow_AndMovesOneWayWithRisingBands()
    {
        var froms = Gen.Choose(-50, 150).ListOf().Where(l => l.Count is >= 1 and <= 6).Select(l => l.Distinct().Order().Select(x => (decimal)x).ToArray());
        var cases = from starts in froms
                    from values in Gen.Choose(0, 9).ListOf().Where(l => l.Count >= 6)
                    from x in Gen.Choose(-60, 160)
                    from y in Gen.Choose(-60, 160)
                    select (starts, values.Take(starts.Length).Select(v => (decimal)v).ToArray(), Math.Min(x, y) / 2m, Math.Max(x, y) / 2m);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (from, values, x, y) = c;

            var bx = RuleOps.Band(x, from, values);
            var by = RuleOps.Band(y, from, values);

            // Independent of the binary search: the last band whose `from` is at or below the number, by a scan.
            var last = Enumerable.Range(0, from.Length).LastOrDefault(i => from[i] <= x, -1);
            Assert.Equal(last < 0 ? null : values[last], bx);
            Assert.Null(RuleOps.Band(null, from, values));
            // Rising bands: a higher number is never in a lower band, and is covered whenever a lower one is.
            var sorted = values.Order().ToArray();
            if (values.SequenceEqual(sorted))
            {
                if (bx is not null) Assert.True(by >= bx, $"{x} -> {bx} but {y} -> {by?.ToString() ?? "undefined"}");
            }
        });
    }

    [Property(MaxTest = 40)]
    public Property Grade_RandomBands_ValueIsTheBandOfTheRoundedPercentage_AndOneTheCheckerAllows()
    {
        var cases = from starts in Gen.Choose(20, 100).ListOf().Where(l => l.Count is >= 1 and <= 4).Select(l => l.Distinct().Order().ToArray())
                    from seed in Gen.Choose(0, 1000)
                    from scores in Gen.Choose(1, 4).ListOf().Where(l => l.Count is >= 1 and <= 6)
                    select (starts, starts.Select((_, i) => 1 + (seed * (i + 3)) % 4).ToArray(), scores);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (from, values, scores) = c;
            var bands = "\n  - id: rating-score\n    value: score-percentage\n    bands:\n" +
                string.Concat(from.Zip(values, (f, v) => $"      - {{from: {f}, value: {v}}}\n"));
            var compiled = TestKit.Compile(ScoredRulebook.Create().With("values.yaml", ScoredRulebook.ValuesYaml + bands));

            var result = Grade(compiled, Findings(scores.Select((s, i) => (s, i))));

            var rating = result.Questions.Single(q => q.Question.Id == "Q1").Values.Single(v => v.Definition.Id == "rating-score");
            var percentage = RuleOps.Round(100m * scores.Sum() / (4 * scores.Count))!.Value;
            var band = Enumerable.Range(0, from.Length).LastOrDefault(i => from[i] <= percentage, -1);
            Assert.Equal(percentage, rating.Input);
            Assert.Equal(band < 0 ? null : values[band], rating.Value);
            Assert.Equal(band < 0 ? null : from[band], rating.Band?.From);
            // What `rules check` ranges the value over contains what grading computed.
            var definition = compiled.Checked.Values["Q1"].Single(v => v.Value.Id == "rating-score").Definition;
            var range = GradingEngine.Check.Analysis.ValueRange.Of(definition);
            if (rating.Value is { } v) Assert.Contains(v, range.Only!);
            else Assert.True(range.MaybeUndefined);
        });
    }

    /// <summary>Grades, values, and each criterion's outcome with its evidence, in the order the trace gives them.</summary>
    private static string Summary(GradingEngine.Trace.GradingResult result) => string.Join("\n", result.Questions.Select(q =>
        $"{q.Question.Id} {q.Grade?.Id ?? "not-graded"} {string.Join(",", q.Values.Select(v => $"{v.Definition.Id}={v.Text}"))} " +
        string.Join(";", q.Criteria.Select(c => $"{c.Criterion.Id}:{c.Met}:{string.Join(",", c.Evidence.Select(f => f.Id))}:{c.Message}"))));

    private static string Findings(IEnumerable<(int Score, int Index)> scores) =>
        "inspection: scored-p\nforce: Example Service\nframework: scored\nfindings:\n" + string.Join("\n", scores.Select(p => $"""
              - id: F{p.Index + 1}
                question: Q1
                indicator: {(p.Index % 2 == 0 ? "q1.learning" : "q1.staffing")}
                judgement: {p.Score}
                quote: Score {p.Score}.
                source: Q1
            """)) + "\n";
}
