using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

/// <summary>
/// Each aggregate scans only the evidence source of the indicators its filter can match (see
/// EvidenceLayout); these cases would change if a source held too little or too much.
/// </summary>
public class CollectNarrowingTests
{
    private static GradingEngine.Trace.CriterionOutcome Outcome(string condition, string criterionId = "Q1.under-test")
    {
        using var temp = new TempFolder();
        var criteria = MiniRulebook.CriteriaYaml + $"""

              - id: Q1.under-test
                question: Q1
                area: prevention
                title: Under test
                rationale: test
                when: '{condition}'
                effect: notable-practice
                message: "{"{count}"} findings"
            """;
        var rules = new MiniRulebook().With("criteria/criteria.yaml", criteria).WriteTo(temp);
        var compiled = GradingPipeline.LoadRulebook(rules);
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var inspection = GradingPipeline.LoadInspection(temp.Write("findings.yaml", MiniRulebook.FindingsYaml), compiled.Value!).Value!;
        return GradingPipeline.Grade(compiled.Value!, inspection).Find("Q1")!.Criteria.Single(c => c.Criterion.Id == criterionId);
    }

    [Fact]
    public void AllWithOneLambda_OtherIndicatorsPresent_StillRangesOverEveryFinding()
    {
        // F1 (priority, effective) satisfies the predicate, F2 (partnership) does not: `all` is false.
        var outcome = Outcome("all(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective)");

        Assert.False(outcome.Met);
    }

    [Fact]
    public void AllWithFilter_OnlyTheFilteredIndicatorMatters()
    {
        var outcome = Outcome("all(f => f.indicator == \"q1.prevention.priority\", f => f.judgement == effective)");

        Assert.True(outcome.Met);
        Assert.Equal(["F1"], outcome.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void NegatedAllWithOneLambda_EvidenceIsEveryFindingOfTheQuestion()
    {
        var outcome = Outcome("not all(f => f.indicator == \"q1.prevention.priority\")");

        Assert.True(outcome.Met);
        Assert.Equal(["F1", "F2"], outcome.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void NestedAggregate_ReadsTheIndicatorsOfTheInnerLambdaToo()
    {
        var outcome = Outcome("any(f => f.indicator == \"q1.prevention.priority\" and count(g => g.indicator == \"q1.partnership.working\") == 1)");

        Assert.True(outcome.Met);
    }

    [Fact]
    public void ConditionReadingNoFindings_CompilesAndIsMet()
    {
        var outcome = Outcome("1 < 2");

        Assert.True(outcome.Met);
        Assert.Empty(outcome.Evidence);
    }

    [Fact]
    public void RatioWithDifferentSources_CountsNumeratorAndDenominatorEachInItsOwn()
    {
        // Numerator: priority judged effective (F1); denominator: every judgement finding of Q1 (F1, F2).
        var half = Outcome("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"]) == 0.5");
        var whole = Outcome("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator == \"q1.prevention.priority\") == 1");

        Assert.True(half.Met);
        Assert.True(whole.Met);
    }

    [Fact]
    public void AreaFilter_ReadsEveryIndicatorOfTheArea()
    {
        var outcome = Outcome("count(f => f.area == \"partnership\") == 1");

        Assert.True(outcome.Met);
        Assert.Equal(["F2"], outcome.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void TwoAggregatesOverOverlappingSources_ListEachFindingOnce()
    {
        var outcome = Outcome("any(f => f.indicator == \"q1.prevention.priority\") and count(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"]) == 2");

        Assert.True(outcome.Met);
        Assert.Equal(["F1", "F2"], outcome.Evidence.Select(f => f.Id));
    }

    [Fact]
    public void JudgementFilterOverTwoIndicators_SeesOnlyItsOwnQuestion()
    {
        // F3 (Q2) is judged effective too, but a Q1 criterion never sees it.
        var outcome = Outcome("count(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"] and f.judgement no worse than effective) == 1");

        Assert.True(outcome.Met);
        Assert.Equal(["F1"], outcome.Evidence.Select(f => f.Id));
    }
}
