using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>Grading cases, checking each kind of expectation, and coverage on the mini rulebook computed by hand.</summary>
public class RuleTestRunnerTests
{
    private static RuleTestReport RunSuite(string suite)
    {
        using var temp = new TempFolder();
        return RuleTestKit.Run(RuleTestKit.Write(temp, ("cases.yaml", suite)));
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static ExpectationResult SingleFailure(RuleTestReport report, string caseName)
    {
        var result = report.Cases.Single(c => c.Case.Name == caseName);
        Assert.False(result.Passed);
        return Assert.Single(result.Failures);
    }

    [Fact]
    public void Run_PassingSuite_EveryCasePassesInOrder()
    {
        // Act
        var report = RunSuite(RuleTestKit.PassingSuite);

        // Assert
        Assert.Equal(["q1-good", "q1-outstanding", "q2-inadequate"], report.Cases.Select(c => c.Case.Name));
        Assert.All(report.Cases, c => Assert.True(c.Passed, c.Case.Name));
        Assert.Equal((3, 0, true), (report.PassedCount, report.FailedCount, report.AllPassed));
        Assert.Equal(["Q1", "overall", "Q1.priority", "Q1.partnership-gap", "Q1.partnership"], report.Cases[0].Expectations.Select(e => e.Subject));
        Assert.Equal("good", report.Cases[0].Result.Find("Q1")!.Grade!.Id);
    }

    [Fact]
    public void Run_WrongQuestionGrade_FailsWithExpectedAndActual()
    {
        var report = RunSuite(Replace(RuleTestKit.PassingSuite, "Q1: good", "Q1: outstanding"));

        var failure = SingleFailure(report, "q1-good");

        Assert.Equal((ExpectationKind.Grade, "Q1", "outstanding", "good"), (failure.Kind, failure.Subject, failure.Expected, failure.Actual));
        Assert.Equal((9, 13), (failure.Span.Line, failure.Span.Column));
        Assert.Equal((2, 1), (report.PassedCount, report.FailedCount));
    }

    [Fact]
    public void Run_WrongOverallGrade_FailsWithExpectedAndActual()
    {
        var report = RunSuite(Replace(RuleTestKit.PassingSuite, "overall: requires-improvement", "overall: good"));

        var failure = SingleFailure(report, "q1-good");

        Assert.Equal((ExpectationKind.Grade, "overall", "good", "requires-improvement"), (failure.Kind, failure.Subject, failure.Expected, failure.Actual));
    }

    [Fact]
    public void Run_CriterionExpectedMetButNot_Fails()
    {
        var report = RunSuite(Replace(RuleTestKit.PassingSuite, "met: [Q1.priority, Q1.partnership-gap]", "met: [Q1.priority, Q1.partnership-gap, Q1.crime-rising]"));

        var failure = SingleFailure(report, "q1-good");

        Assert.Equal((ExpectationKind.Met, "Q1.crime-rising", "met", "not met"), (failure.Kind, failure.Subject, failure.Expected, failure.Actual));
    }

    [Fact]
    public void Run_CriterionExpectedNotMetButMet_Fails()
    {
        var report = RunSuite(Replace(RuleTestKit.PassingSuite, "met: [Q2.quality-failure]\n      notMet: [Q2.quality]", "notMet: [Q2.quality, Q2.quality-failure]"));

        var failure = SingleFailure(report, "q2-inadequate");

        Assert.Equal((ExpectationKind.NotMet, "Q2.quality-failure", "not met", "met"), (failure.Kind, failure.Subject, failure.Expected, failure.Actual));
    }

    [Fact]
    public void Run_SeveralFailuresInOneCase_ReportsEachInExpectationOrder()
    {
        var suite = Replace(RuleTestKit.PassingSuite, "Q1: good", "Q1: inadequate");
        suite = Replace(suite, "met: [Q1.priority, Q1.partnership-gap]", "met: [Q1.priority, Q1.crime-rising]");

        var report = RunSuite(suite);

        var result = report.Cases[0];
        Assert.Equal(["Q1", "Q1.crime-rising"], result.Failures.Select(f => f.Subject));
        Assert.Equal(5, result.Expectations.Count);
    }

    [Fact]
    public void Run_MiniSuite_CoverageAsComputedByHand()
    {
        // Act
        var coverage = RunSuite(RuleTestKit.PassingSuite).Coverage;

        // Assert: Q1 is exercised by the two Q1 cases; Q1.priority is met in both, so never flips.
        var q1 = coverage.Questions[0];
        Assert.Equal(["q1-good", "q1-outstanding"], q1.ExercisedBy);
        Assert.Equal(["Q1.partnership", "Q1.partnership-gap"], q1.Criteria.Where(c => c.Covered).Select(c => c.Criterion.Id));
        Assert.Equal((2, 6), (q1.CriteriaFigure.Covered, q1.CriteriaFigure.Total));
        Assert.Equal([["q1-outstanding"], ["q1-good"], [], []], q1.Thresholds.Rules.Select(r => r.DecidedIn));
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], q1.Thresholds.Rules.Select(r => r.Grade!.Id));

        // Q2: only q2-inadequate exercises it; the Q1 cases grade Q2 (requires improvement, no findings) but do not count.
        var q2 = coverage.Questions[1];
        Assert.Equal(["q2-inadequate"], q2.ExercisedBy);
        Assert.Equal((0, 3), (q2.CriteriaFigure.Covered, q2.CriteriaFigure.Total));
        Assert.Equal([[], [], [], ["q2-inadequate"]], q2.Thresholds.Rules.Select(r => r.DecidedIn));

        // Totals, and the roll-up: only q1-good expects `overall`.
        Assert.Equal(new CoverageFigure(2, 9), coverage.Criteria);
        Assert.Equal(new CoverageFigure(3, 8), coverage.Thresholds);
        Assert.Equal(["q1-good"], coverage.RollupExercisedBy);
        Assert.Equal([[], [], ["q1-good"], []], coverage.Rollup!.Rules.Select(r => r.DecidedIn));
        Assert.Equal(new CoverageFigure(1, 4), coverage.Rollup!.Figure);
        Assert.Equal((22.2m, 37.5m, 25m), (coverage.Criteria.Percent, coverage.Thresholds.Percent, coverage.Rollup!.Figure.Percent));
    }

    [Fact]
    public void Run_CaseWithFindingsForEveryQuestion_CountsForTheRollup()
    {
        // Arrange: Q1 good (strength and area for improvement of weight 2) and Q2 good (a strength of weight 2).
        var suite = """
            cases:
              - name: both
                description: Synthetic findings for both questions.
                findings:
                  - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: effective, quote: Prevention comes first., source: Synthetic}
                  - {id: F2, question: Q1, indicator: q1.partnership.working, judgement: inconsistent, quote: Partnership varies., source: Synthetic}
                  - {id: F3, question: Q2, indicator: q2.investigation.quality, judgement: effective, quote: Investigations are good., source: Synthetic}
                expect:
                  grades: {Q1: good}
            """;

        // Act
        var coverage = RunSuite(suite).Coverage;

        // Assert
        Assert.Equal(["both"], coverage.RollupExercisedBy);
        Assert.Equal([[], ["both"], [], []], coverage.Rollup!.Rules.Select(r => r.DecidedIn));
    }

    [Fact]
    public void Coverage_Below_ComparesExactlyNotOnTheRoundedPercent()
    {
        // Arrange: criteria 2/9 (22.2...%), threshold rules 3/8 (37.5%), roll-up 1/4 (25%).
        var coverage = RunSuite(RuleTestKit.PassingSuite).Coverage;

        // Act / Assert
        Assert.Empty(coverage.Below(22.2m));
        Assert.Equal([RuleTestCoverage.CriteriaName], coverage.Below(22.3m).Select(b => b.Key));
        Assert.Equal([RuleTestCoverage.CriteriaName, RuleTestCoverage.RollupName], coverage.Below(30m).Select(b => b.Key));
        Assert.Equal(3, coverage.Below(100m).Count);
    }

    [Theory]
    [InlineData(2, 3, "66.6")]
    [InlineData(1999, 2000, "99.9")]
    [InlineData(0, 4, "0")]
    [InlineData(0, 0, "100")]
    public void CoverageFigure_Percent_TruncatedToOneDecimal(int covered, int total, string expected)
    {
        var figure = new CoverageFigure(covered, total);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), figure.Percent);
    }

    [Fact]
    public void CoverageFigure_IsBelow_UsesExactFraction()
    {
        var figure = new CoverageFigure(9, 10);

        Assert.False(figure.IsBelow(90m));
        Assert.True(figure.IsBelow(90.01m));
        Assert.False(new CoverageFigure(0, 0).IsBelow(100m));
    }
}
