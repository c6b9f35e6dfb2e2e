using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

public class YamlReaderTests
{
    private const string Path = "input.yaml";

    private static (YNode? Node, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var node = YamlReader.Parse(Path, text, limits ?? LoadLimits.Default, bag);
        return (node, bag.ToSortedList());
    }

    private static (YNode? Node, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var node = YamlReader.ReadFile(path, limits ?? LoadLimits.Default, bag);
        return (node, bag.ToSortedList());
    }

    private static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format));

    private static string Lol(int levels, int fanout)
    {
        // Billion laughs: each level is a list of `fanout` aliases of the level before.
        var text = new StringBuilder();
        text.Append("l0: &l0 [").Append(string.Join(", ", Enumerable.Repeat("\"lol\"", fanout))).Append("]\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append($"l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", fanout))).Append("]\n");
        }
        return text.ToString();
    }

    [Fact]
    public void Parse_AliasBomb_RefusedWithGE104AtTheAliasThatOverflows()
    {
        // Arrange: 9 levels of 9 aliases: 9^9 nodes once expanded.
        var text = Lol(levels: 9, fanout: 9);

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.AliasExpansion, error.Code);
        Assert.Equal(Path, error.Span.Path);
        Assert.Contains("250000", error.Message);
        // 10, 91, 820, 7381, 66430 nodes for l0..l4: the expansion crosses the limit while l5 is built.
        Assert.Equal(6, error.Span.Line);
        Assert.StartsWith("*l4", text.Split('\n')[error.Span.Line - 1][(error.Span.Column - 1)..]);
    }

    [Fact]
    public void Parse_AliasesUnderTheLimit_AreExpanded()
    {
        // Arrange
        var text = "base: &b [1, 2]\ncopy: *b\n";

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Empty(diagnostics);
        var map = Assert.IsType<YMapping>(node);
        var copy = Assert.IsType<YSequence>(map.Entries[1].Value);
        Assert.Equal(["1", "2"], copy.Items.Cast<YScalar>().Select(s => s.Value));
    }

    [Fact]
    public void Parse_AliasBombWithSmallNodeLimit_ReportsGE104NotGE101()
    {
        // Arrange
        var limits = new LoadLimits(MaxNodes: 50);
        var text = Lol(levels: 3, fanout: 4);

        // Act
        var (_, diagnostics) = Parse(text, limits);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.AliasExpansion, error.Code);
        Assert.Contains("50", error.Message);
    }

    [Fact]
    public void Parse_NestingDeeperThanLimit_ReportsGE105WithLocation()
    {
        // Arrange: MaxDepth 5 allows 5 nested containers; the 6th is refused.
        var limits = new LoadLimits(MaxDepth: 5);
        var text = "a:\n  b:\n    c:\n      d:\n        e:\n          - x\n";

        // Act
        var (node, diagnostics) = Parse(text, limits);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.NestingTooDeep, error.Code);
        Assert.Contains("5", error.Message);
        Assert.Equal(6, error.Span.Line);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        // Arrange
        var limits = new LoadLimits(MaxDepth: 5);
        var text = "a:\n  b:\n    c:\n      d: [x]\n";

        // Act
        var (node, diagnostics) = Parse(text, limits);

        // Assert
        Assert.Empty(diagnostics);
        Assert.NotNull(node);
    }

    [Fact]
    public void Parse_DeepFlowNestingWithDefaultLimits_ReportsGE105()
    {
        // Arrange
        var text = "x: " + new string('[', 200) + new string(']', 200) + "\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.NestingTooDeep, error.Code);
        Assert.Equal(1, error.Span.Line);
        Assert.Equal(4 + LoadLimits.Default.MaxDepth - 1, error.Span.Column);
    }

    [Fact]
    public void ReadFile_InvalidUtf8_ReportsGE102AtLineAndColumnOfTheBadByte()
    {
        // Arrange: line 2 is `ab` then the invalid byte 0xFF; "é" is two bytes but one column.
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("key: value\né ab").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var path = temp.Write("bad.yaml", bytes);

        // Act
        var (node, diagnostics) = ReadFile(path);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, error.Code);
        Assert.Equal(path, error.Span.Path);
        Assert.Equal(2, error.Span.Line);
        Assert.Equal(5, error.Span.Column);
        Assert.Contains("0xFF", error.Message);
    }

    [Fact]
    public void ReadFile_TruncatedMultiByteSequence_ReportsGE102()
    {
        // Arrange: the first byte of a three-byte sequence, then ASCII.
        using var temp = new TempFolder();
        var path = temp.Write("bad.yaml", new byte[] { (byte)'a', (byte)':', (byte)' ', 0xE2, (byte)'x', (byte)'\n' });

        // Act
        var (_, diagnostics) = ReadFile(path);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, error.Code);
        Assert.Equal((1, 4), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void ReadFile_FileOverSizeLimit_ReportsGE101AtFileStart()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = temp.Write("big.yaml", "key: " + new string('x', 200) + "\n");
        var limits = new LoadLimits(MaxFileBytes: 100);

        // Act
        var (node, diagnostics) = ReadFile(path, limits);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.Equal((1, 1), (error.Span.Line, error.Span.Column));
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void ReadFile_FileExactlyAtSizeLimit_IsRead()
    {
        // Arrange
        using var temp = new TempFolder();
        var content = "key: " + new string('x', 94) + "\n";
        var path = temp.Write("edge.yaml", content);
        var limits = new LoadLimits(MaxFileBytes: Encoding.UTF8.GetByteCount(content));

        // Act
        var (node, diagnostics) = ReadFile(path, limits);

        // Assert
        Assert.Empty(diagnostics);
        Assert.IsType<YMapping>(node);
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsGE100()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = System.IO.Path.Combine(temp.Path, "absent.yaml");

        // Act
        var (_, diagnostics) = ReadFile(path);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, error.Code);
        Assert.Equal(path, error.Span.Path);
    }

    [Fact]
    public void Parse_DuplicateMappingKey_ReportsGE106AtTheSecondKey()
    {
        // Arrange
        var text = "id: a\nname: first\nother: x\nname: second\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, error.Code);
        Assert.Equal((4, 1), (error.Span.Line, error.Span.Column));
        Assert.Contains("`name`", error.Message);
        Assert.Contains("line 2", error.Help);
    }

    [Fact]
    public void Parse_DuplicateKeyInNestedMapping_ReportsGE106AtItsColumn()
    {
        // Arrange
        var text = "items:\n  - id: a\n    id: b\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, error.Code);
        Assert.Equal((3, 5), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Parse_SyntaxError_ReportsGE103WithLine()
    {
        // Arrange: an unclosed flow mapping on line 2.
        var text = "a: 1\nb: {c: 1\n";

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.InRange(error.Span.Line, 2, 3);
        Assert.StartsWith("invalid YAML", error.Message);
        Assert.DoesNotContain("Idx:", error.Message);
    }

    [Theory]
    [InlineData("a: [1, 2\n")]
    [InlineData("a: {b: 1\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("- a\nb: 1\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: !!binary xyz\n\t- b\n")]
    [InlineData("{a: 1}}\n")]
    [InlineData("a: @x\n")]
    public void Parse_MalformedYaml_ReportsGE103InsteadOfThrowing(string text)
    {
        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.True(error.Span.Line >= 1 && error.Span.Column >= 1);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsGE103OnTheOffendingLine()
    {
        // Arrange
        var text = "a:\n  b: 1\n c: 2\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(3, error.Span.Line);
    }

    [Fact]
    public void Parse_UnknownAlias_ReportsGE103AtTheAlias()
    {
        // Arrange
        var text = "a: 1\nb: *nowhere\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(2, error.Span.Line);
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsGE107AtTheSecond()
    {
        // Arrange
        var text = "a: 1\n---\nb: 2\n";

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MultipleDocuments, error.Code);
        Assert.Equal(2, error.Span.Line);
    }

    [Fact]
    public void Parse_OneExplicitDocument_IsAccepted()
    {
        // Arrange
        var text = "---\na: 1\n";

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Empty(diagnostics);
        Assert.IsType<YMapping>(node);
    }

    [Fact]
    public void Parse_Json_ParsesWithPositions()
    {
        // Arrange
        var text = "{\n  \"inspection\": \"x-1\",\n  \"findings\": [\n    {\"id\": \"F1\", \"value\": 7.5}\n  ]\n}\n";

        // Act
        var (node, diagnostics) = Parse(text);

        // Assert
        Assert.Empty(diagnostics);
        var root = Assert.IsType<YMapping>(node);
        Assert.Equal((1, 1), (root.Span.Line, root.Span.Column));
        var inspection = root.Entries[0];
        Assert.Equal("inspection", inspection.Key.Value);
        Assert.Equal((2, 3), (inspection.Key.Span.Line, inspection.Key.Span.Column));
        var value = Assert.IsType<YScalar>(inspection.Value);
        Assert.Equal("x-1", value.Value);
        Assert.Equal((2, 17), (value.Span.Line, value.Span.Column));
        Assert.Equal(ScalarKind.Quoted, value.Kind);
        var findings = Assert.IsType<YSequence>(root.Entries[1].Value);
        var finding = Assert.IsType<YMapping>(Assert.Single(findings.Items));
        Assert.Equal((4, 5), (finding.Span.Line, finding.Span.Column));
        var number = Assert.IsType<YScalar>(finding.Entries[1].Value);
        Assert.Equal("7.5", number.Value);
        Assert.True(number.IsPlain);
        Assert.Equal((4, 27), (number.Span.Line, number.Span.Column));
    }

    [Fact]
    public void Parse_JsonDuplicateKey_ReportsGE106()
    {
        // Arrange
        var text = "{\"a\": 1,\n \"a\": 2}\n";

        // Act
        var (_, diagnostics) = Parse(text);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, error.Code);
        Assert.Equal((2, 2), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void ReadFile_Utf8Bom_IsAcceptedAndPositionsAreUnchanged()
    {
        // Arrange
        using var temp = new TempFolder();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id: x\nname: y\n")).ToArray();
        var path = temp.Write("bom.yaml", bytes);

        // Act
        var (node, diagnostics) = ReadFile(path);

        // Assert
        Assert.True(diagnostics.Count == 0, Render(diagnostics));
        var map = Assert.IsType<YMapping>(node);
        Assert.Equal("id", map.Entries[0].Key.Value);
        Assert.Equal((1, 1), (map.Entries[0].Key.Span.Line, map.Entries[0].Key.Span.Column));
        Assert.Equal((2, 7), (map.Entries[1].Value.Span.Line, map.Entries[1].Value.Span.Column));
    }

    [Fact]
    public void ReadFile_BomFollowedByInvalidByte_ReportsColumnAfterBom()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = temp.Write("bom.yaml", new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', 0xC0, (byte)'\n' });

        // Act
        var (_, diagnostics) = ReadFile(path);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, error.Code);
        Assert.Equal((1, 2), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Parse_EmptyText_ReportsEmptyFile()
    {
        // Act
        var (node, diagnostics) = Parse("");

        // Assert
        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, error.Code);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Parse_ScalarKinds_AreDistinguished()
    {
        // Arrange
        var text = "plain: a b\nquoted: 'a b'\nblock: |\n  a b\n";

        // Act
        var (node, _) = Parse(text);

        // Assert
        var map = Assert.IsType<YMapping>(node);
        Assert.Equal([ScalarKind.Plain, ScalarKind.Quoted, ScalarKind.Block], map.Entries.Select(e => ((YScalar)e.Value).Kind));
    }

    private static bool IsFindingsKey(string key, bool scalarValue) => key == "findings" || (key == "inspection" && scalarValue);

    [Theory]
    [InlineData("inspection: x\nfindings: []\n", true)]
    [InlineData("force: f\nmeta: {a: [1, {b: 2}], c: [[]]}\nfindings:\n  - id: a\n", true)]
    [InlineData("{\"inspection\": \"x\", \"findings\": []}", true)]
    [InlineData("\"findings\": []\n", true)]
    [InlineData("inspection: x\nbroken: [\n", true)]
    [InlineData("inspection:\n  id: x\n", false)]
    [InlineData("report:\n  findings: 1\n  inspection: x\n", false)]
    [InlineData("- findings\n", false)]
    [InlineData("findings\n", false)]
    [InlineData("? [findings]\n: x\n", false)]
    [InlineData("a: &k findings\n*k : x\n", false)]
    [InlineData("broken: [\nfindings: []\n", false)]
    [InlineData("", false)]
    public void HasTopLevelKey_FindingsKeys_MatchesOnlyAtTheTopLevel(string text, bool expected)
    {
        // Act
        var streamed = YamlReader.HasTopLevelKey(text, LoadLimits.Default, IsFindingsKey);

        // Assert: and never where the tree does not say so, so batch discovery keeps its old answer.
        Assert.Equal(expected, streamed);
        var (node, _) = Parse(text);
        if (streamed && node is not null)
        {
            Assert.Contains(((YMapping)node).Entries, e => IsFindingsKey(e.Key.Value, e.Value is YScalar));
        }
    }

    [Fact]
    public void HasTopLevelKey_NestingPastTheLimitBeforeTheKey_False()
    {
        // Arrange: 10 levels of lists before `findings`, with a limit of 5.
        var text = "deep: " + new string('[', 10) + new string(']', 10) + "\nfindings: []\n";

        // Act
        var shallow = YamlReader.HasTopLevelKey(text, LoadLimits.Default with { MaxDepth = 5 }, IsFindingsKey);
        var deepEnough = YamlReader.HasTopLevelKey(text, LoadLimits.Default, IsFindingsKey);

        // Assert
        Assert.False(shallow);
        Assert.True(deepEnough);
    }
}
