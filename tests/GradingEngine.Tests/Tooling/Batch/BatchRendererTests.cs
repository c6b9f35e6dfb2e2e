using System.Text.RegularExpressions;
using System.Text.Json;
using CsvHelper;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Batch;
using Xunit;
using GradingEngine.Diagnostics;

namespace GradingEngine.Tests.Tooling.Batch;

public class BatchRendererTests
{
    private static BatchReport Planted(TempFolder temp)
    {
        temp.Write("a/north.findings.yaml", BatchKit.MiniFindings("north", "Q1: good\n  Q2: good\n  overall: good"));
        temp.Write("a/south.findings.yaml", BatchKit.MiniFindings("south", "Q1: outstanding\n  Q2: good\n  overall: inadequate"));
        temp.Write("b/west.findings.yaml", BatchKit.SameProfileFindings("west", "Q1: requires-improvement"));
        temp.Write("c/findings.yaml", BatchKit.MiniFindings("plain"));
        return BatchKit.Grade([temp.Path]);
    }

    [Fact]
    public void RenderText_PlantedBatch_ShowsTableAgreementGroupsAndRankedDisagreements()
    {
        // Arrange
        using var temp = new TempFolder();
        var report = Planted(temp);

        // Act
        var text = BatchRenderer.RenderText(report);

        // Assert
        Assert.Contains("Batch of 4 inspections from 4 files", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  inspection\s+Q1\s+Q2\s+overall\s+file$", text);
        Assert.Matches(@"(?m)^  south\s+O/G \*\s+G/G\s+I/G \*\s+\S*a/south\.findings\.yaml$", text);
        Assert.Matches(@"(?m)^  plain\s+-/G\s+-/G\s+-/G\s+\S*c/findings\.yaml$", text);
        Assert.Contains("O outstanding, G good, RI requires-improvement, I inadequate", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  Q1\s+1 of 3\s+33\.3%$", text);
        Assert.Matches(@"(?m)^  Q2\s+2 of 2\s+100\.0%$", text);
        Assert.Matches(@"(?m)^  all\s+4 of 7\s+57\.1%$", text);
        Assert.Contains("  Q1: the same criteria met (strengths 1, areas-for-improvement 1), different grades proposed:\n      criteria: Q1.partnership-gap, Q1.priority\n", text, StringComparison.Ordinal);
        Assert.Contains("  Q1: as many criteria met of each effect (strengths 1, areas-for-improvement 1), not the same ones", text, StringComparison.Ordinal);
        Assert.Contains("also met: Q1.crime-rising, Q1.partnership", text, StringComparison.Ordinal);
        var ranked = text[text.IndexOf("Disagreements, farthest first (3):", StringComparison.Ordinal)..];
        Assert.Matches(@"^Disagreements, farthest first \(3\):\n   2  overall  south\s+proposed inadequate\s+computed good\s+\S+\n   1  Q1\s+south\s+proposed outstanding\s+computed good\s+\S+\n   1  Q1\s+west\s+proposed requires-improvement\s+computed good\s+\S+\n", ranked);
    }

    [Fact]
    public void RenderJson_PlantedBatch_KeysInFixedOrderAndValuesAsReported()
    {
        // Arrange
        using var temp = new TempFolder();
        var report = Planted(temp);

        // Act
        using var json = JsonDocument.Parse(BatchRenderer.RenderJson(report));

        // Assert
        var root = json.RootElement;
        Assert.Equal(["rulebook", "subjects", "inspections", "agreement", "consistency", "disagreements", "skipped"], root.EnumerateObject().Select(p => p.Name));
        var first = root.GetProperty("inspections")[0];
        Assert.Equal(["inspection", "proposedFrom", "grades"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["subject", "proposed", "computed", "agree", "distance"], first.GetProperty("grades")[0].EnumerateObject().Select(p => p.Name));
        var plain = root.GetProperty("inspections").EnumerateArray().Single(i => i.GetProperty("inspection").GetProperty("id").GetString() == "plain");
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("proposedFrom").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("grades")[0].GetProperty("agree").ValueKind);
        Assert.Equal(0.3333m, root.GetProperty("agreement").GetProperty("subjects")[0].GetProperty("rate").GetDecimal());
        Assert.Equal(["same-criteria", "same-profile"], root.GetProperty("consistency").EnumerateArray().Select(g => g.GetProperty("kind").GetString()));
        Assert.Equal(2, root.GetProperty("disagreements")[0].GetProperty("distance").GetInt32());
    }

    [Fact]
    public void RenderCsv_PlantedBatch_OneRowPerInspectionAndSubjectReadBackByCsvHelper()
    {
        // Arrange
        using var temp = new TempFolder();
        var report = Planted(temp);

        // Act
        var csv = BatchRenderer.RenderCsv(report);

        // Assert
        Assert.DoesNotContain("\r", csv, StringComparison.Ordinal);
        using var reader = CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(csv), CsvReaderOptions.Default with { Separator = ',' });
        Assert.Equal(BatchRenderer.CsvColumns, reader.Headers.ToArray());
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        Assert.Equal(4 * 3, rows.Count);
        Assert.Contains(rows, r => r[..6].SequenceEqual(["south", "overall", "inadequate", "good", "false", "2"]));
        Assert.Contains(rows, r => r[..6].SequenceEqual(["plain", "Q1", "", "good", "", ""]));
        Assert.Contains(rows, r => r[..6].SequenceEqual(["north", "Q2", "good", "good", "true", "0"]));
    }

    [Fact]
    public void Abbreviations_InitialsCollide_FallBackToGradeIds()
    {
        // Arrange
        var scale = new GradingEngine.Model.GradeScale([
            new("good", "Good", "", 0, FieldSpans.None(default)), new("great", "Great", "", 1, FieldSpans.None(default)), new("requires-improvement", "RI", "", 2, FieldSpans.None(default))]);

        // Act
        var abbreviations = BatchRenderer.Abbreviations(scale);

        // Assert: the grades spelled out; "not graded" keeps its short form.
        Assert.Equal(["good", "great", "requires-improvement"], scale.Grades.Select(g => abbreviations[g.Id]));
        Assert.Equal("NG", abbreviations["not-graded"]);
    }

    [Fact]
    public void RenderCsv_FileNamesStartingWithFormulaCharacters_EachCellPrefixedWithAQuote()
    {
        // Arrange: file names as a user gives them relative to the current folder.
        using var temp = new TempFolder();
        string[] names = ["=cmd|' calc'!A0.yaml", "+sum.yaml", "-1.yaml", "@x.yaml", "\tTab.yaml", "\rReturn.yaml"];
        for (var i = 0; i < names.Length; i++) temp.Write(Path.Combine("in", $"{i}.yaml"), BatchKit.MiniFindings($"i{i}"));
        var report = BatchKit.Grade([Path.Combine(temp.Path, "in")]);
        report = report with { Inspections = report.Inspections.Select(i => i with { Path = names[int.Parse(Path.GetFileNameWithoutExtension(i.Path), System.Globalization.CultureInfo.InvariantCulture)] }).ToList() };

        // Act
        var csv = BatchRenderer.RenderCsv(report);

        // Assert
        using var reader = CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(csv), CsvReaderOptions.Default with { HasHeader = true });
        var files = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) files.Add(reader.GetString(reader.FieldCount - 1));
        Assert.Equal(names.Select(n => "'" + n).Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t1", "'\t1")]
    [InlineData("\r1", "'\r1")]
    [InlineData("good", "good")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void Cell_FormulaStart_PrefixedWithAQuote(string text, string expected) =>
        Assert.Equal(expected, CsvText.Cell(text));

    [Fact]
    public void RenderText_GroupWithAMajority_ShowsOnlyTheMembersThatDifferWithTheGroupSize()
    {
        // Arrange: five like cases (the same criteria met for Q1), four proposed good and one outstanding.
        using var temp = new TempFolder();
        for (var i = 0; i < 5; i++)
        {
            temp.Write($"case-{i}.findings.yaml", BatchKit.MiniFindings($"case-{i}", $"Q1: {(i == 3 ? "outstanding" : "good")}"));
        }
        var report = BatchKit.Grade([temp.Path]);

        // Act
        var brief = BatchRenderer.RenderText(report);
        var verbose = BatchRenderer.RenderText(report, verbose: true);

        // Assert
        var group = Assert.Single(report.Consistency);
        Assert.Equal("good", group.Majority!.Id);
        Assert.Equal(["case-3"], group.Dissenters.Select(m => m.Inspection.Id));
        Assert.Contains("      5 inspections, 4 proposed good; 1 inspection proposed otherwise (--verbose for all):\n      case-3  proposed outstanding", brief, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^      case-0  proposed", brief);
        Assert.Contains("      5 inspections, 4 proposed good:\n", verbose, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Matches(verbose, @"(?m)^      case-\d  proposed").Count);
    }

    [Fact]
    public void RenderText_GroupWithoutAMajority_ShowsEveryMember()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 4; i++)
        {
            temp.Write($"case-{i}.findings.yaml", BatchKit.MiniFindings($"case-{i}", $"Q1: {(i % 2 == 0 ? "outstanding" : "good")}"));
        }
        var report = BatchKit.Grade([temp.Path]);

        var text = BatchRenderer.RenderText(report);

        Assert.Null(Assert.Single(report.Consistency).Majority);
        Assert.Contains("      4 inspections, no grade proposed for most:\n", text, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(text, @"(?m)^      case-\d  proposed").Count);
    }
}
