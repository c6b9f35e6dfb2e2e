using System.Globalization;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Conditions;
using GradingEngine.Syntax;
using GradingEngine.Load.Yaml;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

public class ConditionParserTests
{
    private static readonly SourceSpan Where = new("rules/criteria/q1.yaml", 7, 11);

    /// <summary>Fully parenthesised rendering of a parse tree, to assert on precedence.</summary>
    private static string Show(Expr expr) => expr switch
    {
        NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
        StringLiteral s => $"\"{s.Value}\"",
        BoolLiteral b => b.Value ? "true" : "false",
        NameExpr n => n.Name,
        MemberExpr m => $"{Show(m.Target)}.{m.Member}",
        UnaryExpr { Op: UnaryOp.Not } u => $"(not {Show(u.Operand)})",
        UnaryExpr u => $"(-{Show(u.Operand)})",
        BinaryExpr b => $"({Show(b.Left)} {OperatorText.Of(b.Op)} {Show(b.Right)})",
        InExpr i => $"({Show(i.Value)} in [{string.Join(", ", i.Items.Select(Show))}])",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Show))})",
        LambdaExpr l => $"{l.Parameter} => {Show(l.Body)}",
        _ => throw new InvalidOperationException(expr.GetType().Name),
    };

    private static string ParseShow(string text) => Show(ConditionParser.ParseText(text));

    private static (GradingEngine.Model.Condition? Condition, IReadOnlyList<Diagnostic> Diagnostics) ParseScalar(
        string text, ScalarKind kind = ScalarKind.Plain, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var condition = ConditionParser.Parse(new YScalar(Where, text, kind), limits ?? LoadLimits.Default, bag);
        return (condition, bag.ToSortedList());
    }

    private static ConditionSyntaxException SyntaxError(string text, LoadLimits? limits = null) =>
        Assert.Throws<ConditionSyntaxException>(() => ConditionParser.ParseText(text, limits));

    [Theory]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("a and b or c", "((a and b) or c)")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not a == b", "(not (a == b))")]
    [InlineData("a == b + c", "(a == (b + c))")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c / d", "((a * b) + (c / d))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b / c", "((a / b) / c)")]
    [InlineData("- a * b", "((-a) * b)")]
    [InlineData("(a or b) and c", "((a or b) and c)")]
    [InlineData("a or b and not c == d + e * f", "(a or (b and (not (c == (d + (e * f))))))")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("strengths.weight >= 2 * areas-for-improvement.weight", "(strengths.weight >= (2 * areas-for-improvement.weight))")]
    public void ParseText_Operators_FollowDocumentedPrecedence(string text, string expected)
    {
        // Act
        var shown = ParseShow(text);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void ParseText_HyphenatedLevel_IsOneName()
    {
        // Act
        var expr = ConditionParser.ParseText("f.judgement == mostly-effective");

        // Assert
        var binary = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal(BinaryOp.Equal, binary.Op);
        Assert.Equal("mostly-effective", Assert.IsType<NameExpr>(binary.Right).Name);
    }

    [Theory]
    [InlineData("a - b", "(a - b)")]
    [InlineData("a -b", "(a - b)")]
    [InlineData("a- b", "(a - b)")]
    [InlineData("a-b", "a-b")]
    [InlineData("causes-of-concern.count - 1", "(causes-of-concern.count - 1)")]
    [InlineData("3-2", "(3 - 2)")]
    public void ParseText_Hyphen_IsSubtractionOnlyWhenNotInsideAName(string text, string expected)
    {
        // Act
        var shown = ParseShow(text);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("f.judgement worse than effective", nameof(BinaryOp.WorseThan))]
    [InlineData("f.judgement better than ineffective", nameof(BinaryOp.BetterThan))]
    [InlineData("f.judgement no worse than mostly-effective", nameof(BinaryOp.NoWorseThan))]
    [InlineData("f.judgement no better than inconsistent", nameof(BinaryOp.NoBetterThan))]
    public void ParseText_ScaleComparisons_ParseAsOneOperator(string text, string opName)
    {
        var op = Enum.Parse<BinaryOp>(opName);
        // Act
        var expr = ConditionParser.ParseText(text);

        // Assert
        var binary = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal(op, binary.Op);
        Assert.Equal("f.judgement", Show(binary.Left));
        Assert.IsType<NameExpr>(binary.Right);
    }

    [Fact]
    public void ParseText_ScaleComparison_BindsTighterThanAnd()
    {
        // Act
        var shown = ParseShow("f.indicator == \"x\" and f.judgement no better than inconsistent");

        // Assert
        Assert.Equal("((f.indicator == \"x\") and (f.judgement no better than inconsistent))", shown);
    }

    [Fact]
    public void ParseText_InList_KeepsItemsInOrder()
    {
        // Act
        var expr = ConditionParser.ParseText("f.judgement in [effective, mostly-effective]");

        // Assert
        var @in = Assert.IsType<InExpr>(expr);
        Assert.Equal("f.judgement", Show(@in.Value));
        Assert.Equal(["effective", "mostly-effective"], @in.Items.Select(Show));
    }

    [Fact]
    public void ParseText_InListOfStrings_AndEmptyList_Parse()
    {
        // Act
        var strings = ParseShow("f.indicator in [\"a.b\", 'c.d'] and x in []");

        // Assert
        Assert.Equal("((f.indicator in [\"a.b\", \"c.d\"]) and (x in []))", strings);
    }

    [Fact]
    public void ParseText_LambdaInCall_TakesTheWholeArgument()
    {
        // Act
        var expr = ConditionParser.ParseText("any(f => f.indicator == \"q1.x\" and f.judgement worse than mostly-effective)");

        // Assert
        var call = Assert.IsType<CallExpr>(expr);
        Assert.Equal("any", call.Function);
        var lambda = Assert.IsType<LambdaExpr>(Assert.Single(call.Arguments));
        Assert.Equal("f", lambda.Parameter);
        Assert.Equal("((f.indicator == \"q1.x\") and (f.judgement worse than mostly-effective))", Show(lambda.Body));
    }

    [Fact]
    public void ParseText_TwoLambdaCall_ComparedWithNumber()
    {
        // Act
        var shown = ParseShow("sum(x => x.area == \"prevention\" or x.area == \"partnership\", x => x.value) >= 2.5");

        // Assert
        Assert.Equal("(sum(x => ((x.area == \"prevention\") or (x.area == \"partnership\")), x => x.value) >= 2.5)", shown);
    }

    [Fact]
    public void ParseText_NestedCallsAndNot_Parse()
    {
        // Act
        var shown = ParseShow("not any(f => f.value) and count(q => q.grade == good) <= 1");

        // Assert
        Assert.Equal("((not any(f => f.value)) and (count(q => (q.grade == good)) <= 1))", shown);
    }

    [Fact]
    public void ParseText_Offsets_PointAtTokens()
    {
        // Arrange
        const string text = "count(f => f.value) >= 12";

        // Act
        var expr = Assert.IsType<BinaryExpr>(ConditionParser.ParseText(text));

        // Assert
        Assert.Equal(text.IndexOf(">=", StringComparison.Ordinal), expr.Offset);
        Assert.Equal(text.IndexOf("12", StringComparison.Ordinal), expr.Right.Offset);
        var call = Assert.IsType<CallExpr>(expr.Left);
        Assert.Equal(0, call.Offset);
        Assert.Equal(text.IndexOf("f =>", StringComparison.Ordinal), call.Arguments[0].Offset);
    }

    [Fact]
    public void ParseText_DecimalLiteral_IsExact()
    {
        // Act
        var expr = ConditionParser.ParseText("0.1 + 12");

        // Assert
        var binary = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal(0.1m, Assert.IsType<NumberLiteral>(binary.Left).Value);
        Assert.Equal(12m, Assert.IsType<NumberLiteral>(binary.Right).Value);
    }

    [Theory]
    [InlineData("a < b < c", 6)]
    [InlineData("a == b == c", 7)]
    [InlineData("1 <= x >= 2", 7)]
    public void ParseText_ChainedComparison_IsAnError(string text, int offset)
    {
        // Act
        var error = SyntaxError(text);

        // Assert
        Assert.Contains("cannot be chained", error.Message);
        Assert.Equal("join them with `and`", error.Help);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Parse_ChainedComparison_ReportsGE400AtTheSecondOperator()
    {
        // Arrange
        const string text = "count(f => f.value) > 1 < 3";

        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Equal(Where.Line, error.Span.Line);
        Assert.Equal(Where.Column + text.IndexOf('<'), error.Span.Column);
    }

    [Fact]
    public void Parse_UnterminatedString_ReportsGE400AtTheOpeningQuote()
    {
        // Arrange
        const string text = "any(f => f.indicator == \"q1.prevention)";

        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Contains("unterminated string", error.Message);
        Assert.Equal(Where.Column + text.IndexOf('"'), error.Span.Column);
        Assert.Contains("\"", error.Help);
    }

    [Theory]
    [InlineData("a & b", 2, "&")]
    [InlineData("count(f => f.value) >= 2 ; true", 25, ";")]
    [InlineData("a = b", 2, "=")]
    [InlineData("a && b", 2, "&")]
    [InlineData("f.judgement == très", 17, "è")]
    public void Parse_UnexpectedCharacter_ReportsGE400AtThatCharacter(string text, int offset, string character)
    {
        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Equal($"unexpected character `{character}`", error.Message);
        Assert.Equal((Where.Line, Where.Column + offset), (error.Span.Line, error.Span.Column));
    }

    [Theory]
    [InlineData("any(f => true", "expected `)`, found end of condition")]
    [InlineData("f.", "expected a field name after `.`, found end of condition")]
    [InlineData("a b", "expected end of condition, found `b`")]
    [InlineData("a and", "expected a value, found end of condition")]
    [InlineData("f.judgement worse mostly-effective", "expected `than`, found `mostly-effective`")]
    [InlineData("x in effective", "expected `[`, found `effective`")]
    [InlineData("any(and => true)", "`and` is a keyword and cannot name a variable")]
    [InlineData("", "expected a value, found end of condition")]
    public void Parse_MalformedCondition_ReportsGE400WithMessage(string text, string message)
    {
        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_TwoConditionsWithoutConnective_SuggestsAndOr()
    {
        // Act
        var (_, diagnostics) = ParseScalar("strengths.count >= 1 causes-of-concern.count == 0");

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal("join conditions with `and` or `or`", error.Help);
        Assert.Equal(Where.Column + 21, error.Span.Column);
    }

    [Fact]
    public void Parse_NestingBeyondMaxConditionDepth_ReportsGE405()
    {
        // Arrange
        var limits = new LoadLimits(MaxConditionDepth: 5);
        var text = new string('(', 6) + "a" + new string(')', 6);

        // Act
        var (condition, diagnostics) = ParseScalar(text, limits: limits);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionTooComplex, error.Code);
        Assert.Contains("5", error.Message);
        Assert.Equal(Where.Line, error.Span.Line);
    }

    [Fact]
    public void Parse_NestingWithinMaxConditionDepth_IsAccepted()
    {
        // Arrange: the whole condition is one level, so four parentheses make five.
        var limits = new LoadLimits(MaxConditionDepth: 5);
        var text = new string('(', 4) + "a" + new string(')', 4);

        // Act
        var (condition, diagnostics) = ParseScalar(text, limits: limits);

        // Assert
        Assert.Empty(diagnostics);
        Assert.NotNull(condition);
    }

    [Theory]
    [InlineData("not not not not not not not not not not a")]
    [InlineData("- - - - - - - - - - 1 > 0")]
    [InlineData("any(f => any(g => any(h => any(i => any(j => any(k => true))))))")]
    public void Parse_DeepNotsMinusesOrCalls_ReportGE405(string text)
    {
        // Arrange
        var limits = new LoadLimits(MaxConditionDepth: 5);

        // Act
        var (_, diagnostics) = ParseScalar(text, limits: limits);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionTooComplex, error.Code);
    }

    [Fact]
    public void Parse_DefaultLimits_DeeplyNestedParenthesesRefusedWithoutStackOverflow()
    {
        // Arrange
        var text = new string('(', 10_000) + "a" + new string(')', 10_000);

        // Act
        var (_, diagnostics) = ParseScalar(text, limits: new LoadLimits(MaxConditionLength: 100_000));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionTooComplex, error.Code);
        Assert.Contains(LoadLimits.Default.MaxConditionDepth.ToString(CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Parse_ConditionLongerThanLimit_ReportsGE405AtTheScalar()
    {
        // Arrange
        var limits = new LoadLimits(MaxConditionLength: 20);
        var text = "strengths.count >= 1 and strengths.count <= 4";

        // Act
        var (_, diagnostics) = ParseScalar(text, limits: limits);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionTooComplex, error.Code);
        Assert.Equal(Where, error.Span);
        Assert.Contains("20", error.Message);
    }

    [Fact]
    public void Parse_NumberTooLargeForDecimal_ReportsADiagnosticInsteadOfThrowing()
    {
        // Arrange: beyond decimal.MaxValue (about 7.9e28).
        var text = "strengths.count >= 99999999999999999999999999999999999999";

        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Null(condition);
        var error = Assert.Single(diagnostics);
        Assert.Contains(error.Code, new[] { DiagnosticCodes.ConditionSyntax, DiagnosticCodes.ConditionTooComplex });
        Assert.Equal(Where.Column + text.IndexOf('9'), error.Span.Column);
    }

    [Fact]
    public void Parse_ErrorInQuotedScalar_ColumnSkipsTheOpeningQuote()
    {
        // Arrange
        const string text = "a & b";

        // Act
        var (_, diagnostics) = ParseScalar(text, ScalarKind.Quoted);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(Where.Column + 1 + 2, error.Span.Column);
    }

    [Fact]
    public void Parse_ErrorInBlockScalar_IsLocatedAtTheScalar()
    {
        // Act
        var (_, diagnostics) = ParseScalar("a &\nb", ScalarKind.Block);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(Where, error.Span);
    }

    [Fact]
    public void Parse_ValidCondition_KeepsTextSpanAndLocatesCharacters()
    {
        // Arrange
        const string text = "strengths.count >= 1";

        // Act
        var (condition, diagnostics) = ParseScalar(text);

        // Assert
        Assert.Empty(diagnostics);
        Assert.NotNull(condition);
        Assert.Equal(text, condition.Text);
        Assert.Equal(Where, condition.Span);
        Assert.Equal(Where.Offset(16), condition.SpanAt(16));
    }

    [Fact]
    public void LoadRulebook_BadWhenInPlainScalar_LocatesTheOffendingToken()
    {
        // Arrange
        var criterion = TestKit.Criterion("Q1.bad", "Q1", "prevention", "any(f => f.indicator == \"q1.prevention.priority\") & true");
        var criteria = TestKit.CriteriaWith(criterion);
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, criteria);

        // Act
        var result = TestKit.Check(mini);

        // Assert
        var error = TestKit.SingleError(result, DiagnosticCodes.ConditionSyntax);
        Assert.Equal(result.PathOf(TestKit.CriteriaFile), error.Span.Path);
        Assert.Equal(TestKit.Locate(criteria, "& true"), TestKit.At(error));
        Assert.Equal("unexpected character `&`", error.Message);
    }

    [Fact]
    public void LoadRulebook_BadWhenInSingleQuotedScalar_LocatesTheOffendingToken()
    {
        // Arrange
        var criterion = TestKit.Criterion("Q1.bad", "Q1", "prevention", "any(f => f.indicator == \"q1.prevention.priority\" and and)", quote: "'");
        var criteria = TestKit.CriteriaWith(criterion);
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, criteria);

        // Act
        var result = TestKit.Check(mini);

        // Assert
        var error = TestKit.SingleError(result, DiagnosticCodes.ConditionSyntax);
        Assert.Equal(TestKit.Locate(criteria, "and)"), TestKit.At(error));
    }

    [Fact]
    public void LoadRulebook_BadWhenInDoubleQuotedScalarWithEscapes_LocatesTheOffendingToken()
    {
        // Arrange: the YAML source has `\"` where the condition has `"`, so columns must account for escapes.
        var criterion = TestKit.Criterion("Q1.bad", "Q1", "prevention", "any(f => f.indicator == \\\"q1.prevention.priority\\\") & true", quote: "\"");
        var criteria = TestKit.CriteriaWith(criterion);
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, criteria);

        // Act
        var result = TestKit.Check(mini);

        // Assert
        var error = TestKit.SingleError(result, DiagnosticCodes.ConditionSyntax);
        Assert.Equal("unexpected character `&`", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "& true"), TestKit.At(error));
    }

    [Fact]
    public void LoadRulebook_BadWhenInMultiLinePlainScalar_IsLocatedOnARealPosition()
    {
        // Arrange: a plain scalar folded over two lines; the bad token is on the second.
        var criteria = TestKit.CriteriaWith("""
            - id: Q1.bad
              question: Q1
              area: prevention
              title: Bad
              rationale: Bad
              when: any(f => f.indicator == "q1.prevention.priority"
                and f.judgement == effective) & true
              effect: strength
              message: "m"
            """);
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, criteria);

        // Act
        var result = TestKit.Check(mini);

        // Assert: either at the token itself, or (when that cannot be worked out) at the start of the condition.
        var error = TestKit.SingleError(result, DiagnosticCodes.ConditionSyntax);
        var atToken = TestKit.Locate(criteria, "& true");
        var atStart = TestKit.Locate(criteria, "any(f => f.indicator == \"q1.prevention.priority\"\n");
        Assert.Contains(TestKit.At(error), new[] { atToken, atStart });
    }
}
