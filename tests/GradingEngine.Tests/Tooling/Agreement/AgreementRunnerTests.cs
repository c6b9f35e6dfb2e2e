using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Xunit;
using static GradingEngine.Tests.Tooling.Agreement.AgreementKit;

namespace GradingEngine.Tests.Tooling.Agreement;

public class AgreementRunnerTests
{
    [Fact]
    public void Agree_OneJudgementDisagreementFlipsAQuestion_RanksItFirstAndExplainsTheGrade()
    {
        // Arrange: B reads the priority sentence as inconsistent, which removes Q1's only strength.
        using var temp = new TempFolder();
        var b = Coding("report.txt",
            Finding("b1", "q1.prevention.priority", "Prevention is a clear priority for the force, and officers understand it well.", judgement: "inconsistent"),
            Finding("b2", "q1.partnership.working", "Partnership working is inconsistent", judgement: "inconsistent"),
            Finding("b3", "q2.investigation.quality", "Investigations are well managed and supervised", judgement: "effective"));

        // Act
        var report = Succeed(Agree(temp, Coding("report.txt", CoderA), b));

        // Assert
        var c = report.Comparisons.Single();
        Assert.True(report.GradesDiffer);
        Assert.Equal(["Q1", "overall"], c.Grades.Where(g => g.Differ).Select(g => g.Subject));
        Assert.Equal(["A1/b1", "A2/b2", "A3/b3"], c.Alignment.Pairs.Select(p => $"{p.A.Id}/{p.B.Id}"));
        var top = c.Impacts[0];
        Assert.Equal(("D1", DisagreementKind.Value), (top.Disagreement.Id, top.Disagreement.Kind));
        Assert.Equal([("Q1", "good", "requires-improvement", true), ("overall", "good", "requires-improvement", true)],
            top.OnA.Select(s => (s.Subject, s.From, s.To, s.ToOther)));
        Assert.Equal(["Q1", "overall"], top.OnB.Select(s => s.Subject));
        var q1 = c.Explanations.Single(e => e.Grades.Subject == "Q1");
        Assert.Equal((ExplanationEnd.Found, 1, "D1", true), (q1.End, q1.Sets.Count, q1.Sets[0].Single().Id, q1.BothWays));
    }

    [Fact]
    public void Agree_QuestionOneCoderLeftUncoded_DiffersAsNotGradedAndWithoutAnOverall()
    {
        // Arrange: a rulebook that grades only what was inspected and rolls nothing up; B coded nothing for Q2.
        using var temp = new TempFolder();
        var rulebook = new MiniRulebook().Without("rollup.yaml")
            .With("thresholds.yaml", MiniRulebook.ThresholdsRequiringEvidenceYaml);
        var b = Coding("report.txt", CoderA[..2]);

        // Act
        var c = Succeed(Agree(temp, Coding("report.txt", CoderA), b, rulebook: rulebook)).Comparisons.Single();

        // Assert: no overall subject; Q2 is good for A and not graded for B, and A3 alone explains it.
        Assert.Equal(["Q1", "Q2"], c.Grades.Select(g => g.Subject));
        var q2 = c.Grades.Single(g => g.Differ);
        Assert.Equal(("Q2", "good", "not-graded", true), (q2.Subject, q2.AId, q2.BId, q2.B is null));
        var top = c.Impacts[0];
        Assert.Equal(("A3", DisagreementKind.OnlyA), (top.Disagreement.A!.Id, top.Disagreement.Kind));
        Assert.Equal([("Q2", "not-graded", "good", 0, true)], top.OnB.Select(s => (s.Subject, s.From, s.To, s.Steps, s.ToOther)));
        Assert.Equal(ExplanationEnd.Found, c.Explanations.Single().End);
        Assert.Contains("  Q2        A Good        B Not graded  differ", AgreementRenderer.RenderText(Succeed(Agree(temp, Coding("report.txt", CoderA), b, rulebook: rulebook))), StringComparison.Ordinal);
    }

    [Fact]
    public void Agree_FindingsOnlyOneCoderMade_AreDisagreementsBothWays()
    {
        // Arrange: B did not code the partnership sentence, and coded the database sentence A left out.
        using var temp = new TempFolder();
        var b = Coding("report.txt",
            Finding("b1", "q1.prevention.priority", "Prevention is a clear priority", judgement: "effective"),
            Finding("b3", "q2.investigation.quality", "Investigations are well managed", judgement: "effective"),
            Finding("b4", "q1.partnership.database", "a shared problem-solving database exists.", value: "'no'"));

        // Act
        var c = Succeed(Agree(temp, Coding("report.txt", CoderA), b)).Comparisons.Single();

        // Assert
        Assert.Equal(["A2"], c.Alignment.OnlyA.Select(f => f.Id));
        Assert.Equal(["b4"], c.Alignment.OnlyB.Select(f => f.Id));
        Assert.Equal([(DisagreementKind.OnlyA, "A2"), (DisagreementKind.OnlyB, "b4")], c.Disagreements.Select(d => (d.Kind, (d.A ?? d.B)!.Id)));
        // Both give Q1 good. B's version of b4 on A adds a second area for improvement, and so does A's version
        // of A2 on B: either drops Q1 to requires improvement, which is neither coder's grade.
        var onlyB = c.Impacts.Single(i => i.Disagreement.Kind == DisagreementKind.OnlyB);
        Assert.Equal([("Q1", "good", "requires-improvement", false), ("overall", "good", "requires-improvement", false)],
            onlyB.OnA.Select(x => (x.Subject, x.From, x.To, x.ToOther)));
        var onlyA = c.Impacts.Single(i => i.Disagreement.Kind == DisagreementKind.OnlyA);
        Assert.Empty(onlyA.OnA);
        Assert.Equal(["Q1", "overall"], onlyA.OnB.Select(x => x.Subject));
        Assert.False(c.GradesDiffer);
        Assert.Equal("lines 3-4", c.Alignment.OnlyB[0].QuoteAt!.LinesText);
        Assert.Equal(["line-end-hyphen"], c.Alignment.OnlyB[0].QuoteAt!.NormalisedNames);
    }

    [Fact]
    public void Agree_SamePassageCodedToDifferentIndicators_IsAnIndicatorDisagreement()
    {
        // Arrange
        using var temp = new TempFolder();
        var b = Coding("report.txt",
            Finding("b1", "q1.prevention.priority", "Prevention is a clear priority for the force", judgement: "effective"),
            Finding("b2", "q1.prevention.priority", "Partnership working is inconsistent across the county.", judgement: "inconsistent"),
            Finding("b3", "q2.investigation.quality", "Investigations are well managed", judgement: "effective"));

        // Act
        var c = Succeed(Agree(temp, Coding("report.txt", CoderA), b)).Comparisons.Single();

        // Assert
        var pair = c.Alignment.Pairs.Single(p => p.A.Id == "A2");
        Assert.Equal(("b2", PairKind.IndicatorDiffers), (pair.B.Id, pair.Kind));
        Assert.Equal(DisagreementKind.Indicator, c.DisagreementOf(pair)!.Kind);
        var q1 = c.Figures.Single(f => f.Subject == "Q1");
        Assert.Equal((2, 1), (q1.Indicators.Items, q1.Indicators.Agreed));
    }

    [Fact]
    public void Agree_AFileWithItself_AgreesFullyAndGradesTheSame()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = new MiniRulebook().WriteTo(temp);
        temp.Write("report.txt", Report);
        var path = temp.Write("a.yaml", Coding("report.txt", CoderA));

        // Act
        var report = Succeed(GradingPipeline.Agree(rules, path, path));

        // Assert
        var c = report.Comparisons.Single();
        Assert.False(report.GradesDiffer);
        Assert.Empty(c.Disagreements);
        Assert.Empty(c.Explanations);
        var all = c.Figures.Single(f => f.Subject == SubjectFigures.All);
        Assert.Equal((3, 3, 1.0), (all.Indicators.Items, all.Indicators.Agreed, all.Indicators.Kappa));
    }

    [Fact]
    public void Agree_WithoutAReport_AlignsByTheWordsQuotesShareAndSaysSo()
    {
        // Arrange: the same sentences, quoted as extracted (`problem- solving`) and whole (`problem-solving`).
        using var temp = new TempFolder();
        var a = Coding(null, Finding("A1", "q1.partnership.database", "a shared problem- solving database exists", value: "yes"));
        var b = Coding(null, Finding("B1", "q1.partnership.database", "Investigations are well managed and supervised, and a shared problem-solving database exists.", value: "no"));

        // Act
        var c = Succeed(Agree(temp, a, b, report: null)).Comparisons.Single();

        // Assert
        Assert.Equal(AlignmentBasis.SharedWords, c.Alignment.Basis);
        Assert.Equal(("A1", "B1", 5), (c.Alignment.Pairs.Single().A.Id, c.Alignment.Pairs.Single().B.Id, c.Alignment.Pairs.Single().SharedWords));
        Assert.StartsWith("No report declared", AgreementWords.Basis(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Agree_OnlyOneCodingDeclaresTheReport_PlacesTheOthersQuotesInIt()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var c = Succeed(Agree(temp, Coding("report.txt", CoderA), Coding(null, CoderA))).Comparisons.Single();

        // Assert
        Assert.Equal(AlignmentBasis.ReportPlace, c.Alignment.Basis);
        Assert.Equal("report.txt", c.Report);
        Assert.All(c.B.Findings, f => Assert.NotNull(f.QuoteAt));
    }

    [Fact]
    public void Agree_OtherCodingsQuoteNotInTheDeclaredReport_ReportsGE308AtThatQuote()
    {
        // Arrange
        using var temp = new TempFolder();
        var b = Coding(null, Finding("b1", "q1.prevention.priority", "Prevention is not mentioned", judgement: "effective"));

        // Act
        var result = Agree(temp, Coding("report.txt", CoderA), b);

        // Assert
        var error = TestKit.SingleError(result.Diagnostics, DiagnosticCodes.QuoteNotInReport);
        Assert.EndsWith("b.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Contains("which the other coding, `a.yaml`, declares", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agree_CodingsOfDifferentReports_ReportsGE313()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("other.txt", Report + "A postscript.\n");

        // Act
        var result = Agree(temp, Coding("report.txt", CoderA), Coding("other.txt", CoderA));

        // Assert
        var error = TestKit.SingleError(result.Diagnostics, DiagnosticCodes.ReportMismatch);
        Assert.Equal("coding B quotes report `other.txt`, but coding A quotes `report.txt`, which differs", error.Message);
    }

    [Fact]
    public void Agree_TwoCopiesOfOneReport_AreOneReport()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("copy/report.txt", Report);

        // Act
        var result = Agree(temp, Coding("report.txt", CoderA), Coding("copy/report.txt", CoderA));

        // Assert
        Assert.False(Succeed(result).GradesDiffer);
    }

    [Fact]
    public void Agree_InvalidCodings_ReportsEveryProblemOfBoth()
    {
        // Arrange
        using var temp = new TempFolder();
        var a = Coding("report.txt", Finding("A1", "q1.prevention.priorty", "Prevention", judgement: "effective"));
        var b = Coding("report.txt", Finding("b1", "q1.partnership.database", "a shared", value: "maybe"));

        // Act
        var result = Agree(temp, a, b);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownIndicator && d.Span.Path.EndsWith("a.yaml", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Span.Path.EndsWith("b.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Agree_CsvCodingWithTwoInspections_ReportsGE212()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = new MiniRulebook().WriteTo(temp);
        var csv = temp.Write("b.csv",
            "inspection,force,framework,id,question,indicator,judgement,value,quote,source\n" +
            "one,F,mini,F1,Q1,q1.prevention.priority,effective,,Prevention,Q1\n" +
            "two,F,mini,F1,Q1,q1.prevention.priority,effective,,Prevention,Q1\n");

        // Act
        var result = GradingPipeline.Agree(rules, temp.Write("a.yaml", Coding(null, CoderA)), csv);

        // Assert
        var error = TestKit.SingleError(result.Diagnostics, DiagnosticCodes.NotOneInspection);
        Assert.Equal("a coding holds one inspection, this file holds 2", error.Message);
    }
}
