using GradingEngine.Check.Analysis;
using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Check;

public class TableAnalyzerTests
{
    private static TestKit.Checked CheckThresholds(string thresholds) =>
        TestKit.Check(new MiniRulebook().With("thresholds.yaml", thresholds));

    private static TestKit.Checked CheckRollup(string rollup) =>
        TestKit.Check(new MiniRulebook().With("rollup.yaml", rollup));

    [Fact]
    public void Check_MiniRulebook_AnalysesEveryTableExhaustively()
    {
        // Act
        var result = TestKit.Check(new MiniRulebook());

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        var analyses = result.Result.Value!.Analyses;
        Assert.Equal(["Q1", "Q2", "overall"], analyses.Select(a => a.Subject));
        Assert.All(analyses, a => Assert.True(a.Exhaustive));
        // The roll-up is proved over the grades each question's own table can produce, not every grade of the scale.
        var producible = analyses.Where(a => a.Subject != "overall").Aggregate(1L, (n, a) => n * a.GradesProduced.Count);
        Assert.True(producible < 16, $"{producible} combinations");
        Assert.Equal(producible, analyses.Single(a => a.Subject == "overall").SpaceSize);
        // No question can be outstanding, so neither can the overall grade, which needs every question outstanding.
        Assert.Equal(["good", "requires-improvement", "inadequate"], analyses.Single(a => a.Subject == "overall").GradesProduced);
    }

    [Fact]
    public void Check_ThresholdsWithGapAndNoOtherwise_ReportsGE500WithExampleProfile()
    {
        // Arrange: nothing grades a question with a cause of concern.
        const string thresholds = """
            default:
              - grade: outstanding
                when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
              - grade: good
                when: causes-of-concern.count == 0 and areas-for-improvement.weight <= 2 and strengths.count >= 1
              - grade: requires-improvement
                when: causes-of-concern.count == 0
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.MissingFallback, error.Code);
        Assert.Equal(result.PathOf("thresholds.yaml"), error.Span.Path);
        Assert.Contains("thresholds `default` give `Q1` no grade when", error.Message);
        Assert.Contains("`causes-of-concern.count` is 1", error.Message);
        Assert.Contains("`strengths.count` is", error.Message);
        Assert.Contains("`otherwise: true`", error.Help);
        Assert.Contains("inadequate", error.Help);
    }

    [Fact]
    public void Check_TotalThresholdsWithoutOtherwise_HaveNoGap()
    {
        // Arrange: the last rule holds for every profile.
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.count == 0
              - grade: inadequate
                when: causes-of-concern.count >= 0
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingFallback);
    }

    [Fact]
    public void Check_OtherwiseNotLast_ReportsGE501()
    {
        // Arrange
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.count == 0
              - grade: inadequate
                otherwise: true
              - grade: inadequate
                when: causes-of-concern.count >= 1
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.FallbackNotLast, error.Code);
        Assert.Equal("`otherwise` must be the last rule of `default`", error.Message);
        Assert.Equal(TestKit.Locate(thresholds, "true"), TestKit.At(error));
    }

    [Fact]
    public void Check_RowWhollyShadowedByEarlierRow_ReportsGE502WithExample()
    {
        // Arrange: the second `good` row accepts only profiles the first `good` row already takes.
        const string thresholds = """
            default:
              - grade: outstanding
                when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
              - grade: good
                when: causes-of-concern.count == 0
              - grade: good
                when: causes-of-concern.count == 0 and strengths.count >= 1
              - grade: requires-improvement
                when: causes-of-concern.count == 1 and strengths.count >= 1
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnreachableRule, error.Code);
        Assert.Equal(TestKit.Locate(thresholds, "grade: good", 2), TestKit.At(error));
        Assert.Contains("the rule for `good` never decides a grade", error.Message);
        var firstGood = TestKit.Locate(thresholds, "grade: good").Line;
        Assert.Contains($"the rule for `good` at line {firstGood} applies first", error.Message);
        Assert.Contains("e.g. when `strengths.count` is 1", error.Message);
        Assert.Contains("`causes-of-concern.count` is 0", error.Message);
    }

    [Fact]
    public void Check_RowNoProfileSatisfies_IsAWarningNotAnError()
    {
        // Arrange: no question has more than one cause of concern, so the `inadequate` row is never satisfied.
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.count == 0
              - grade: requires-improvement
                when: causes-of-concern.count == 1
              - grade: inadequate
                when: causes-of-concern.count >= 2
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.GradeNeverProduced && d.Message.Contains("`inadequate`"));
    }

    [Fact]
    public void Check_OtherwiseThatNoProfileReaches_IsNotAnError()
    {
        // Arrange: each question has at most one cause of concern (weight 3), so the rows above cover every
        // profile; `otherwise` is the documented, required fallback and must not be an error.
        const string thresholds = """
            default:
              - grade: outstanding
                when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
              - grade: good
                when: causes-of-concern.count == 0 and areas-for-improvement.weight <= 2 and strengths.count >= 1
              - grade: requires-improvement
                when: causes-of-concern.weight <= 3
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        Assert.True(result.Errors.Count == 0, result.ToString());
    }

    [Fact]
    public void Check_RowsOutOfScaleOrder_ReportsGE503()
    {
        // Arrange: `good when strengths.count >= 1` above `outstanding`.
        const string thresholds = """
            default:
              - grade: good
                when: strengths.count >= 1
              - grade: outstanding
                when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ScaleOrder, error.Code);
        Assert.Equal("rule for `outstanding` comes after a rule for a worse grade", error.Message);
        Assert.Equal(TestKit.Locate(thresholds, "outstanding"), TestKit.At(error));
    }

    [Fact]
    public void Check_MoreStrengthsLowerTheGrade_ReportsGE504WithExample()
    {
        // Arrange: `good` only with at most one strength.
        const string thresholds = MiniRulebook.NotMonotoneThresholdsYaml;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.NotMonotone, error.Code);
        Assert.Contains("one more `strength`", error.Message);
        Assert.Contains("lowers `Q1` from `good` to `requires-improvement`", error.Message);
        Assert.Contains("when `strengths.count` is 1", error.Message);
        Assert.Equal("`strength` is declared `better`: one more must never lower a grade", error.Help);
        Assert.Equal(TestKit.Locate(thresholds, "grade: requires-improvement"), TestKit.At(error));
    }

    [Fact]
    public void Check_MoreCausesOfConcernRaiseTheGrade_ReportsGE504()
    {
        // Arrange: a cause of concern lifts `requires-improvement` to `good`.
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.count >= 1
              - grade: requires-improvement
                when: strengths.count >= 0
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors, d => d.Code == DiagnosticCodes.NotMonotone);
        Assert.Contains("one more `cause-of-concern`", error.Message);
        Assert.Contains("raises", error.Message);
    }

    [Fact]
    public void Check_PerQuestionOverride_IsAnalysedForItsQuestion()
    {
        // Arrange: Q2's own table has a gap for a cause of concern; the default table is fine.
        var thresholds = MiniRulebook.ThresholdsYaml + """

            questions:
              Q2:
                - grade: good
                  when: causes-of-concern.count == 0
            """;

        // Act
        var result = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.MissingFallback, error.Code);
        Assert.Contains("thresholds `Q2` give `Q2` no grade", error.Message);
    }

    [Fact]
    public void Check_RollupGap_ReportsGE500WithCombination()
    {
        // Arrange
        const string rollup = """
            overall:
              - grade: outstanding
                when: all(q => q.grade == outstanding)
              - grade: good
                when: all(q => q.grade no worse than good)
              - grade: requires-improvement
                when: count(q => q.grade == inadequate) == 0
            """;

        // Act
        var result = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.MissingFallback, error.Code);
        Assert.Equal(result.PathOf("rollup.yaml"), error.Span.Path);
        Assert.Equal("the roll-up gives no overall grade when `Q1` is `outstanding`, `Q2` is `inadequate`", error.Message);
    }

    [Fact]
    public void Check_RollupRowWhollyShadowed_ReportsGE502WithExample()
    {
        // Arrange
        const string rollup = """
            overall:
              - grade: outstanding
                when: all(q => q.grade == outstanding)
              - grade: good
                when: all(q => q.grade no worse than good)
              - grade: good
                when: all(q => q.grade == good)
              - grade: requires-improvement
                when: count(q => q.grade == inadequate) == 0
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnreachableRule, error.Code);
        Assert.Equal(TestKit.Locate(rollup, "grade: good", 2), TestKit.At(error));
        Assert.Contains("`Q1` is `good`, `Q2` is `good`", error.Message);
        Assert.Contains($"the rule for `good` at line {TestKit.Locate(rollup, "grade: good").Line} applies first", error.Message);
    }

    [Fact]
    public void Check_RollupNotMonotone_ReportsGE504()
    {
        // Arrange: a question requiring improvement makes the overall grade `good`; improving it lowers the overall grade.
        const string rollup = """
            overall:
              - grade: outstanding
                when: all(q => q.grade == outstanding)
              - grade: good
                when: any(q => q.grade == requires-improvement)
              - grade: requires-improvement
                when: count(q => q.grade == inadequate) == 0
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.NotMonotone, error.Code);
        Assert.Contains("the roll-up is not monotone", error.Message);
        Assert.Contains("lowers the overall grade from `good` to `requires-improvement`", error.Message);
        Assert.Equal("a better question grade must never make the overall grade worse", error.Help);
    }

    [Fact]
    public void Check_RollupOtherwiseThatNoCombinationReaches_IsNotAnError()
    {
        // Arrange: the `requires-improvement` row holds for every combination, so `otherwise` never decides.
        const string rollup = """
            overall:
              - grade: good
                when: all(q => q.grade no worse than good)
              - grade: requires-improvement
                when: all(q => q.grade no worse than inadequate)
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckRollup(rollup);

        // Assert
        Assert.True(result.Errors.Count == 0, result.ToString());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.GradeNeverProduced && d.Message.Contains("`inadequate`"));
    }

    [Fact]
    public void Check_RollupThatNeverGivesAGrade_WarnsGE506()
    {
        // Arrange
        const string rollup = """
            overall:
              - grade: good
                when: all(q => q.grade no worse than good)
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckRollup(rollup);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.GradeNeverProduced).Select(d => d.Message).ToList();
        Assert.Contains("no combination of question grades gives the overall grade `outstanding`", warnings);
        Assert.Contains("no combination of question grades gives the overall grade `requires-improvement`", warnings);
        Assert.Equal(["good", "inadequate"], result.Result.Value!.Analyses.Single(a => a.Subject == "overall").GradesProduced);
    }

    [Fact]
    public void Check_ErrorsElsewhere_SkipTheAnalysis()
    {
        // Arrange: a gap in the thresholds and a binding error in a criterion.
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.count == 0
            """;
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("X.bad", "Q1", "prevention", "cout(f => true) >= 1"));

        // Act
        var result = TestKit.Check(new MiniRulebook().With("thresholds.yaml", thresholds).With(TestKit.CriteriaFile, criteria));

        // Assert: the analysis only runs on an otherwise error-free rulebook.
        Assert.Equal([DiagnosticCodes.UnknownName], result.Errors.Select(d => d.Code));
    }

    /// <summary>
    /// Many strengths, areas for improvement and causes of concern with distinct weights, all read by weight: a space of
    /// millions of profiles whose good/inadequate boundary is a plane through it.
    /// </summary>
    private static MiniRulebook HugeSpace()
    {
        var criteria = new List<string>();
        foreach (var (effect, count) in new[] { ("strength", 20), ("area-for-improvement", 20), ("cause-of-concern", 10) })
        {
            for (var w = 1; w <= count; w++)
            {
                criteria.Add(TestKit.Criterion($"Q1.{effect}-{w}", "Q1", "prevention",
                    "any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective)", effect, weight: w));
            }
        }
        const string thresholds = """
            default:
              - grade: good
                when: causes-of-concern.weight == 0 and areas-for-improvement.weight <= strengths.weight and strengths.count >= areas-for-improvement.count
              - grade: inadequate
                otherwise: true
            """;
        return new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith([.. criteria])).With("thresholds.yaml", thresholds);
    }

    [Fact]
    public void AnalyzeThresholds_MoreRegionsThanAllowed_WarnsGE505AndIsNotExhaustive()
    {
        // Arrange
        var mini = HugeSpace();
        var rulebook = TestKit.Check(mini).Result.Value!;
        var bag = new DiagnosticBag();

        // Act: a search allowed 50 boxes, far fewer than the boundary between good and inadequate needs.
        var analyses = TableAnalyzer.AnalyzeThresholds(rulebook.Rulebook, rulebook.Criteria, rulebook.Thresholds, rulebook.Limits, bag, maxBoxes: 50);

        // Assert: the space is huge, the warning says so, and nothing else is claimed of that table.
        var warning = Assert.Single(bag.ToSortedList(), d => d.Code == DiagnosticCodes.SpaceTooLarge);
        Assert.Contains("`Q1`", warning.Message);
        var q1 = analyses.Single(a => a.Subject == "Q1");
        Assert.False(q1.Exhaustive);
        Assert.Empty(q1.GradesProduced);
        Assert.True(q1.SpaceSize > 1_000_000L, $"{q1.SpaceSize} profiles");
        Assert.True(analyses.Single(a => a.Subject == "Q2").Exhaustive);
    }

    [Fact]
    public void Check_HugeProfileSpace_IsProvedExhaustively()
    {
        // Arrange
        var mini = HugeSpace();

        // Act
        var result = TestKit.Check(mini);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SpaceTooLarge);
        var q1 = result.Result.Value!.Analyses.Single(a => a.Subject == "Q1");
        Assert.True(q1.Exhaustive);
        Assert.True(q1.SpaceSize > 100_000_000L, $"{q1.SpaceSize} profiles");
        Assert.Equal(["good", "inadequate"], q1.GradesProduced);
    }

    [Fact]
    public void Check_WeightedThresholdsOverAHundredCriteria_AreCheckedExhaustivelyByClass()
    {
        // Arrange: the shipped PEEL thresholds, which compare weights across effects, over 100 weighted criteria in Q1:
        // 60,684,288 profiles. Classes that keep every count and weight a comparison of several effects reads were
        // still 7,585,536, over the limit.
        var criteria = new List<string>();
        foreach (var (effect, count) in new[] { ("strength", 40), ("area-for-improvement", 35), ("cause-of-concern", 10), ("notable-practice", 15) })
        {
            for (var i = 0; i < count; i++)
            {
                criteria.Add(TestKit.Criterion($"Q1.{effect}-{i}", "Q1", "prevention",
                    "any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective)", effect, weight: 1 + i % 3));
            }
        }
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
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, TestKit.CriteriaWith([.. criteria])).With("thresholds.yaml", thresholds);

        // Act
        var result = TestKit.Check(mini);

        // Assert: all checked, because comparisons of several effects read only the weights of areas and concerns.
        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SpaceTooLarge);
        var q1 = result.Result.Value!.Analyses.Single(a => a.Subject == "Q1");
        Assert.True(q1.Exhaustive);
        Assert.True(q1.SpaceSize > 4_000_000L, $"{q1.SpaceSize} profiles");
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], q1.GradesProduced);
    }

    /// <summary>A threshold table of 66 rows: 65 `good` rows no profile satisfies, and nothing for a profile without strengths.</summary>
    private static string SixtySixRowThresholdsWithGap() =>
        "default:\n  - grade: outstanding\n    when: causes-of-concern.count == 0 and strengths.count >= 1\n" +
        string.Join("\n", Enumerable.Range(0, 65).Select(i => $"  - grade: good\n    when: strengths.count == {100 + i}")) + "\n";

    [Fact]
    public void Check_ThresholdTableOfMoreThan64Rows_IsRefusedWithTheTableLimit()
    {
        // Act: the analysis tracks rows as bits of a 64-bit mask, so longer tables are refused, not half-checked.
        var result = CheckThresholds(SixtySixRowThresholdsWithGap());

        // Assert
        Assert.False(result.Result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue);
        Assert.Contains("has 66 rules, over the limit of 64", error.Message);
        Assert.Equal(2, error.Span.Line);
    }

    [Fact]
    public void Grade_ThresholdTableOfMoreThan64Rows_EitherRefusedOrGradesWithoutCrashing()
    {
        // Arrange
        using var temp = new TempFolder();
        var loaded = GradingPipeline.LoadRulebook(new MiniRulebook().With("thresholds.yaml", SixtySixRowThresholdsWithGap()).WriteTo(temp));
        if (!loaded.Succeeded)
        {
            return; // refusing the table is a correct answer
        }
        var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml.Replace("judgement: effective\n    quote: Investigations", "judgement: inconsistent\n    quote: Investigations"));
        var inspection = GradingPipeline.LoadInspection(findings, loaded.Value!);
        Assert.True(inspection.Succeeded, TestKit.Render(inspection.Diagnostics));

        // Act
        var exception = Record.Exception(() => GradingPipeline.Grade(loaded.Value!, inspection.Value!));

        // Assert: Q2 has no strength, which no row of the accepted table grades.
        Assert.Null(exception);
    }

    [Fact]
    public void Check_RollupOfMoreThan64Rows_IsRefusedWithTheTableLimit()
    {
        // Arrange: 64 rows no combination satisfies, then `good` and `otherwise`.
        var rollup = "overall:\n" +
            string.Join("\n", Enumerable.Range(0, 64).Select(i => $"  - grade: outstanding\n    when: count(q => q.grade == outstanding) == {100 + i}")) +
            "\n  - grade: good\n    when: all(q => q.grade no worse than good)\n  - grade: inadequate\n    otherwise: true\n";

        // Act
        var result = CheckRollup(rollup);

        // Assert: refused as a whole, never misanalysed (row 64 must not alias row 0).
        Assert.False(result.Result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue && d.Message.Contains("has 66 rules, over the limit of 64", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.UnreachableRule or DiagnosticCodes.GradeNeverProduced);
    }

    [Fact]
    public void Check_ShippedRulebook_HasNoErrorsAndIsAnalysedExhaustively()
    {
        // Act
        var result = GradingPipeline.CheckRulebook(Repo.DefaultRules);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Empty(result.Errors);
        var analyses = result.Value!.Analyses;
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "overall"], analyses.Select(a => a.Subject));
        Assert.All(analyses, a => Assert.True(a.Exhaustive, $"{a.Subject} was not checked exhaustively"));
        Assert.All(analyses, a => Assert.True(a.SpaceSize > 1, $"{a.Subject} has a trivial space"));
        // Four grades or not graded (a question without findings) for each of four questions.
        Assert.Equal(5 * 5 * 5 * 5, analyses.Single(a => a.Subject == "overall").SpaceSize);
        Assert.All(analyses.Where(a => a.Subject != "overall"), a => Assert.Equal("default", a.Table));
    }


    private static TestKit.Checked CheckRollupWithKinds(string rollup) =>
        TestKit.Check(new MiniRulebook().With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml).With("rollup.yaml", rollup));

    /// <summary>The diagnostics besides the mini rulebook's own: `Q2` can never be outstanding, and so neither can the overall grade.</summary>
    private static IEnumerable<Diagnostic> NotAboutQ2(TestKit.Checked result) => result.Diagnostics.Where(d => d.Code != DiagnosticCodes.GradeNeverProduced
        || (d.Message != "no outcome of `Q2`'s criteria can be graded `outstanding`" && d.Message != "no combination of question grades gives the overall grade `outstanding`"));

    [Fact]
    public void Check_RollupWithoutFindingsCounts_IsProvedOverQuestionGradesAlone()
    {
        // Act
        var plain = TestKit.Check(new MiniRulebook()).Result.Value!.Analyses.Single(a => a.Subject == "overall");
        var withKinds = CheckRollupWithKinds(MiniRulebook.RollupYaml).Result.Value!.Analyses.Single(a => a.Subject == "overall");

        // Assert: declaring kinds adds nothing to a roll-up that does not count them.
        Assert.False(withKinds.CountsFindings);
        Assert.Equal(plain.SpaceSize, withKinds.SpaceSize);
        Assert.Equal(plain.GradesProduced, withKinds.GradesProduced);
    }

    [Fact]
    public void Check_RollupLimitOnAKind_ProvesEveryCountUpToItsBound()
    {
        // Arrange: `>= 1` tells 0 from 1 and more: counts 0, 1 and 2 (standing for every larger count).
        var rollup = MiniRulebook.RollupYaml + "\nlimits:\n  - no-better-than: requires-improvement\n    when: findings.breach-of-regulation >= 1\n";

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.Empty(NotAboutQ2(result));
        var plain = TestKit.Check(new MiniRulebook()).Result.Value!.Analyses.Single(a => a.Subject == "overall");
        var overall = result.Result.Value!.Analyses.Single(a => a.Subject == "overall");
        Assert.True(overall.CountsFindings);
        Assert.Equal(plain.SpaceSize * 3, overall.SpaceSize);
    }

    [Fact]
    public void Check_RollupGapAtAFindingsCount_ReportsGE500WithTheCount()
    {
        // Arrange: two or more breaches fall through every row.
        const string rollup = """
            overall:
              - grade: good
                when: all(q => q.grade no worse than good) and findings.breach-of-regulation == 0
              - grade: requires-improvement
                when: findings.breach-of-regulation <= 1
            """;

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.MissingFallback, error.Code);
        Assert.Equal("the roll-up gives no overall grade when `Q1` is `outstanding`, `Q2` is `good`, `findings.breach-of-regulation` is 2", error.Message);
    }

    [Fact]
    public void Check_RollupRowShadowedAtEveryFindingsCount_ReportsGE502WithTheCount()
    {
        // Arrange
        const string rollup = """
            overall:
              - grade: good
                when: findings.breach-of-regulation == 0
              - grade: good
                when: findings.breach-of-regulation == 0 and all(q => q.grade == good)
              - grade: requires-improvement
                when: findings.breach-of-regulation == 1
              - grade: inadequate
                otherwise: true
            """;

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnreachableRule, error.Code);
        Assert.Equal(TestKit.Locate(rollup, "grade: good", 2), TestKit.At(error));
        Assert.Contains("`Q1` is `good`, `Q2` is `good`, `findings.breach-of-regulation` is 0", error.Message);
    }

    [Fact]
    public void Check_RollupRaisedByOneMoreFindingOfAWorseKind_ReportsGE504WithTheCount()
    {
        // Arrange
        const string rollup = """
            overall:
              - grade: good
                when: findings.breach-of-regulation >= 1
              - grade: requires-improvement
                otherwise: true
            """;

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.NotMonotone, error.Code);
        Assert.Equal("the roll-up is not monotone: one more finding of kind `breach-of-regulation` raises the overall grade from `requires-improvement` to `good` "
            + "when `Q1` is `outstanding`, `Q2` is `good`, `findings.breach-of-regulation` is 0", error.Message);
        Assert.Equal("`breach-of-regulation` is declared `worse`: one more must never raise a grade", error.Help);
        Assert.Equal(TestKit.Locate(rollup, "grade: good"), TestKit.At(error));
    }

    [Fact]
    public void Check_RollupLimitLoweredByOneMoreFindingOfABetterKind_ReportsGE504AtTheLimit()
    {
        // Arrange
        var rollup = MiniRulebook.RollupYaml + "\nlimits:\n  - no-better-than: requires-improvement\n    when: findings.notable-practice >= 1\n";

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.NotMonotone, error.Code);
        Assert.StartsWith("the roll-up is not monotone: one more finding of kind `notable-practice` lowers the overall grade from `good` to `requires-improvement`", error.Message);
        Assert.EndsWith("`findings.notable-practice` is 0", error.Message);
        Assert.Equal(TestKit.Locate(rollup, "no-better-than"), TestKit.At(error));
    }

    [Fact]
    public void Check_RollupLimitOnEveryFinding_IsNeutral()
    {
        // Arrange: more findings of no kind in particular may lower the grade: `findings.count` has no direction.
        var rollup = MiniRulebook.RollupYaml + "\nlimits:\n  - no-better-than: requires-improvement\n    when: findings.count >= 30\n";

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.Empty(NotAboutQ2(result));
    }

    [Fact]
    public void Check_RollupLimitOnCountsNoInspectionHas_WarnsGE509()
    {
        // Arrange: a breach is a finding, so there is no inspection with a breach and no findings.
        var rollup = MiniRulebook.RollupYaml + "\nlimits:\n  - no-better-than: inadequate\n    when: findings.breach-of-regulation >= 1 and findings.count == 0\n";

        // Act
        var result = CheckRollupWithKinds(rollup);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        var warning = Assert.Single(NotAboutQ2(result));
        Assert.Equal(DiagnosticCodes.LimitWithoutEffect, warning.Code);
        Assert.StartsWith("limit `no-better-than: inadequate` never applies", warning.Message);
    }
}
