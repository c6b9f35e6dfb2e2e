using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>An item's YAML lines, from its first line to the last line the reader found for it, out of the text the loader read.</summary>
public class ItemTextTests
{
    [Fact]
    public void Of_ShippedCriterion_FromIdLineToMessageLine()
    {
        // Arrange
        var rulebook = GradingPipeline.CheckRulebook(Repo.DefaultRules).Value!.Rulebook;
        var criterion = rulebook.Criteria.Single(c => c.Id == RulebookEdits.ReweightedCriterionId);
        var lines = File.ReadAllText(criterion.Span.Path).Replace("\r\n", "\n").Split('\n');
        var start = RulebookCopy.LineIn(lines, $"- id: {criterion.Id}");
        var message = Array.FindIndex(lines, start, l => l.StartsWith("    message: ", StringComparison.Ordinal)) + 1;

        // Act
        var text = new ItemText(rulebook).Of(criterion.Fields);

        // Assert
        Assert.Equal(start, criterion.Span.Line);
        Assert.Equal(lines[start - 1].IndexOf("id:", StringComparison.Ordinal) + 1, criterion.Span.Column);
        Assert.Equal(lines[(start - 1)..message], text);
        Assert.Equal(9, text.Count);
    }

    [Fact]
    public void LastLine_LastItemOfList_StopsBeforeTrailingCommentsAndParentKey()
    {
        // Act
        var items = Items("scale:\n  - id: a\n    name: A\n  - id: b\n    name: B\n\n  # about questions\nquestions:\n  - id: Q1\n");

        // Assert: (first line, last line) of each list item, in order.
        Assert.Equal([(2, 3), (4, 5), (9, 9)], items);
    }

    [Fact]
    public void LastLine_ListNotIndentedUnderItsKey_EndsBeforeNextSiblingOrKey()
    {
        // Act
        var items = Items("criteria:\n- id: a\n  when: x\n- id: b\n  when: y\nother: 1\n");

        // Assert
        Assert.Equal([(2, 3), (4, 5)], items);
    }

    [Fact]
    public void LastLine_CommentsAndFoldedLinesInsideItem_Kept()
    {
        // Act
        var items = Items("default:\n  - grade: good\n# a comment at column 1, inside the item\n    when: a and\n      b\n    because: |\n      text\n\n      more\n  # about the next row\n  - grade: bad\n    otherwise: true\n");

        // Assert
        Assert.Equal([(2, 9), (11, 12)], items);
    }

    [Fact]
    public void LastLine_FlowMappingsOnOneLine_ThatLine()
    {
        // Act
        var items = Items("findings:\n  - {id: a, quote: x}\n  - {id: b,\n     quote: y}\n");

        // Assert
        Assert.Equal([(2, 2), (3, 4)], items);
    }

    /// <summary>The first and last line of every mapping in every top-level list of the text.</summary>
    private static List<(int First, int Last)> Items(string yaml)
    {
        using var temp = new TempFolder();
        var path = temp.Write("file.yaml", yaml);
        var bag = new DiagnosticBag();
        var root = (YMapping)YamlReader.ReadFile(path, LoadLimits.Default, bag)!;
        Assert.False(bag.HasErrors);
        return [.. root.Entries.Select(e => e.Value).OfType<YSequence>().SelectMany(s => s.Items).OfType<YMapping>().Select(m => (m.Span.Line, m.LastLine))];
    }
}
