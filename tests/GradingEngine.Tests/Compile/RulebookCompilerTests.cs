using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Rollup;
using GradingEngine.Trace;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

public class RulebookCompilerTests
{
    private static readonly Lazy<CompiledRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()));

    private static GradingResult Grade(params string[] findings) => TestKit.Grade(Mini.Value, TestKit.Findings(findings));

    private static CriterionOutcome Outcome(GradingResult result, string criterionId) =>
        result.Questions.SelectMany(q => q.Criteria).Single(c => c.Criterion.Id == criterionId);

    [Fact]
    public void Compile_MiniRulebook_OneRulePerCriterionProfileAndThresholdRow()
    {
        // Act
        var compiled = Mini.Value;

        // Assert: 9 criteria; per question a profile rule and 4 threshold rows. The roll-up runs after the session.
        Assert.Equal(9 + 2 * (1 + 4), compiled.RuleCount);
        Assert.Equal(9, compiled.Criteria.Count);
        Assert.Equal(["Q1", "Q2"], compiled.Thresholds.Keys.Order());
    }

    [Fact]
    public void Compile_PerQuestionOverride_CountsItsOwnRows()
    {
        // Arrange: Q2 gets a two-row table.
        var thresholds = MiniRulebook.ThresholdsYaml + """

            questions:
              Q2:
                - grade: good
                  when: causes-of-concern.count == 0
                - grade: inadequate
                  otherwise: true
            """;

        // Act
        var compiled = TestKit.Compile(new MiniRulebook().With("thresholds.yaml", thresholds));

        // Assert
        Assert.Equal(9 + (1 + 4) + (1 + 2), compiled.RuleCount);
        Assert.Equal("Q2", compiled.Thresholds["Q2"].Table.Table.Name);
        Assert.Equal("default", compiled.Thresholds["Q1"].Table.Table.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(40)]
    public void Grade_ManyCriteriaInOneQuestion_EachLaneDecidesItsOwn(int findings)
    {
        // Arrange: 50 more Q1 criteria, "at least k findings" for k = 1..50, so they span seven lanes of 8
        // (each lane is its own NRules input) and exactly the first `findings` of them hold.
        var extra = string.Concat(Enumerable.Range(1, 50).Select(k => $"""

              - id: Q1.at-least-{k:D2}
                question: Q1
                area: prevention
                title: At least {k} priority findings
                rationale: lanes
                when: count(f => f.indicator == "q1.prevention.priority") >= {k}
                effect: strength
                message: "At least {k}"
            """));
        var compiled = TestKit.Compile(new MiniRulebook().With("criteria/criteria.yaml", MiniRulebook.CriteriaYaml + extra));
        var blocks = Enumerable.Range(1, findings).Select(i => TestKit.Finding($"F{i:D2}", "Q1", "q1.prevention.priority", judgement: "effective")).ToArray();

        // Act
        var result = TestKit.Grade(compiled, TestKit.Findings(blocks));

        // Assert: every "at least k" criterion is met exactly when k <= findings, and the profile counts
        // each met criterion once (Q1.priority is the other strength these findings meet).
        var q1 = result.Find("Q1")!;
        var met = q1.Criteria.Where(c => c.Criterion.Id.StartsWith("Q1.at-least-", StringComparison.Ordinal) && c.Met).Select(c => c.Criterion.Id);
        Assert.Equal(Enumerable.Range(1, findings).Select(k => $"Q1.at-least-{k:D2}"), met);
        var strengths = q1.Decision!.Values.Single(v => v.Key == "strengths.count").Value;
        Assert.Equal(findings + (findings > 0 ? 1 : 0), strengths);
    }

    [Fact]
    public void Grade_MiniFindings_DecidesByTheDocumentedRows()
    {
        // Act
        var result = TestKit.Grade(Mini.Value, MiniRulebook.FindingsYaml);

        // Assert
        var q1 = result.Find("Q1")!;
        Assert.Equal("good", q1.Grade!.Id);
        Assert.Equal(1, q1.Decision!.RuleIndex);
        Assert.Equal("default", q1.Decision!.Table);
        var values = q1.Decision!.Values.ToDictionary(v => v.Key, v => v.Value);
        Assert.Equal(1, values["strengths.count"]);
        Assert.Equal(2, values["strengths.weight"]);
        Assert.Equal(1, values["areas-for-improvement.count"]);
        Assert.Equal(2, values["areas-for-improvement.weight"]);
        Assert.Equal(0, values["causes-of-concern.count"]);
        Assert.Equal("good", result.Overall!.Grade.Id);
        Assert.Equal(1, result.Overall!.RuleIndex);
        Assert.Equal(2, result.Overall!.Values.Single(v => v.Key == "good").Value);
    }

    [Fact]
    public void Grade_QuestionWithNoFindings_StillGetsAGrade()
    {
        // Act: findings only for Q1.
        var result = Grade(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective"));

        // Assert: Q2's profile is empty, so the first row it satisfies is `requires-improvement`.
        var q2 = result.Find("Q2")!;
        Assert.Equal("requires-improvement", q2.Grade!.Id);
        Assert.Equal(2, q2.Decision!.RuleIndex);
        Assert.All(q2.Criteria, c => Assert.False(c.Met));
        Assert.Equal("requires-improvement", result.Overall!.Grade.Id);
    }

    [Fact]
    public void Grade_NoFindingsAtAll_GradesEveryQuestionAndOverall()
    {
        // Act
        var result = Grade();

        // Assert
        Assert.Equal(["requires-improvement", "requires-improvement"], result.Questions.Select(q => q.Grade!.Id));
        Assert.Equal("requires-improvement", result.Overall!.Grade.Id);
        Assert.Empty(result.NotConsidered);
    }

    [Fact]
    public void Grade_CriterionEvidence_ListsMatchingFindingsSortedById()
    {
        // Act: written out of order; F5 does not match `no worse than mostly-effective`.
        var result = Grade(
            TestKit.Finding("F9", "Q1", "q1.prevention.priority", judgement: "effective"),
            TestKit.Finding("F5", "Q1", "q1.prevention.priority", judgement: "ineffective"),
            TestKit.Finding("F10", "Q1", "q1.prevention.priority", judgement: "mostly-effective"),
            TestKit.Finding("F2", "Q1", "q1.partnership.working", judgement: "effective"));

        // Assert
        var priority = Outcome(result, "Q1.priority");
        Assert.True(priority.Met);
        Assert.Equal(["F10", "F9"], priority.Evidence.Select(f => f.Id));
        Assert.Equal("Prevention priority is mostly-effective", priority.Message);
        var failure = Outcome(result, "Q1.priority-failure");
        Assert.Equal(["F5"], failure.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void Grade_MessageOfWorstCriterion_TakesTheFindingThatSatisfiedTheCondition()
    {
        // Act: `Q2.quality-gap` is `worst(...) == inconsistent`, message "Investigation quality is {judgement}".
        var result = Grade(
            TestKit.Finding("A1", "Q2", "q2.investigation.quality", judgement: "effective"),
            TestKit.Finding("Z1", "Q2", "q2.investigation.quality", judgement: "inconsistent"));

        // Assert: docs/rule-language.md: placeholders take the first finding (by id) that satisfied the condition.
        var gap = Outcome(result, "Q2.quality-gap");
        Assert.True(gap.Met);
        Assert.Contains(gap.Evidence, f => f.Id == "Z1");
        Assert.Equal("Investigation quality is inconsistent", gap.Message);
    }

    [Fact]
    public void Grade_MessageOfMaxCriterion_TakesTheFindingThatSatisfiedTheCondition()
    {
        // Act: `Q1.crime-rising` is `max(...) > 5`, message "Crime changed by {value} points against national".
        var result = Grade(
            TestKit.Finding("C1", "Q1", "q1.prevention.crime-change", value: "2"),
            TestKit.Finding("C2", "Q1", "q1.prevention.crime-change", value: "7.5"));

        // Assert
        var rising = Outcome(result, "Q1.crime-rising");
        Assert.True(rising.Met);
        Assert.Equal("Crime changed by 7.5 points against national", rising.Message);
    }

    [Fact]
    public void Grade_CriterionNotMet_HasNoEvidenceAndNoMessage()
    {
        // Act
        var result = Grade(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective"));

        // Assert
        var gap = Outcome(result, "Q1.partnership-gap");
        Assert.False(gap.Met);
        Assert.Empty(gap.Evidence);
        Assert.Null(gap.Message);
    }

    [Fact]
    public void Grade_CountPlaceholder_CountsTheEvidence()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("Q1.many", "Q1", "prevention",
            "count(f => f.indicator == \"q1.prevention.priority\") >= 2", message: "{count} findings, first {indicator} from {source}: {quote}"));
        var compiled = TestKit.Compile(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Act
        var result = TestKit.Grade(compiled, TestKit.Findings(
            TestKit.Finding("B", "Q1", "q1.prevention.priority", judgement: "effective", quote: "Second.", source: "S2"),
            TestKit.Finding("A", "Q1", "q1.prevention.priority", judgement: "inconsistent", quote: "First.", source: "S1")));

        // Assert
        Assert.Equal("2 findings, first q1.prevention.priority from S1: First.", Outcome(result, "Q1.many").Message);
    }

    [Fact]
    public void Grade_CriterionUnderNotAny_EvidenceIsTheFindingsItExamined()
    {
        // Arrange: met when no partnership finding is ineffective.
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("Q1.no-failing-partnership", "Q1", "partnership",
            "not any(f => f.indicator == \"q1.partnership.working\" and f.judgement == ineffective)"));
        var compiled = TestKit.Compile(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Act
        var result = TestKit.Grade(compiled, TestKit.Findings(
            TestKit.Finding("P2", "Q1", "q1.partnership.working", judgement: "inconsistent"),
            TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective"),
            TestKit.Finding("P1", "Q1", "q1.partnership.working", judgement: "effective")));

        // Assert
        var outcome = Outcome(result, "Q1.no-failing-partnership");
        Assert.True(outcome.Met);
        Assert.Equal(["P1", "P2"], outcome.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void Grade_CriterionUnderNotAny_WithNothingToExamine_IsMetWithoutEvidence()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("Q1.no-failing-partnership", "Q1", "partnership",
            "not any(f => f.indicator == \"q1.partnership.working\" and f.judgement == ineffective)", message: "{judgement}"));
        var compiled = TestKit.Compile(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Act
        var result = TestKit.Grade(compiled, TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective")));

        // Assert
        var outcome = Outcome(result, "Q1.no-failing-partnership");
        Assert.True(outcome.Met);
        Assert.Empty(outcome.Evidence);
        Assert.Equal("(none)", outcome.Message);
    }

    [Fact]
    public void Grade_FindingsNoCriterionReads_AreNotConsidered()
    {
        // Arrange: an indicator no criterion reads (a warning, not an error).
        var codebook = MiniRulebook.CodebookYaml + """

              - id: q1.prevention.leaflets
                question: Q1
                area: prevention
                description: Leaflets are handed out
                type: yes-no
            """;
        var compiled = TestKit.Compile(new MiniRulebook().With("codebook.yaml", codebook));

        // Act
        var result = TestKit.Grade(compiled, TestKit.Findings(
            TestKit.Finding("L1", "Q1", "q1.prevention.leaflets", value: "yes"),
            TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective"),
            TestKit.Finding("D1", "Q1", "q1.partnership.database", value: "yes")));

        // Assert
        Assert.Equal(["L1"], result.NotConsidered.Select(f => f.Id));
        Assert.Contains(compiled.Checked.Warnings, d => d.Code == DiagnosticCodes.UnusedIndicator);
    }

    [Fact]
    public void Grade_FindingOrderInFile_DoesNotChangeTheResult()
    {
        // Arrange
        string[] findings =
        [
            TestKit.Finding("A1", "Q1", "q1.prevention.priority", judgement: "mostly-effective"),
            TestKit.Finding("A2", "Q1", "q1.prevention.crime-change", value: "6.5"),
            TestKit.Finding("A3", "Q1", "q1.partnership.working", judgement: "effective"),
            TestKit.Finding("A4", "Q2", "q2.investigation.quality", judgement: "inconsistent"),
        ];

        // Act
        var forward = Grade(findings);
        var backward = Grade([.. findings.Reverse()]);

        // Assert
        static object Shape(GradingResult r) => string.Join("|", r.Questions.Select(q =>
            $"{q.Grade!.Id}:{q.Decision!.RuleIndex}:" + string.Join(",", q.Criteria.Select(c => $"{c.Criterion.Id}={c.Met}[{string.Join(" ", c.Evidence.Select(e => e.Id))}]{c.Message}")))) + "|" + r.Overall!.Grade.Id;
        Assert.Equal(Shape(forward), Shape(backward));
        Assert.Equal(["good", "requires-improvement"], forward.Questions.Select(q => q.Grade!.Id));
    }

    [Fact]
    public void Grade_SameCompiledRulebook_GradesInspectionsIndependently()
    {
        // Act: a failing inspection, then a good one, with the same compiled rulebook.
        var failing = Grade(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "ineffective"),
            TestKit.Finding("F2", "Q2", "q2.investigation.quality", judgement: "ineffective"));
        var good = TestKit.Grade(Mini.Value, MiniRulebook.FindingsYaml);

        // Assert
        Assert.Equal(["inadequate", "inadequate"], failing.Questions.Select(q => q.Grade!.Id));
        Assert.Equal("inadequate", failing.Overall!.Grade.Id);
        Assert.Equal(["good", "good"], good.Questions.Select(q => q.Grade!.Id));
    }
}
