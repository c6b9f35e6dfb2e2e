using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Check;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The threshold analysis divides the profile space into boxes on which every condition is constant instead of visiting
/// each profile. On random tables and limits (gaps, overlaps, rows in any grade order, comparisons of one effect and of
/// several, caps and floors) over random criteria, it reports exactly what checking every profile on its own reports
/// (<see cref="ExhaustiveOracle"/>): the same diagnostics, with the same example profiles, and the same grades produced.
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

    private static readonly Gen<string> Limit =
        from kind in Gen.Elements("no-better-than", "no-worse-than")
        from grade in Gen.Elements(Grades)
        from when in Condition(1)
        select $"    - {kind}: {grade}\n      when: \"{when}\"";

    private static readonly Gen<string> Table =
        from rows in (from grade in Gen.Elements(Grades) from when in Condition(2) select $"  - grade: {grade}\n    when: \"{when}\"").ListOf()
        from n in Gen.Choose(1, 4)
        from fallback in Gen.Elements(true, true, false)
        from limits in Limit.ListOf()
        from l in Gen.Choose(0, 2)
        where l <= limits.Count
        select "default:\n" + string.Join("\n", rows.Take(n)) + (fallback ? "\n  - grade: inadequate\n    otherwise: true" : "") + "\n"
            + (l == 0 ? "" : "limits:\n  default:\n" + string.Join("\n", limits.Take(l)) + "\n");

    private static readonly Gen<string[]> Criteria =
        from effect in Gen.Elements("strength", "area-for-improvement", "cause-of-concern", "notable-practice").ArrayOf()
        from weights in Gen.Choose(1, 4).ArrayOf(effect.Length)
        select effect.Take(8).Select((x, i) => TestKit.Criterion($"Q1.extra-{i}", "Q1", "prevention",
            "any(f => f.indicator == \"q1.prevention.priority\")", x, weight: weights[i])).ToArray();

    [Property(MaxTest = 150)]
    public Property AnalyzeThresholds_RandomTables_ReportAsEveryProfileAlone() =>
        Prop.ForAll(Table.ToArbitrary(), Criteria.ToArbitrary(), (thresholds, criteria) =>
        {
            // Arrange
            using var temp = new TempFolder();
            var folder = new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith(criteria)).With("thresholds.yaml", thresholds).WriteTo(temp);
            var bag = new DiagnosticBag();
            var rulebook = RulebookLoader.Load(folder, LoadLimits.Default, bag);
            Assert.NotNull(rulebook);

            // Act
            var checkedRulebook = RulebookChecker.Check(rulebook, bag);
            if (checkedRulebook is null && bag.ToSortedList().Any(d => d.IsError && !Analysis.Contains(d.Code)))
            {
                return; // a table the binder refuses (a type error): nothing to analyse
            }
            var reported = bag.ToSortedList()
                .Where(d => Analysis.Contains(d.Code) && Path.GetFileName(d.Span.Path) == "thresholds.yaml")
                .Select(d => ExhaustiveOracle.Line(d.Code, d.Span, d.Message))
                .Order(StringComparer.Ordinal)
                .ToList();

            // Assert
            var oracle = ExhaustiveOracle.Analyze(checkedRulebook ?? Unanalysed(folder));
            Assert.True(oracle.Diagnostics.SequenceEqual(reported),
                $"every profile alone says:\n{string.Join("\n", oracle.Diagnostics)}\nthe analysis says:\n{string.Join("\n", reported)}");
            if (checkedRulebook is null) return;
            foreach (var analysis in checkedRulebook.Analyses.Where(a => a.Subject != "overall"))
            {
                Assert.True(analysis.Exhaustive);
                Assert.Equal(oracle.Produced[analysis.Subject], analysis.GradesProduced);
            }
        });

    /// <summary>The codes of the threshold analysis.</summary>
    private static readonly string[] Analysis = [DiagnosticCodes.MissingFallback, DiagnosticCodes.UnreachableRule, DiagnosticCodes.NotMonotone,
        DiagnosticCodes.GradeNeverProduced, DiagnosticCodes.LimitWithoutEffect];

    /// <summary>The rulebook bound as the checker binds it, without the analysis that refused it: what the oracle reads.</summary>
    private static CheckedRulebook Unanalysed(string folder)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(folder, LoadLimits.Default, bag)!;
        return RulebookChecker.Check(rulebook, bag, analyze: false) ?? throw new InvalidOperationException(TestKit.Render(bag.ToSortedList()));
    }

    [Fact]
    public void AnalyzeThresholds_ThousandsOfCriteria_ProvedInBoxesNotProfiles()
    {
        // Arrange: 400 criteria per effect of weights 1 to 3 on Q1: about 10^17 profiles, every effect read, two compared with each other.
        var effects = new[] { "strength", "area-for-improvement", "cause-of-concern", "notable-practice" };
        var criteria = Enumerable.Range(0, 1600).Select(i => TestKit.Criterion($"Q1.many-{i}", "Q1", "prevention",
            "any(f => f.indicator == \"q1.prevention.priority\")", effects[i % 4], weight: 1 + i % 3)).ToArray();
        const string thresholds = """
            default:
              - grade: outstanding
                when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and notable-practices.count >= 1 and strengths.weight >= 12
              - grade: good
                when: causes-of-concern.count == 0 and areas-for-improvement.weight <= 5 and strengths.weight >= 2 * areas-for-improvement.weight and strengths.weight >= 6
              - grade: requires-improvement
                when: causes-of-concern.weight <= 3 and areas-for-improvement.weight + causes-of-concern.weight < 3 * strengths.weight
              - grade: inadequate
                otherwise: true
            """;
        using var temp = new TempFolder();
        var folder = new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith(criteria)).With("thresholds.yaml", thresholds).WriteTo(temp);

        // Act
        var result = GradingPipeline.CheckRulebook(folder, lint: false);

        // Assert: proved, not sampled, and every grade is produced.
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        var q1 = result.Value!.Analyses.Single(a => a.Subject == "Q1");
        Assert.True(q1.Exhaustive);
        Assert.True(q1.SpaceSize > 1_000_000_000_000L, $"{q1.SpaceSize} profiles");
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], q1.GradesProduced);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SpaceTooLarge);
    }
}
