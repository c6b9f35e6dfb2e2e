using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Check;

public class RulebookCheckerTests
{
    [Fact]
    public void Check_GradeCalledNotGraded_IsRefused()
    {
        // Arrange: `not-graded` as a grade would make "not enough evidence" and a real grade one and the same.
        var rulebook = MiniRulebook.RulebookYaml.Replace("  - id: inadequate\n    name: Inadequate", "  - id: not-graded\n    name: Inadequate", StringComparison.Ordinal);
        Assert.NotEqual(MiniRulebook.RulebookYaml, rulebook);

        // Act
        var result = TestKit.Check(new MiniRulebook().With("rulebook.yaml", rulebook));

        // Assert
        var error = Assert.Single(result.Errors, d => d.Code == DiagnosticCodes.InvalidId);
        Assert.Equal("a grade cannot be called `not-graded`", error.Message);
        Assert.Equal(TestKit.Locate(rulebook, "- id: not-graded").Line, error.Span.Line);
    }

    [Fact]
    public void Check_QuestionCalledOverall_IsRefused()
    {
        // Arrange
        var rulebook = MiniRulebook.RulebookYaml.Replace("  - id: Q2\n", "  - id: overall\n", StringComparison.Ordinal);
        Assert.NotEqual(MiniRulebook.RulebookYaml, rulebook);

        // Act
        var result = TestKit.Check(new MiniRulebook().With("rulebook.yaml", rulebook));

        // Assert
        Assert.Contains(result.Errors, d => d.Code == DiagnosticCodes.InvalidId && d.Message == "a question cannot be called `overall`");
    }
}
