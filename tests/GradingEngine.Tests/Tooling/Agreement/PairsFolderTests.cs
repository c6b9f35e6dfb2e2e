using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Xunit;

namespace GradingEngine.Tests.Tooling.Agreement;

public class PairsFolderTests
{
    private static (IReadOnlyList<CodingPairFiles> Pairs, IReadOnlyList<Diagnostic> Diagnostics) Find(TempFolder temp, params string[] files)
    {
        foreach (var file in files) temp.Write(file, "inspection: x\n");
        var bag = new DiagnosticBag();
        var pairs = PairsFolder.Find(temp.Path, bag);
        return (pairs, bag.ToSortedList());
    }

    [Fact]
    public void Find_NamedPairsAndFoldersOfTwo_PairsThemByName()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var (pairs, diagnostics) = Find(temp,
            "case-2.a.yaml", "case-2.b.json", "case-1.b.yaml", "case-1.a.yaml",
            "east/a.yaml", "east/b.csv", "east/report.txt", "notes.yaml", ".hidden/x.a.yaml");

        // Assert
        Assert.Empty(diagnostics);
        Assert.Equal(["case-1", "case-2", "east"], pairs.Select(p => p.Name));
        Assert.Equal(("case-2.a.yaml", "case-2.b.json"), (Path.GetFileName(pairs[1].A), Path.GetFileName(pairs[1].B)));
        Assert.Equal(("a.yaml", "b.csv"), (Path.GetFileName(pairs[2].A), Path.GetFileName(pairs[2].B)));
    }

    [Fact]
    public void Find_CodingWithoutPartner_ReportsGE211NamingThePartnerFile()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var (_, diagnostics) = Find(temp, "case-1.a.yaml", "case-1.b.yaml", "case-3.a.yaml");

        // Assert
        var error = TestKit.SingleError(diagnostics, DiagnosticCodes.UnpairedCoding);
        Assert.EndsWith("case-3.a.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Equal("coding of pair `case-3` has no coding B to compare with", error.Message);
        Assert.Equal("name the other coding `case-3.b.yaml`", error.Help);
    }

    [Fact]
    public void Find_TwoFilesForOneSide_ReportsGE211()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var (_, diagnostics) = Find(temp, "case-1.a.yaml", "case-1.a.json", "case-1.b.yaml");

        // Assert
        Assert.Contains("already has a coding A", TestKit.SingleError(diagnostics, DiagnosticCodes.UnpairedCoding).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FolderWithoutPairs_ReportsGE100()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var (_, diagnostics) = Find(temp, "findings.yaml");

        // Assert
        Assert.Equal("no pairs of codings in this folder", TestKit.SingleError(diagnostics, DiagnosticCodes.FileNotFound).Message);
    }
}
