using System.Text;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

public class CsvFindingsLoaderTests
{
    private static readonly Lazy<CompiledRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()));

    private const string Header = "inspection,force,framework,id,question,indicator,judgement,value,quote,source\n";

    /// <summary>The mini rulebook's findings (MiniRulebook.FindingsYaml) for two inspections, the second with a number and a yes/no value too.</summary>
    private const string TwoInspections = Header +
        "mini-1,Example Force,mini,F1,Q1,q1.prevention.priority,effective,,Prevention is a clear priority.,Q1 > Prevention\n" +
        "mini-1,Example Force,mini,F2,Q1,q1.partnership.working,inconsistent,,Partnership working is inconsistent.,Q1 > Partnership\n" +
        "mini-1,Example Force,mini,F3,Q2,q2.investigation.quality,effective,,Investigations are well managed.,Q2 > Investigation\n" +
        "mini-2,Other Force,mini,F1,Q1,q1.prevention.crime-change,,7.5,\"Crime rose by 7.5 points, against national.\",Q1 > Crime\n" +
        "mini-2,Other Force,mini,F2,Q1,q1.partnership.database,,no,There is no shared database.,Q1 > Partnership\n" +
        "mini-2,Other Force,mini,F3,Q2,q2.investigation.quality,inconsistent,,Investigations vary.,Q2 > Investigation\n";

    private const string SecondAsYaml = """
        inspection: mini-2
        force: Other Force
        framework: mini
        findings:
          - id: F1
            question: Q1
            indicator: q1.prevention.crime-change
            value: 7.5
            quote: "Crime rose by 7.5 points, against national."
            source: Q1 > Crime
          - id: F2
            question: Q1
            indicator: q1.partnership.database
            value: no
            quote: There is no shared database.
            source: Q1 > Partnership
          - id: F3
            question: Q2
            indicator: q2.investigation.quality
            judgement: inconsistent
            quote: Investigations vary.
            source: Q2 > Investigation
        """;

    private static (IReadOnlyList<Inspection>? Inspections, IReadOnlyList<Diagnostic> Diagnostics, string Path) Load(string csv, params (string Name, string Content)[] extra)
    {
        using var temp = new TempFolder();
        foreach (var (name, content) in extra) temp.Write(name, content);
        var path = temp.Write("findings.csv", csv);
        var bag = new DiagnosticBag();
        var inspections = CsvFindingsLoader.Load(path, Mini.Value.Rulebook, LoadLimits.Default, bag);
        return (inspections, bag.ToSortedList(), path);
    }

    private static Diagnostic SingleError(string csv, string code)
    {
        var (inspections, diagnostics, _) = Load(csv);
        Assert.Null(inspections);
        return TestKit.SingleError(diagnostics, code);
    }

    /// <summary>What a grading decided, without the file it came from: grades, criteria met and their evidence, in order.</summary>
    private static string Outcome(Inspection inspection)
    {
        var result = GradingPipeline.Grade(Mini.Value, inspection);
        var text = new StringBuilder();
        foreach (var q in result.Questions)
        {
            text.Append($"{q.Question.Id} {q.Grade!.Id}:");
            foreach (var c in q.Criteria.Where(c => c.Met)) text.Append($" {c.Criterion.Id}[{string.Join(",", c.Evidence.Select(f => $"{f.Id}={f.ValueText}|{f.Quote}|{f.Source}"))}] {c.Message};");
            text.Append('\n');
        }
        return text.Append($"overall {result.Overall!.Grade.Id}\n").ToString();
    }

    [Fact]
    public void Load_TwoInspections_GradeLikeTheEquivalentYamlFiles()
    {
        // Arrange
        var yaml = new[] { MiniRulebook.FindingsYaml, SecondAsYaml }.Select(text => TestKit.Grade(Mini.Value, text).Inspection).ToList();

        // Act
        var (inspections, diagnostics, path) = Load(TwoInspections);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(diagnostics));
        Assert.Equal(["mini-1", "mini-2"], inspections.Select(i => i.Id));
        Assert.Equal([("Example Force", "mini"), ("Other Force", "mini")], inspections.Select(i => (i.Force, i.Framework)));
        Assert.All(inspections, i => Assert.Equal(path, i.Path));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Outcome(yaml[i] with { Proposed = null }), Outcome(inspections[i]));
            Assert.Equal(yaml[i].Findings.Select(f => (f.Id, f.QuestionId, f.IndicatorId, f.Judgement, f.Number, f.Flag, f.Quote, f.Source)),
                inspections[i].Findings.Select(f => (f.Id, f.QuestionId, f.IndicatorId, f.Judgement, f.Number, f.Flag, f.Quote, f.Source)));
        }
    }

    [Fact]
    public void Load_QuotedFieldWithEmbeddedNewlineAndComma_ParsedAsOneValueAndLaterRowsLocatedRight()
    {
        // Arrange: the first record spans lines 2-3, so the second record starts on line 4.
        var csv = Header +
            "m,F,mini,F1,Q1,q1.prevention.priority,effective,,\"Prevention, first,\nand \"\"always\"\".\",Q1 > Prevention\n" +
            "m,F,mini,F2,Q1,q1.partnership.working,effectiv,,Partnership.,Q1 > Partnership\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv.Replace("effectiv,", "effective,", StringComparison.Ordinal));
        var error = SingleError(csv, DiagnosticCodes.UnknownLevel);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(diagnostics));
        Assert.Equal("Prevention, first,\nand \"always\".", inspections.Single().Findings[0].Quote);
        Assert.Equal((4, 7), TestKit.At(error));
    }

    [Fact]
    public void Load_CrlfLineEndsAndByteOrderMark_ReadLikePlainUtf8()
    {
        // Arrange
        var csv = "\uFEFF" + TwoInspections.Replace("\n", "\r\n", StringComparison.Ordinal);

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(diagnostics));
        Assert.Equal(6, inspections.Sum(i => i.Findings.Count));
        Assert.Equal("Prevention is a clear priority.", inspections[0].Findings[0].Quote);
    }

    [Fact]
    public void Load_UnknownIndicator_ReportsGE302AtRowAndColumnWithSuggestion()
    {
        // Arrange
        var csv = Header + "m,F,mini,F1,Q1,q1.prevention.priorty,effective,,Quote.,Src\n";

        // Act
        var error = SingleError(csv, DiagnosticCodes.UnknownIndicator);

        // Assert
        Assert.Equal((2, 6), TestKit.At(error));
        Assert.Contains("q1.prevention.priority", error.Help, StringComparison.Ordinal);
        Assert.Matches(@"findings\.csv:2:6: error GE302: unknown indicator `q1\.prevention\.priorty`", DiagnosticFormatter.Format(error));
    }

    [Theory]
    [InlineData("seven")]
    [InlineData("7,5")]
    [InlineData("1e3")]
    public void Load_BadNumber_ReportsGE202AtTheValueCell(string value)
    {
        // Arrange
        var csv = Header +
            "m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n" +
            $"m,F,mini,F2,Q1,q1.prevention.crime-change,,\"{value}\",Quote.,Src\n";

        // Act
        var error = SingleError(csv, DiagnosticCodes.WrongType);

        // Assert
        Assert.Equal((3, 8), TestKit.At(error));
        Assert.Contains($"takes a number, found `{value}`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadYesNo_ReportsGE202AtTheValueCell()
    {
        // Act
        var error = SingleError(Header + "m,F,mini,F1,Q1,q1.partnership.database,,maybe,Quote.,Src\n", DiagnosticCodes.WrongType);

        // Assert
        Assert.Equal((2, 8), TestKit.At(error));
        Assert.EndsWith("found the text \"maybe\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("\"False\"", false)]
    public void Load_YesNoCell_IsReadAsFlag(string cell, bool expected)
    {
        // Arrange
        var csv = Header + $"m,F,mini,F1,Q1,q1.partnership.database,,{cell},Quote.,Src\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(diagnostics));
        Assert.Equal(expected, inspections.Single().Findings.Single().Flag);
    }

    [Fact]
    public void Load_JudgementMissingForAJudgementIndicator_ReportsGE201AtTheEmptyCell()
    {
        // Act
        var error = SingleError(Header + "m,F,mini,F1,Q1,q1.prevention.priority,,,Quote.,Src\n", DiagnosticCodes.MissingKey);

        // Assert
        Assert.Equal((2, 7), TestKit.At(error));
    }

    [Fact]
    public void Load_ValueGivenForAJudgementIndicator_ReportsGE309()
    {
        // Act
        var error = SingleError(Header + "m,F,mini,F1,Q1,q1.prevention.priority,,3,Quote.,Src\n", DiagnosticCodes.ValueTypeMismatch);

        // Assert
        Assert.Equal((2, 8), TestKit.At(error));
    }

    [Fact]
    public void Load_MissingColumns_ReportsOneGE201NamingThem()
    {
        // Arrange
        var csv = "inspection,force,framework,id,question,indicator,judgement,quote\nm,F,mini,F1,Q1,q1.prevention.priority,effective,Quote.\n";

        // Act
        var error = SingleError(csv, DiagnosticCodes.MissingKey);

        // Assert
        Assert.Equal((1, 1), TestKit.At(error));
        Assert.Equal("missing required columns `value`, `source`", error.Message);
    }

    [Fact]
    public void Load_UnknownColumn_ReportsGE200AtItsColumnWithSuggestion()
    {
        // Arrange
        var csv = Header.Replace("quote", "qoute", StringComparison.Ordinal) + "m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.Null(inspections);
        var unknown = TestKit.SingleError(diagnostics, DiagnosticCodes.UnknownKey);
        Assert.Equal((1, 9), TestKit.At(unknown));
        Assert.Contains("`quote`", unknown.Help, StringComparison.Ordinal);
        Assert.Contains("`quote`", TestKit.SingleError(diagnostics, DiagnosticCodes.MissingKey).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateColumn_ReportsGE106AtTheSecond()
    {
        // Act
        var error = SingleError(Header.TrimEnd('\n') + ",force\nm,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src,F\n", DiagnosticCodes.DuplicateKey);

        // Assert
        Assert.Equal((1, 11), TestKit.At(error));
    }

    [Fact]
    public void Load_OptionalReportColumn_QuotesCheckedAgainstTheReport()
    {
        // Arrange
        var header = Header.TrimEnd('\n') + ",report\n";
        var csv = header +
            "m,F,mini,F1,Q1,q1.prevention.priority,effective,,Prevention is   a priority.,Src,report.txt\n" +
            "m,F,mini,F2,Q1,q1.partnership.working,effective,,Not in the report.,Src,report.txt\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv, ("report.txt", "Prevention is a\npriority. Partnership works."));

        // Assert
        Assert.Null(inspections);
        Assert.Equal((3, 9), TestKit.At(TestKit.SingleError(diagnostics, DiagnosticCodes.QuoteNotInReport)));
    }

    [Fact]
    public void Load_RowsOfOneInspectionDisagreeOnForce_ReportsGE209AtEachDifferingCell()
    {
        // Arrange
        var csv = Header +
            "m,Force A,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n" +
            "m,Force B,mini,F2,Q1,q1.partnership.working,effective,,Quote.,Src\n" +
            "m,Force A,other,F3,Q2,q2.investigation.quality,effective,,Quote.,Src\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.Null(inspections);
        var errors = diagnostics.Where(d => d.Code == DiagnosticCodes.InconsistentRows).ToList();
        Assert.Equal([(3, 2), (4, 3)], errors.Select(TestKit.At));
        Assert.Equal("inspection `m` has force `Force A` on line 2, but `Force B` here", errors[0].Message);
    }

    [Fact]
    public void Load_OrganisationColumnInsteadOfForce_ReadLikeForce()
    {
        // Arrange
        var csv = Header.Replace("force", "organisation", StringComparison.Ordinal) +
            "m,Example School,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(diagnostics));
        Assert.Equal("Example School", Assert.Single(inspections).Force);
    }

    [Fact]
    public void Load_BothForceAndOrganisationColumns_ReportsGE206AtTheOrganisationColumn()
    {
        // Act
        var error = SingleError(Header.TrimEnd('\n') + ",organisation\nm,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src,F\n", DiagnosticCodes.InvalidValue);

        // Assert
        Assert.Equal((1, 11), TestKit.At(error));
        Assert.Equal("a CSV findings file names the organisation inspected in a `force` or an `organisation` column, not both", error.Message);
    }

    [Fact]
    public void Load_RowsOfOneInspectionDisagreeOnOrganisation_ReportsGE209NamingTheColumn()
    {
        // Arrange
        var csv = Header.Replace("force", "organisation", StringComparison.Ordinal) +
            "m,School A,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n" +
            "m,School B,mini,F2,Q1,q1.partnership.working,effective,,Quote.,Src\n";

        // Act
        var error = SingleError(csv, DiagnosticCodes.InconsistentRows);

        // Assert
        Assert.Equal((3, 2), TestKit.At(error));
        Assert.Equal("inspection `m` has organisation `School A` on line 2, but `School B` here", error.Message);
    }

    [Fact]
    public void Load_NeitherForceNorOrganisationColumn_ReportsForceMissing()
    {
        // Act
        var error = SingleError(Header.Replace("force,", "", StringComparison.Ordinal) + "m,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n", DiagnosticCodes.MissingKey);

        // Assert
        Assert.Equal("missing required column `force`", error.Message);
        Assert.Contains("`organisation` may replace `force`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FrameworkOfAnotherRulebook_ReportsGE306Once()
    {
        // Act
        var error = SingleError(Header + "m,F,peel,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\nm,F,peel,F2,Q1,q1.partnership.working,effective,,Quote.,Src\n",
            DiagnosticCodes.FrameworkMismatch);

        // Assert
        Assert.Equal((2, 3), TestKit.At(error));
    }

    [Fact]
    public void Load_DuplicateFindingIdWithinAnInspection_ReportsGE203ButOtherInspectionsMayReuseIt()
    {
        // Arrange
        var csv = Header +
            "a,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n" +
            "b,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n" +
            "a,F,mini,F1,Q1,q1.partnership.working,effective,,Quote.,Src\n";

        // Act
        var error = SingleError(csv, DiagnosticCodes.DuplicateId);

        // Assert
        Assert.Equal((4, 4), TestKit.At(error));
        Assert.Contains("findings.csv:2:1", error.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quo\"te.,Src\n", 2, 9)]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,\"Quote\" more,Src\n", 2, 9)]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,\"effective,,Quote.,Src\n", 2, 7)]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,\"Quote\nover lines\",Src\nm,F,mini,F2,Q1,q1.prevention.priority,\"effective,,Quote.,Src\nm,F,mini,F3,Q1,q1.prevention.priority,effective,,Quote.,Src\n", 4, 7)]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\r\nm,F,mini,F2,Q1,q1.prevention.priority,effective,,\"Quote\r\nover\",Src\r\nm,F,mini,F3,Q1,q1.prevention.priority,eff\"ective,,Quote.,Src\r\n", 5, 7)]
    public void Load_MalformedQuoting_ReportsGE103AtTheField(string row, int line, int column)
    {
        // Act
        var error = SingleError(Header + row, DiagnosticCodes.YamlSyntax);

        // Assert
        Assert.Equal((line, column), TestKit.At(error));
        Assert.StartsWith("invalid CSV: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.\n", 10)]
    [InlineData("m,F,mini,F1,Q1,q1.prevention.priority,effective,,Quote, unquoted.,Src\n", 11)]
    public void Load_WrongFieldCount_ReportsGE103AtTheFirstMissingOrExtraField(string row, int column)
    {
        // Act
        var error = SingleError(Header + row, DiagnosticCodes.YamlSyntax);

        // Assert
        Assert.Equal((2, column), TestKit.At(error));
    }

    [Fact]
    public void Load_EmptyInspectionCell_ReportsGE201AtIt()
    {
        // Act
        var error = SingleError(Header + ",F,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n", DiagnosticCodes.MissingKey);

        // Assert
        Assert.Equal((2, 1), TestKit.At(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Load_EmptyFile_ReportsFileIsEmpty(string csv)
    {
        // Act
        var error = SingleError(csv, DiagnosticCodes.WrongType);

        // Assert
        Assert.Equal("file is empty", error.Message);
    }

    [Fact]
    public void Load_MoreCellsThanTheNodeLimit_ReportsGE101AtTheRowThatCrossesIt()
    {
        // Arrange: 10 cells a row, a limit of 25 cells.
        using var temp = new TempFolder();
        var path = temp.Write("findings.csv", TwoInspections);
        var bag = new DiagnosticBag();

        // Act
        var inspections = CsvFindingsLoader.Load(path, Mini.Value.Rulebook, LoadLimits.Default with { MaxNodes = 25 }, bag);

        // Assert
        Assert.Null(inspections);
        Assert.Equal((4, 1), TestKit.At(TestKit.SingleError(bag.ToSortedList(), DiagnosticCodes.FileTooLarge)));
    }

    [Fact]
    public void Load_HeaderOnly_ReportsGE205()
    {
        // Act
        var error = SingleError(Header, DiagnosticCodes.EmptyList);

        // Assert
        Assert.Equal((1, 1), TestKit.At(error));
    }

    [Fact]
    public void Load_ExampleInFindingsFormatDoc_LoadsWithTheShippedRulebook()
    {
        // Arrange
        var doc = File.ReadAllText(Path.Combine(Repo.Docs, "findings-format.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = doc.IndexOf("```csv\n", StringComparison.Ordinal) + "```csv\n".Length;
        var csv = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        using var temp = new TempFolder();
        var bag = new DiagnosticBag();

        // Act
        var inspections = CsvFindingsLoader.Load(temp.Write("example.csv", csv), rulebook.Rulebook, LoadLimits.Default, bag);

        // Assert
        Assert.True(inspections is not null, TestKit.Render(bag.ToSortedList()));
        var inspection = Assert.Single(inspections);
        Assert.Equal("two lines, with \"quotes\" inside.", inspection.Findings[1].Quote.Split('\n')[1]);
    }

    [Fact]
    public void Load_ManyProblems_ReportsThemAllSorted()
    {
        // Arrange
        var csv = Header +
            "m,F,mini,F1,Q1,q1.prevention.priorty,effective,,Quote.,Src\n" +
            "m,F,mini,F2,Q1,q1.prevention.crime-change,,lots,Quote.,Src\n" +
            "m,F,mini,F3,Q9,q2.investigation.quality,effective,,,Src\n";

        // Act
        var (inspections, diagnostics, _) = Load(csv);

        // Assert
        Assert.Null(inspections);
        Assert.Equal([(2, 6, "GE302"), (3, 8, "GE202"), (4, 5, "GE300"), (4, 9, "GE201")], diagnostics.Select(d => (d.Span.Line, d.Span.Column, d.Code)));
    }
}
