using GradingEngine.Diagnostics;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Check;

public class CriterionAnalyzerTests
{
    private static IReadOnlyList<Diagnostic> CheckWith(string condition)
    {
        using var temp = new TempFolder();
        var criteria = MiniRulebook.CriteriaYaml + $"""

              - id: Q1.under-test
                question: Q1
                area: prevention
                title: Under test
                rationale: test
                when: '{condition}'
                effect: strength
                message: x
            """;
        var result = GradingPipeline.CheckRulebook(new MiniRulebook().With("criteria/criteria.yaml", criteria).WriteTo(temp));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        return result.Diagnostics;
    }

    [Theory]
    [InlineData("any(f => f.indicator == \"q1.prevention.priority\" and f.kind == \"cause-of-concern\")", false)]
    [InlineData("any(f => f.kind == \"notable\")", false)]
    [InlineData("any(f => f.indicator == \"q1.partnership.working\" and f.kind == \"cause-of-concern\")", true)]
    public void Check_CriterionReadingKind_TriesEveryKindTheIndicatorAllows(string condition, bool neverMet)
    {
        // Arrange: two kinds; the partnership indicator allows only `notable`.
        var codebook = MiniRulebook.CodebookYaml.Replace("indicators:", """
            kinds:
              - id: cause-of-concern
                title: Cause of concern
                direction: worse
              - id: notable
                title: Notable practice
                direction: better
            indicators:
            """, StringComparison.Ordinal).Replace("    description: Partnership working\n", "    description: Partnership working\n    kinds: [notable]\n", StringComparison.Ordinal);
        Assert.Contains("kinds: [notable]", codebook);
        using var temp = new TempFolder();
        var criteria = MiniRulebook.CriteriaYaml + $"""

              - id: Q1.under-test
                question: Q1
                area: prevention
                title: Under test
                rationale: test
                when: '{condition}'
                effect: strength
                message: x
            """;

        // Act
        var result = GradingPipeline.CheckRulebook(new MiniRulebook().With("codebook.yaml", codebook).With("criteria/criteria.yaml", criteria).WriteTo(temp));

        // Assert: a kind is part of what a finding can be, so a condition on it is met by a finding of that kind.
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        Assert.Equal(neverMet, result.Diagnostics.Any(d => d.Code == DiagnosticCodes.CriterionNeverMet && d.Message.Contains("`Q1.under-test`", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective and f.judgement == ineffective)")]
    [InlineData("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement worse than ineffective)")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 5 and max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < 5")]
    [InlineData("any(f => f.indicator == \"q1.partnership.database\" and f.value and not f.value)")]
    public void Check_CriterionThatCanNeverBeMet_WarnsGE507(string condition)
    {
        var diagnostics = CheckWith(condition);

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.CriterionNeverMet);
        Assert.Contains("`Q1.under-test` can never be met", warning.Message);
        Assert.False(warning.IsError);
    }

    [Theory]
    [InlineData("count(f => f.area == \"prevention\") >= 0")]
    [InlineData("not any(f => f.indicator == \"q1.prevention.priority\" and f.judgement worse than ineffective)")]
    [InlineData("all(f => f.indicator == \"q1.prevention.priority\", f => f.judgement no worse than ineffective)")]
    public void Check_CriterionAlwaysMet_WarnsGE508(string condition)
    {
        var diagnostics = CheckWith(condition);

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.CriterionAlwaysMet);
        Assert.Contains("`Q1.under-test` is always met", warning.Message);
    }

    [Theory]
    [InlineData("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == ineffective)")]
    [InlineData("count(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective) >= 3")]
    [InlineData("sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 12.5")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < -2")]
    public void Check_CriterionThatDependsOnTheEvidence_NoWarning(string condition)
    {
        var diagnostics = CheckWith(condition);

        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.CriterionNeverMet or DiagnosticCodes.CriterionAlwaysMet);
    }

    [Fact]
    public void Check_ShippedRulebook_HasNoCriterionNeverOrAlwaysMet()
    {
        var result = GradingPipeline.CheckRulebook(Repo.DefaultRules);

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.CriterionNeverMet or DiagnosticCodes.CriterionAlwaysMet);
    }
}
