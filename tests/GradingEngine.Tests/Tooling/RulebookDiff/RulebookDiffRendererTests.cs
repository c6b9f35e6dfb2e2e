using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>The text report on a hand-made diff: what the rulebook's own text can do to the terminal, and to the marks.</summary>
public class RulebookDiffRendererTests
{
    private static readonly RulebookIdentity Identity = new("r", "1", "R", new string('a', 64));

    private static GradingEngine.Tooling.RulebookDiff.RulebookDiff DiffOf(params DiffLine[] lines) => new(Identity, Identity,
        new StructuralDiff(
            [new ItemChange(ItemKind.Criterion, "Q1.x", null, ChangeKind.Edited, ["message"], new ItemLocation("criteria/q1.yaml", 3), new ItemLocation("criteria/q1.yaml", 5), lines)],
            null),
        []);

    [Fact]
    public void RenderText_ControlCharactersAndBracesInEditedLine_EscapedAndKeptOutsideTheMarks()
    {
        // Arrange: a message with placeholders and a terminal escape sequence, one word of it changed
        var diff = DiffOf(
            new DiffLine(DiffOp.Removed, "    message: \"{judgement} \u001b[2J old\u202e\""),
            new DiffLine(DiffOp.Added, "    message: \"{judgement} \u001b[2J new\u202e\""));

        // Act
        var text = RulebookDiffRenderer.RenderText(diff);

        // Assert: the line once, marks around the changed word only, its control characters visible and inert
        Assert.Contains("    Q1.x  edited: message  criteria/q1.yaml:3 → criteria/q1.yaml:5\n", text, StringComparison.Ordinal);
        Assert.Contains("      ~    message: \"{judgement} \\u001b[2J [-old-]{+new+}\\u202e\"\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderText_NoInspections_SummaryWithoutGradesLine()
    {
        // Arrange
        var diff = DiffOf(new DiffLine(DiffOp.Removed, "    weight: 3"), new DiffLine(DiffOp.Added, "    weight: 4"));

        // Act
        var text = RulebookDiffRenderer.RenderText(diff, summaryOnly: true);

        // Assert
        Assert.Equal("""
            Rulebook diff: r 1 (sha256:aaaaaaaaaaaa) → r 1 (sha256:aaaaaaaaaaaa)

            Summary: 1 structural change, 0 grades changed
              criteria               1 changed (0 added, 0 removed, 1 edited)
              threshold rows         0 changed
              evidence requirements  0 changed
              limits                 0 changed
              roll-up rows           0 changed

            Regrading: 0 inspections

            0 grades changed in 0 inspections

            """.ReplaceLineEndings("\n"), text);
    }
}
