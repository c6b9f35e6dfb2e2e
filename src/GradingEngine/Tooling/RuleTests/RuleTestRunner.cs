using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Model;
using GradingEngine.Trace;
using GradingEngine.Grading;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Grades every case with one compiled rulebook, checks its expectations, and measures coverage.
/// A case counts toward a question's coverage only when it exercises that question: it has
/// findings for it, or expects its grade or one of its criteria. Otherwise a case about Q1 would
/// "cover" every Q2 criterion as not met and Q2's bottom threshold row, just by saying nothing
/// about Q2. A case counts toward the roll-up when it expects `overall` or exercises every question.
/// </summary>
internal static class RuleTestRunner
{
    /// <summary>
    /// Runs the test cases of a rulebook folder (`tests/*.yaml`): compiles the rulebook once, grades every case,
    /// checks its expectations and measures coverage. Fails with every problem of the rulebook, or else of the
    /// test files; a failing case is a result, not a failure.
    /// </summary>
    /// <param name="findingsRoot">A folder whose findings files the cases may name besides those inside the rulebook folder.</param>
    public static Diagnostics.Result<RuleTestReport> Test(string directory, Load.LoadLimits limits, string? findingsRoot = null)
    {
        // A suite is a few dozen cases: interpreting them is quicker than JIT-compiling every condition.
        var compiled = Grader.LoadRulebook(directory, limits, ExpressionMode.Interpreted);
        if (!compiled.Succeeded)
        {
            return Diagnostics.Result<RuleTestReport>.Fail(compiled.Diagnostics);
        }
        var bag = new Diagnostics.DiagnosticBag();
        var suite = RuleTestLoader.Load(directory, compiled.Value!.Rulebook, limits, bag, findingsRoot);
        if (suite is null || bag.HasErrors)
        {
            return Diagnostics.Result<RuleTestReport>.Fail(bag.ToSortedList());
        }
        bag.AddRange(compiled.Diagnostics);
        return Diagnostics.Result<RuleTestReport>.Ok(Run(compiled.Value, suite), bag.ToSortedList());
    }

    public static RuleTestReport Run(CompiledRulebook rulebook, RuleTestSuite suite)
    {
        var results = suite.Cases.Select(c => RunCase(rulebook, c)).ToList();
        var published = new PublishedGradesRunner(rulebook);
        return new RuleTestReport(rulebook.Rulebook, suite, results, [.. suite.Published.Select(published.Run)], Coverage(rulebook.Checked, results));
    }

    private static RuleCaseResult RunCase(CompiledRulebook rulebook, RuleTestCase testCase)
    {
        var result = Grader.Grade(rulebook, testCase.Inspection, outlooks: false);
        var expectations = new List<ExpectationResult>();
        foreach (var grade in testCase.Expect.Grades)
        {
            var actual = grade.Subject == ProposedGrades.OverallKey ? result.Overall?.Grade : result.Find(grade.Subject)!.Grade;
            expectations.Add(new ExpectationResult(ExpectationKind.Grade, grade.Subject, grade.GradeId, actual?.Id ?? ProposedGrades.NotGradedId, grade.Span));
        }
        foreach (var (kind, list) in new[] { (ExpectationKind.Met, testCase.Expect.Met), (ExpectationKind.NotMet, testCase.Expect.NotMet) })
        {
            foreach (var expected in list)
            {
                var outcome = Outcome(result, expected.CriterionId);
                expectations.Add(new ExpectationResult(kind, expected.CriterionId,
                    kind == ExpectationKind.Met ? ExpectationResult.MetText : ExpectationResult.NotMetText,
                    outcome.Met ? ExpectationResult.MetText : ExpectationResult.NotMetText, expected.Span));
            }
        }
        return new RuleCaseResult(testCase, result, expectations);
    }

    private static CriterionOutcome Outcome(GradingResult result, string criterionId) =>
        result.Questions.SelectMany(q => q.Criteria).First(c => c.Criterion.Id == criterionId);

    /// <summary>Whether <paramref name="testCase"/> says anything about <paramref name="questionId"/> (see the class summary).</summary>
    public static bool Exercises(RuleTestCase testCase, string questionId) =>
        testCase.Inspection.Findings.Any(f => f.QuestionId == questionId)
        || testCase.Expect.Grades.Any(g => g.Subject == questionId)
        || testCase.Expect.Met.Concat(testCase.Expect.NotMet).Any(c => c.QuestionId == questionId);

    public static bool ExercisesRollup(RuleTestCase testCase, Rulebook rulebook) =>
        rulebook.Rollup is not null &&
        (testCase.Expect.Grades.Any(g => g.Subject == ProposedGrades.OverallKey) || rulebook.Questions.All(q => Exercises(testCase, q.Id)));

    private static RuleTestCoverage Coverage(CheckedRulebook rulebook, IReadOnlyList<RuleCaseResult> results)
    {
        var questions = new List<QuestionCoverage>();
        foreach (var question in rulebook.Rulebook.Questions)
        {
            var exercising = results.Where(r => Exercises(r.Case, question.Id)).ToList();
            var outcomes = exercising.Select(r => (r.Case.Name, Result: r.Result.Find(question.Id)!)).ToList();
            var criteria = rulebook.CriteriaOf(question.Id)
                .Select(c => new CriterionCoverage(
                    c.Criterion,
                    outcomes.Where(o => IsMet(o.Result, c.Criterion)).Select(o => o.Name).ToList(),
                    outcomes.Where(o => !IsMet(o.Result, c.Criterion)).Select(o => o.Name).ToList()))
                .ToList();
            var decisions = outcomes.Select(o => (o.Name, o.Result.Decision)).ToList();
            var thresholds = Table(rulebook.Thresholds[question.Id], decisions);
            var limits = Limits(rulebook.Limits[question.Id], decisions);
            questions.Add(new QuestionCoverage(question, exercising.Select(r => r.Case.Name).ToList(), criteria, thresholds, limits));
        }
        var rollupCases = results.Where(r => ExercisesRollup(r.Case, rulebook.Rulebook)).ToList();
        var overall = rollupCases.Select(r => (r.Case.Name, r.Result.Overall)).ToList();
        var rollup = rulebook.Rollup is { } r ? Table(r.Table, overall) : null;
        var rollupLimits = rulebook.Rollup is { } l ? Limits(l.Limits, overall) : [];
        return new RuleTestCoverage(questions, rollup, rollupLimits, rollupCases.Select(c => c.Case.Name).ToList());
    }

    /// <summary>Each limit and the cases in which it set the grade.</summary>
    private static IReadOnlyList<LimitCoverage> Limits(IReadOnlyList<CheckedLimit> limits, IReadOnlyList<(string Name, GradeDecision? Decision)> decisions) =>
        [.. limits.Select(l => new LimitCoverage(l.Index, l.Limit, l.Grade,
            decisions.Where(d => d.Decision?.LimitedBy?.Index == l.Index).Select(d => d.Name).ToList()))];

    private static bool IsMet(QuestionResult result, Criterion criterion) =>
        result.Criteria.Any(c => c.Met && c.Criterion.Id == criterion.Id);

    /// <summary>Each row and the cases it decided: a case that is not graded decides none.</summary>
    private static TableCoverage Table(CheckedTable table, IEnumerable<(string Name, GradeDecision? Decision)> decisions)
    {
        var list = decisions.ToList();
        var rules = table.Rules
            .Select((r, i) => new RuleCoverage(i, r.Rule, r.Grade, list.Where(d => d.Decision?.RuleIndex == i).Select(d => d.Name).ToList()))
            .ToList();
        return new TableCoverage(table.Table.Name, rules);
    }
}
