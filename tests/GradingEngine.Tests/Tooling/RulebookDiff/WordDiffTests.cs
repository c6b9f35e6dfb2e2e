using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

public class WordDiffTests
{
    /// <summary>The spans as the text report marks them.</summary>
    private static string Marked(IEnumerable<DiffSpan> spans) => string.Concat(spans.Select(s => s.Op switch
    {
        DiffOp.Removed => $"[-{s.Text}-]",
        DiffOp.Added => $"{{+{s.Text}+}}",
        _ => s.Text,
    }));

    [Theory]
    [InlineData("    weight: 3", "    weight: 4", "    weight: [-3-]{+4+}")]
    [InlineData("when: strengths.weight >= 12 and x", "when: strengths.weight >= 10 and x", "when: strengths.weight >= [-12-]{+10+} and x")]
    [InlineData("when: count(f => true) >= 1", "when: count(f => true) > 1", "when: count(f => true) >[-=-] 1")]
    [InlineData("value: 2.5", "value: 2.75", "value: [-2.5-]{+2.75+}")]
    [InlineData("because: at most one weak question", "because: at least two weak questions", "because: at [-most one-]{+least two+} weak [-question-]{+questions+}")]
    [InlineData("grade: good", "grade: good and more", "grade: good{+ and more+}")]
    public void Compute_ChangedWords_MarksOnlyThem(string old, string @new, string expected)
    {
        // Act
        var spans = WordDiff.Compute(old, @new);

        // Assert: the marks, and both lines read back from the spans
        Assert.Equal(expected, Marked(spans));
        Assert.Equal(old, string.Concat(spans.Where(s => s.Op != DiffOp.Added).Select(s => s.Text)));
        Assert.Equal(@new, string.Concat(spans.Where(s => s.Op != DiffOp.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void Compute_SameLine_OneSharedSpan()
    {
        // Act
        var spans = WordDiff.Compute("    weight: 3", "    weight: 3");

        // Assert
        Assert.Equal([new DiffSpan(DiffOp.Same, "    weight: 3")], spans);
        Assert.True(WordDiff.Similar(spans));
    }

    [Fact]
    public void Similar_LineRewritten_FalseButOneNumberChanged_True()
    {
        // Act
        var rewritten = WordDiff.Similar(WordDiff.Compute("  title: Prevention is a priority", "  rationale: see the annex"));
        var number = WordDiff.Similar(WordDiff.Compute("    weight: 3", "    weight: 4"));

        // Assert
        Assert.False(rewritten);
        Assert.True(number);
    }

    [Fact]
    public void Words_IdentifiersNumbersAndSymbols_SplitAsTheMarksNeedThem()
    {
        // Act
        var words = WordDiff.Words("q1.crime >= 2.5, f_x");

        // Assert
        Assert.Equal(["q1", ".", "crime", " ", ">", "=", " ", "2.5", ",", " ", "f_x"], words);
    }
}
