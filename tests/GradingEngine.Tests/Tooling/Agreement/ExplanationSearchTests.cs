using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Xunit;
using static GradingEngine.Tests.Tooling.Agreement.AgreementKit;

namespace GradingEngine.Tests.Tooling.Agreement;

public class ExplanationSearchTests
{
    /// <summary>
    /// Q2 of the mini rulebook is inadequate while any investigation is ineffective. A codes
    /// <paramref name="cases"/> passages ineffective, B the same passages effective: only changing all of
    /// them gives A B's grade.
    /// </summary>
    private static AgreementReport Compare(TempFolder temp, int cases)
    {
        string Case(string id, int i, string judgement) =>
            Finding($"{id}{i}", "q2.investigation.quality", $"Case {i} was investigated by team {i} of the force", judgement: judgement);
        var a = Coding(null, [.. Enumerable.Range(1, cases).Select(i => Case("A", i, "ineffective"))]);
        var b = Coding(null, [.. Enumerable.Range(1, cases).Select(i => Case("B", i, "effective"))]);
        return Succeed(Agree(temp, a, b, report: null));
    }

    [Fact]
    public void Explain_GradeNeedingMoreDisagreementsThanTheLimit_SaysNoSmallSetDoesButAllTogetherDo()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var q2 = Compare(temp, ExplanationSearch.MaxSetSize + 1).Comparisons.Single().Explanations.Single(e => e.Grades.Subject == "Q2");

        // Assert: every set of 1, 2 and 3 of the 4 was tried.
        Assert.Equal((ExplanationEnd.NoneUpToLimit, 4, 4 + 6 + 4, true), (q2.End, q2.Candidates, q2.Tried, q2.AllTogether));
        Assert.Empty(q2.Sets);
    }

    [Fact]
    public void Explain_MoreSetsThanTheBound_StopsAndSaysSo()
    {
        // Arrange: 15 candidates make 15 + 105 + 455 sets of up to three, more than the bound.
        using var temp = new TempFolder();

        // Act
        var report = Compare(temp, 15);

        // Assert
        var q2 = report.Comparisons.Single().Explanations.Single(e => e.Grades.Subject == "Q2");
        Assert.Equal((ExplanationEnd.Stopped, 15, ExplanationSearch.MaxRegrades, true), (q2.End, q2.Candidates, q2.Tried, q2.AllTogether));
        Assert.Contains("The search stopped after 500 sets", AgreementWords.WhyDiffers(report.Rulebook, q2), StringComparison.Ordinal);
    }
}
