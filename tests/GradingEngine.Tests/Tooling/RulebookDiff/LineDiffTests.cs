using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

public class LineDiffTests
{
    [Fact]
    public void Compute_OneLineReplaced_RemovedBeforeAddedAmongSameLines()
    {
        // Arrange
        string[] old = ["a", "b", "c"], @new = ["a", "B", "c"];

        // Act
        var diff = LineDiff.Compute(old, @new);

        // Assert
        Assert.Equal([" a", "-b", "+B", " c"], diff.Select(l => l.ToString()));
    }

    [Fact]
    public void Compute_LinesInsertedAndDeleted_KeepsLongestCommonLines()
    {
        // Arrange
        string[] old = ["id", "x", "when", "weight", "message"], @new = ["id", "when", "effect", "weight", "message", "extra"];

        // Act
        var diff = LineDiff.Compute(old, @new);

        // Assert
        Assert.Equal([" id", "-x", " when", "+effect", " weight", " message", "+extra"], diff.Select(l => l.ToString()));
    }

    [Fact]
    public void Compute_IdenticalOrEmpty_AllSameOrAllAdded()
    {
        // Arrange / Act
        var same = LineDiff.Compute(["a", "b"], ["a", "b"]);
        var added = LineDiff.Compute([], ["a"]);
        var removed = LineDiff.Compute(["a"], []);

        // Assert
        Assert.All(same, l => Assert.Equal(DiffOp.Same, l.Op));
        Assert.Equal(["+a"], added.Select(l => l.ToString()));
        Assert.Equal(["-a"], removed.Select(l => l.ToString()));
    }
}
