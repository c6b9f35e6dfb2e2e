using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Check;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The threshold analysis merges profiles its tables cannot tell apart into classes and checks
/// monotonicity only where a step crosses a class. On random tables (gaps, overlaps, rows in any
/// grade order, comparisons of one effect and of several) over random criteria, it reports exactly
/// what checking every profile on its own reports: the same diagnostics, with the same example
/// profiles, and the same analyses.
/// </summary>
public class ThresholdAnalysisProperties
{
    private static readonly string[] Variables =
        [.. new[] { "strengths", "areas-for-improvement", "causes-of-concern", "notable-practices" }.SelectMany(e => new[] { e + ".count", e + ".weight" })];

    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    private static readonly string[] Grades = ["outstanding", "good", "requires-improvement", "inadequate"];

    private static readonly Gen<string> Atom = Gen.OneOf(
        // One effect against a constant: the comparisons that let profiles merge.
        from v in Gen.Elements(Variables) from op in Gen.Elements(Comparisons) from k in Gen.Choose(0, 7) select $"{v} {op} {k}",
        from v in Gen.Elements(Variables) from ks in Gen.Choose(0, 6).ArrayOf(2) select $"{v} in [{ks[0]}, {ks[1]}]",
        from v in Gen.Elements(Variables) from w in Gen.Elements(Variables) from op in Gen.Elements(Comparisons) from k in Gen.Choose(-2, 3)
        select $"{v} {op} {w} + {k}",
        from v in Gen.Elements(Variables) from w in Gen.Elements(Variables) from op in Gen.Elements(Comparisons) from k in Gen.Choose(0, 8)
        select $"{v} + 2 * {w} {op} {k}");

    private static Gen<string> Condition(int depth) => depth == 0
        ? Atom
        : Gen.OneOf(
            Atom,
            from a in Condition(depth - 1) from b in Condition(depth - 1) from op in Gen.Elements("and", "or") select $"({a}) {op} ({b})",
            from a in Condition(depth - 1) select $"not ({a})",
            from a in Condition(depth - 1) from b in Condition(depth - 1) select $"({a}) == ({b})");

    private static readonly Gen<string> Table =
        from rows in (from grade in Gen.Elements(Grades) from when in Condition(2) select $"  - grade: {grade}\n    when: \"{when}\"").ListOf()
        from n in Gen.Choose(1, 4)
        from fallback in Gen.Elements(true, true, false)
        select "default:\n" + string.Join("\n", rows.Take(n)) + (fallback ? "\n  - grade: inadequate\n    otherwise: true" : "") + "\n";

    private static readonly Gen<string[]> Criteria =
        from effect in Gen.Elements("strength", "area-for-improvement", "cause-of-concern", "notable-practice").ArrayOf()
        from weights in Gen.Choose(1, 4).ArrayOf(effect.Length)
        select effect.Take(8).Select((x, i) => TestKit.Criterion($"Q1.extra-{i}", "Q1", "prevention",
            "any(f => f.indicator == \"q1.prevention.priority\")", x, weight: weights[i])).ToArray();

    [Property(MaxTest = 150)]
    public Property AnalyzeThresholds_MergedClasses_ReportAsEveryProfileAlone() =>
        Prop.ForAll(Table.ToArbitrary(), Criteria.ToArbitrary(), (thresholds, criteria) =>
        {
            // Arrange
            using var temp = new TempFolder();
            var folder = new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith(criteria)).With("thresholds.yaml", thresholds).WriteTo(temp);

            // Act
            var merged = Check(folder, mergeProfileClasses: true);
            var alone = Check(folder, mergeProfileClasses: false);

            // Assert
            Assert.Equal(alone, merged);
        });

    [Fact]
    public void AnalyzeThresholds_OneEffectComparedWithConstants_MergesItsProfiles()
    {
        // Arrange: the table tells causes of concern apart only as 0, 1 and more.
        var criteria = Enumerable.Range(1, 6).Select(i => TestKit.Criterion($"Q1.concern-{i}", "Q1", "prevention",
            "any(f => f.indicator == \"q1.prevention.priority\")", "cause-of-concern", weight: i)).ToArray();
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.weight == 0 and strengths.count >= areas-for-improvement.count
              - grade: requires-improvement
                when: causes-of-concern.weight <= 1
              - grade: inadequate
                otherwise: true
            """;
        var rulebook = LoadRulebook(new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith(criteria)).With("thresholds.yaml", thresholds));
        var table = rulebook.Thresholds["Q1"];

        // Act
        var space = new GradingEngine.Check.Analysis.ProfileSpace("Q1", rulebook.Rulebook.Criteria.Where(c => c.QuestionId == "Q1"),
            [.. table.Rules.Select(r => r.Condition)]);

        // Assert: concern weights 0 to 21 and more in 3 classes; strengths and areas are compared with each other, so not merged.
        var concerns = (int)GradingEngine.Model.Effect.CauseOfConcern;
        Assert.True(space.Pairs[concerns].Length >= 22);
        Assert.Equal([0, 1, 2], space.Representative[concerns]);
        Assert.Equal(space.Pairs[0].Length, space.Representative[0].Length);
        Assert.Equal(space.Size / space.Pairs[concerns].Length * 3, space.ClassCount);
    }

    private static CheckedRulebook LoadRulebook(MiniRulebook mini)
    {
        using var temp = new TempFolder();
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(mini.WriteTo(temp), LoadLimits.Default, bag)!;
        return RulebookChecker.Check(rulebook, bag) ?? throw new InvalidOperationException(TestKit.Render(bag.ToSortedList()));
    }

    /// <summary>Every diagnostic of loading and checking the folder, and each table's analysis when it checks.</summary>
    private static string Check(string folder, bool mergeProfileClasses)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(folder, LoadLimits.Default, bag);
        Assert.NotNull(rulebook);
        var result = RulebookChecker.Check(rulebook, bag, mergeProfileClasses);
        var analyses = result?.Analyses.Select(a => $"{a.Subject} {a.Table} {a.SpaceSize} {a.Exhaustive} [{string.Join(",", a.GradesProduced)}]") ?? [];
        return string.Join("\n", bag.ToSortedList().Select(DiagnosticFormatter.Format).Concat(analyses));
    }
}
