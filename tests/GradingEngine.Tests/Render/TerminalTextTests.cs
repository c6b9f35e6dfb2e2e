using GradingEngine.Diagnostics;
using GradingEngine.Render;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>Text for the terminal shows every control and bidi character as an escape, and nothing else changes.</summary>
public class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007\u001b[2J", "\\u001b]0;pwned\\u0007\\u001b[2J")]
    [InlineData("a\0b", "a\\u0000b")]
    [InlineData("line\nbreak\r\ttab", "line\\u000abreak\\u000d\\u0009tab")]
    [InlineData("del\u007f c1\u009b", "del\\u007f c1\\u009b")]
    [InlineData("abc\u202Efed", "abc\\u202efed")]
    [InlineData("\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C", "\\u2066\\u2067\\u2068\\u2069\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c")]
    [InlineData("para\u2029line\u2028", "para\\u2029line\\u2028")]
    public void Escape_ControlAndBidiCharacters_ShownEscaped(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text));

    [Theory]
    [InlineData("")]
    [InlineData("Prevention is a clear priority.")]
    [InlineData("caf\u00e9 \ud83d\ude00 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627")]
    public void Escape_OrdinaryText_Unchanged(string text) =>
        Assert.Same(text, TerminalText.Escape(text));

    [Fact]
    public void Format_MessageAndHelpWithLineBreaksAndEscapes_OneLineEach()
    {
        var d = Diagnostic.Error(DiagnosticCodes.UnknownKey, new SourceSpan("bad\nname.yaml", 3, 5), "unknown key `a\nb\u001b[2J`", "did you mean `x\ry`?");

        var text = DiagnosticFormatter.Format(d);

        Assert.Equal("bad\\u000aname.yaml:3:5: error GE200: unknown key `a\\u000ab\\u001b[2J`\n  help: did you mean `x\\u000dy`?", text);
    }
}
