using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>
/// `published:` tables in a test file: published grades read from a CSV file, each row rolled up, unknown question
/// grades read as the table says, and every mistake located where it is written. The mini rulebook's roll-up:
/// outstanding when both questions are, good when both are good or better, requires improvement with none
/// inadequate, inadequate otherwise.
/// </summary>
public class PublishedGradesTests
{
    private const string Csv = """
        name,year,Q1,Q2,overall
        Alpha,2015,good,,requires-improvement
        Beta,2015,inadequate,,good
        Gamma,2016,,,outstanding
        Delta,2016,good,good,
        """;

    private static string Table(string unknown = "some-grade", string extra = "") => $"""
        published:
          - name: published-mini
            description: Synthetic published grades.
            file: grades.csv
            label: [name, year]
            unknown: {unknown}
        {extra}
        """;

    private static (string Rules, string TestFile) Write(TempFolder temp, string table, string csv = Csv, MiniRulebook? mini = null)
    {
        var rules = RuleTestKit.Write(temp, mini ?? new MiniRulebook(), ("published.yaml", table));
        temp.Write(Path.Combine("rules", "tests", "grades.csv"), csv);
        return (rules, Path.Combine(rules, "tests", "published.yaml"));
    }

    [Fact]
    public void Load_Table_ReadsRowsInFileOrderWithLabelsAndUnknownCells()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table());

        // Act
        var table = Assert.Single(RuleTestKit.Run(rules).Suite.Published);

        // Assert
        Assert.Equal(("published-mini", null), (table.Name, table.UnknownReadAs));
        Assert.Equal(["Alpha 2015", "Beta 2015", "Gamma 2016", "Delta 2016"], table.Rows.Select(r => r.Name));
        Assert.Equal([2, 3, 4, 5], table.Rows.Select(r => r.Span.Line));
        Assert.Equal(["good", null], table.Rows[0].Questions.Select(g => g?.Id));
        Assert.Equal("requires-improvement", table.Rows[0].Overall!.Id);
        Assert.Null(table.Rows[3].Overall);
        Assert.True(table.Rows[3].IsFull);
    }

    [Fact]
    public void Run_SomeGrade_PartialRowAgreesWhenSomeChoiceGivesThePublishedOverall()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table());

        // Act
        var result = Assert.Single(RuleTestKit.Run(rules).Published);

        // Assert: Alpha agrees with Q2 requires improvement; Beta's inadequate Q1 makes it inadequate whatever Q2 is.
        Assert.Equal([true, false, true, false], result.Rows.Select(r => r.Agrees));
        Assert.Equal(["inadequate"], result.Rows[1].Possible.Select(g => g.Id));
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], result.Rows[2].Possible.Select(g => g.Id));
        Assert.False(result.Rows[3].Tested);
        Assert.Equal((4, 3, 2, 1), (result.Rows.Count, result.TestedCount, result.AgreeingCount, result.DisagreeingCount));
        Assert.False(result.Passed);
        Assert.Equal(["Beta 2015"], result.Failures.Select(f => f.Row.Name));
    }

    [Fact]
    public void Run_ReadAsGrade_ListedRowsDisagreeAndThePassStands()
    {
        // Arrange: read as good, Alpha (good, good) and Beta (inadequate, good) disagree; Gamma (good, good) too.
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table("good", "    disagree: [Alpha 2015, Beta 2015, Gamma 2016]"));

        // Act
        var report = RuleTestKit.Run(rules);

        // Assert
        var result = Assert.Single(report.Published);
        Assert.True(result.Passed);
        Assert.All(result.Rows.Where(r => r.Tested), r => Assert.NotNull(r.Decision));
        Assert.Equal((1, 0), (report.PassedCount, report.FailedCount));
        Assert.Contains("PASS published-mini: 4 published rows, 0 agree, 3 disagree as listed, 1 without an overall grade (unknown question grades read as good)",
            RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ListedRowThatAgrees_FailsAndSaysWhereItIsListed()
    {
        // Arrange: Delta has no overall grade, so is never tested; Gamma agrees under some-grade.
        using var temp = new TempFolder();
        var (rules, testFile) = Write(temp, Table("some-grade", "    disagree: [Beta 2015, Gamma 2016]"));

        // Act
        var report = RuleTestKit.Run(rules);
        var text = RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null);

        // Assert
        Assert.Equal(["Gamma 2016"], report.Published[0].Failures.Select(f => f.Row.Name));
        Assert.Contains("FAIL published-mini: 4 published rows, 2 agree, 1 disagree as listed, 1 without an overall grade (unknown question grades: some grade)", text, StringComparison.Ordinal);
        Assert.Contains("  Gamma 2016  (tests/grades.csv:4)\n    published Q1 ?, Q2 ?, overall outstanding\n", text, StringComparison.Ordinal);
        Assert.Contains("listed in `disagree` (tests/published.yaml:7), but the roll-up agrees: outstanding, good, requires-improvement or inadequate for the grades the unknown questions can have", text, StringComparison.Ordinal);
        Assert.Equal(1, report.FailedCount);
        Assert.True(File.Exists(testFile));
    }

    [Fact]
    public void Run_FullRowDisagrees_ShowsTheRollupRowThatDecided()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table(), "name,year,Q1,Q2,overall\nEpsilon,2017,good,requires-improvement,good\n");

        // Act
        var report = RuleTestKit.Run(rules);
        var text = RuleTestRenderer.RenderText(report, coverage: false, minimumCoverage: null);

        // Assert
        Assert.Contains("  Epsilon 2017  (tests/grades.csv:2)\n    published Q1 good, Q2 requires-improvement, overall good\n    the roll-up gives requires-improvement\n    Decided by rollup.yaml:6 (overall table, rule 3, requires-improvement):", text, StringComparison.Ordinal);
        var json = RuleTestRenderer.RenderJson(report, coverage: false, minimumCoverage: null);
        Assert.Contains("\"possible\": [\n            \"requires-improvement\"\n          ],\n          \"decidedBy\": {", json.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ColumnsMapped_ReadsGradesFromTheNamedColumns()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table("good", "    columns: {Q1: first, Q2: second, overall: all}"), "name,year,first,second,all\nZeta,2015,outstanding,outstanding,outstanding\n");

        // Act
        var result = Assert.Single(RuleTestKit.Run(rules).Published);

        // Assert
        Assert.True(result.Passed);
        Assert.Equal(["outstanding", "outstanding"], result.Rows[0].Row.Questions.Select(g => g!.Id));
    }

    [Theory]
    [InlineData("grade in a cell", "Alpha,2015,gooood,,requires-improvement", "", DiagnosticCodes.UnknownGrade, "csv", 2, 3)]
    [InlineData("column not in the header", null, "    columns: {Q1: q1, Q2: Q2, overall: overall}", DiagnosticCodes.MissingKey, "yaml", 7, 19)]
    [InlineData("question without a column", null, "    columns: {Q1: Q1, overall: overall}", DiagnosticCodes.MissingKey, "yaml", 7, 14)]
    [InlineData("unknown question in columns", null, "    columns: {Q1: Q1, Q2: Q2, Q3: Q2, overall: overall}", DiagnosticCodes.UnknownQuestion, "yaml", 7, 31)]
    [InlineData("unknown row in disagree", null, "    disagree: [Alpha 2051]", DiagnosticCodes.InvalidValue, "yaml", 7, 16)]
    [InlineData("row listed twice", null, "    disagree: [Alpha 2015, Alpha 2015]", DiagnosticCodes.DuplicateId, "yaml", 7, 28)]
    public void Load_Mistake_ReportedWhereItIsWritten(string what, string? row, string extra, string code, string file, int line, int column)
    {
        // Arrange
        using var temp = new TempFolder();
        var csv = row is null ? Csv : Csv.Replace("Alpha,2015,good,,requires-improvement", row, StringComparison.Ordinal);
        var (rules, testFile) = Write(temp, Table("some-grade", extra), csv);

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), code);

        // Assert
        Assert.True(error.Span.Path == (file == "csv" ? Path.Combine(rules, "tests", "grades.csv") : testFile), what);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Load_UnknownReadingMissing_IsAnErrorNotADefault()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table().Replace("    unknown: some-grade\n", "", StringComparison.Ordinal));

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.MissingKey);

        // Assert
        Assert.Contains("`unknown`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownReadingNotAGrade_SuggestsTheNearest()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table("some-grades"));

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.UnknownGrade);

        // Assert
        Assert.Equal("did you mean `some-grade`?", error.Help);
    }

    [Fact]
    public void Load_CsvOutsideTheRulebook_RefusedUnlessUnderTheFindingsRoot()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table().Replace("file: grades.csv", "file: ../../published/grades.csv", StringComparison.Ordinal));
        temp.Write(Path.Combine("published", "grades.csv"), Csv);

        // Act
        var refused = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.OutsideFolder);
        var allowed = RuleTestKit.Run(rules, findingsRoot: Path.Combine(temp.Path, "published"));

        // Assert
        Assert.StartsWith("published grades file `../../published/grades.csv` lies outside the rulebook folder", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, allowed.Published[0].Rows.Count);
    }

    [Fact]
    public void Load_RulebookWithoutRollup_PublishedGradesAreAnError()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, Table(), mini: new MiniRulebook().Without("rollup.yaml"));

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.UnknownQuestion);

        // Assert
        Assert.Equal("this rulebook has no overall grade to test against published grades", error.Message);
    }

    [Fact]
    public void Load_FileWithNeitherCasesNorPublished_NamesTheMissingKey()
    {
        // Arrange
        using var temp = new TempFolder();
        var (rules, _) = Write(temp, "{}\n");

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.MissingKey);

        // Assert
        Assert.Contains("`cases`", error.Message, StringComparison.Ordinal);
    }
}
