using GradingEngine.Diagnostics;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>Reading an item's YAML lines back from its file, from its span to the next sibling or the end of its list.</summary>
public class YamlItemTextTests
{
    [Fact]
    public void Extract_ShippedCriterion_FromIdLineToMessageLine()
    {
        // Arrange
        var rulebook = GradingPipeline.CheckRulebook(Repo.DefaultRules).Value!.Rulebook;
        var criterion = rulebook.Criteria.Single(c => c.Id == RulebookEdits.ReweightedCriterionId);
        var lines = File.ReadAllText(criterion.Span.Path).Replace("\r\n", "\n").Split('\n');
        var start = RulebookCopy.LineIn(lines, $"- id: {criterion.Id}");
        var message = Array.FindIndex(lines, start, l => l.StartsWith("    message: ", StringComparison.Ordinal)) + 1;

        // Act
        var text = new YamlItemText().Extract(criterion.Span, rulebook.Criteria.Select(c => c.Span));

        // Assert
        Assert.Equal(start, criterion.Span.Line);
        Assert.Equal(lines[start - 1].IndexOf("id:", StringComparison.Ordinal) + 1, criterion.Span.Column);
        Assert.Equal(lines[(start - 1)..message], text);
        Assert.Equal(9, text.Count);
    }

    [Fact]
    public void Extract_LastItemOfList_StopsBeforeTrailingCommentsAndParentKey()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = temp.Write("rulebook.yaml", "scale:\n  - id: a\n    name: A\n  - id: b\n    name: B\n\n  # about questions\nquestions:\n  - id: Q1\n");
        SourceSpan a = new(path, 2, 5), b = new(path, 4, 5), q1 = new(path, 9, 5);

        // Act
        var first = new YamlItemText().Extract(a, [a, b]);
        var last = new YamlItemText().Extract(b, [a, b]);
        var question = new YamlItemText().Extract(q1, [q1]);

        // Assert
        Assert.Equal(["  - id: a", "    name: A"], first);
        Assert.Equal(["  - id: b", "    name: B"], last);
        Assert.Equal(["  - id: Q1"], question);
    }

    [Fact]
    public void Extract_ListNotIndentedUnderItsKey_EndsAtNextSiblingOrKey()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = temp.Write("criteria.yaml", "criteria:\n- id: a\n  when: x\n- id: b\n  when: y\nother: 1\n");
        SourceSpan a = new(path, 2, 3), b = new(path, 4, 3);

        // Act
        var text = new YamlItemText();

        // Assert
        Assert.Equal(["- id: a", "  when: x"], text.Extract(a, [a, b]));
        Assert.Equal(["- id: b", "  when: y"], text.Extract(b, [a, b]));
    }

    [Fact]
    public void Extract_CommentsAndFoldedLinesInsideItem_Kept()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = temp.Write("t.yaml", "default:\n  - grade: good\n# a comment at column 1, inside the item\n    when: a and\n      b\n    because: |\n      text\n\n      more\n  # about the next row\n  - grade: bad\n    otherwise: true\n");
        SourceSpan good = new(path, 2, 5), bad = new(path, 11, 5);

        // Act
        var text = new YamlItemText().Extract(good, [good, bad]);

        // Assert
        Assert.Equal(["  - grade: good", "# a comment at column 1, inside the item", "    when: a and", "      b", "    because: |", "      text", "", "      more"], text);
    }
}
