using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

public class ShownLinesTests
{
    private static ItemChange Item(ChangeKind change, params DiffLine[] lines) =>
        new(ItemKind.Criterion, "Q1.x", null, change, [], new ItemLocation("criteria/q1.yaml", 3), new ItemLocation("criteria/q1.yaml", 3), lines);

    private static string Show(ShownLine line) => line.Mark + string.Concat(line.Spans.Select(s => s.Op switch
    {
        DiffOp.Removed => $"[-{s.Text}-]",
        DiffOp.Added => $"{{+{s.Text}+}}",
        _ => s.Text,
    }));

    [Fact]
    public void Of_EditedItem_OnlyChangedLinesEachSimilarPairMarkedWithin()
    {
        // Arrange
        var item = Item(ChangeKind.Edited,
            new DiffLine(DiffOp.Same, "  - id: Q1.x"),
            new DiffLine(DiffOp.Removed, "    when: a >= 1"),
            new DiffLine(DiffOp.Removed, "    weight: 3"),
            new DiffLine(DiffOp.Added, "    when: a >= 2"),
            new DiffLine(DiffOp.Added, "    weight: 4"),
            new DiffLine(DiffOp.Same, "    message: m"));

        // Act
        var shown = ShownLines.Of(item);

        // Assert
        Assert.Equal(["~    when: a >= [-1-]{+2+}", "~    weight: [-3-]{+4+}"], shown.Select(Show));
    }

    [Fact]
    public void Of_LineRewrittenOrCountsDiffer_WholeLinesRemovedThenAdded()
    {
        // Arrange
        var rewritten = Item(ChangeKind.Edited,
            new DiffLine(DiffOp.Removed, "    title: Prevention is a priority"),
            new DiffLine(DiffOp.Added, "    rationale: see the annex"));
        var inserted = Item(ChangeKind.Edited,
            new DiffLine(DiffOp.Same, "  - id: Q1.x"),
            new DiffLine(DiffOp.Removed, "    weight: 3"),
            new DiffLine(DiffOp.Added, "    weight: 4"),
            new DiffLine(DiffOp.Added, "    area: crime-levels"));

        // Act / Assert
        Assert.Equal(["-    title: Prevention is a priority", "+    rationale: see the annex"], ShownLines.Of(rewritten).Select(Show));
        Assert.Equal(["-    weight: 3", "+    weight: 4", "+    area: crime-levels"], ShownLines.Of(inserted).Select(Show));
    }

    [Fact]
    public void Of_AddedItem_ShownWhole()
    {
        // Arrange
        var item = Item(ChangeKind.Added, new DiffLine(DiffOp.Added, "  - id: Q1.x"), new DiffLine(DiffOp.Added, "    weight: 3"));

        // Act / Assert
        Assert.Equal(["+  - id: Q1.x", "+    weight: 3"], ShownLines.Of(item).Select(Show));
    }
}
