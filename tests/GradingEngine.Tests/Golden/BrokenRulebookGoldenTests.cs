using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Golden;

/// <summary>Errors are output too: a rulebook with many mistakes gives exactly these located diagnostics, all at once.</summary>
public class BrokenRulebookGoldenTests
{
    private const string BrokenCriteria = """
        criteria:
          - id: Q1.priority
            question: Q1
            area: prevnetion
            title: Prevention is a priority
            rationale: Q1 prevention
            when: any(f => f.indicator == "q1.prevention.priorty" and f.judgement no worse than mostly-effective)
            effect: strenght
            wieght: 2
            message: "Prevention priority is {judgment}"
          - id: Q1.priority
            question: Q9
            area: prevention
            title: Duplicate
            rationale: Q1 prevention
            when: count(f => f.area == "prevention") + 1
            effect: strength
            message: "x"
          - id: Q2.quality
            question: Q2
            area: investigation
            title: Investigations are good
            rationale: Q2 investigation
            when: any(f => f.indicator == "q2.investigation.quality" and f.judgement > effective)
            effect: strength
            message: "Investigation quality is {judgement}"
        """;

    private const string BrokenThresholds = """
        default:
          - grade: outstanding
            when: causes-of-concern.count == 0 and strength.weight >= 3
          - grade: good
            otherwise: true
          - grade: requires-improvment
            when: causes-of-concern.count == 0
        """;

    [Fact]
    public void Check_RulebookWithManyMistakes_ReportsEveryOneLocated()
    {
        using var temp = new TempFolder();
        var rules = new MiniRulebook().With("criteria/criteria.yaml", BrokenCriteria).With("thresholds.yaml", BrokenThresholds).WriteTo(temp);

        var result = GradingPipeline.CheckRulebook(rules);

        var output = string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)).Replace(rules + Path.DirectorySeparatorChar, "rules/") + "\n";
        Assert.False(result.Succeeded);
        Golden.Verify("broken-rulebook.out.txt", output);
    }
}
