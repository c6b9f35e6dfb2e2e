using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;
using GradingEngine.Syntax;

namespace GradingEngine.Load.Conditions;

/// <summary>
/// Recursive-descent parser for the condition language (docs/rule-language.md).
/// Precedence, loosest first: or, and, not, comparison, + -, * /, unary -, member access.
/// </summary>
internal sealed class ConditionParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "worse", "better", "than", "true", "false",
    };

    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;

    private ConditionParser(List<Token> tokens, int maxDepth)
    {
        _tokens = tokens;
        _maxDepth = maxDepth;
    }

    /// <summary>Parses the condition held by a YAML scalar; null (with a located error) when it is not valid.</summary>
    /// <param name="tokens">A token list to reuse (see <see cref="Lexer.Tokenize"/>); the parse keeps none of it.</param>
    public static Condition? Parse(YScalar scalar, LoadLimits limits, DiagnosticBag bag, List<Token>? tokens = null) =>
        Parse(scalar.Value, scalar.Spans, null, limits, bag, tokens);

    /// <summary>
    /// Parses condition text written at <paramref name="spans"/>; for a template's copy the text has the question id put
    /// in, and <paramref name="writtenAt"/> says where each of its characters was written.
    /// </summary>
    public static Condition? Parse(string text, ScalarSpans spans, int[]? writtenAt, LoadLimits limits, DiagnosticBag bag, List<Token>? tokens = null)
    {
        if (text.Length > limits.MaxConditionLength)
        {
            bag.Error(DiagnosticCodes.ConditionTooComplex, spans.Start, $"condition is {text.Length} characters long, over the limit of {limits.MaxConditionLength}");
            return null;
        }
        try
        {
            var parser = new ConditionParser(Lexer.Tokenize(text, tokens), limits.MaxConditionDepth);
            var expr = parser.ParseExpression();
            parser.Expect(TokenKind.End, "end of condition");
            return new Condition(text, expr, spans, writtenAt);
        }
        catch (ConditionSyntaxException e)
        {
            var code = e.TooComplex ? DiagnosticCodes.ConditionTooComplex : DiagnosticCodes.ConditionSyntax;
            var at = writtenAt is null ? e.Offset : writtenAt[Math.Clamp(e.Offset, 0, writtenAt.Length - 1)];
            bag.Error(code, spans.At(at), e.Message, e.Help);
            return null;
        }
    }

    /// <summary>Parses text with no source file, for tests and tools.</summary>
    public static Expr ParseText(string text, LoadLimits? limits = null)
    {
        var parser = new ConditionParser(Lexer.Tokenize(text), (limits ?? LoadLimits.Default).MaxConditionDepth);
        var expr = parser.ParseExpression();
        parser.Expect(TokenKind.End, "end of condition");
        return expr;
    }

    private Token Current => _tokens[_position];

    private Token Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_position++];

    private bool Accept(string text)
    {
        if (Current.Is(text) && Current.Kind != TokenKind.String)
        {
            _position++;
            return true;
        }
        return false;
    }

    private Token Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw new ConditionSyntaxException(Current.Offset, $"expected `{text}`, found {Current.Describe()}");
        }
        return Advance();
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw new ConditionSyntaxException(Current.Offset, $"expected {what}, found {Current.Describe()}",
                Current.Kind == TokenKind.Name && !Keywords.Contains(Current.Text) ? "join conditions with `and` or `or`" : null);
        }
    }

    private Expr Nested(Func<Expr> parse)
    {
        if (++_depth > _maxDepth)
        {
            throw new ConditionSyntaxException(Current.Offset, $"condition is nested deeper than the limit of {_maxDepth}", tooComplex: true);
        }
        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    public Expr ParseExpression() => Nested(ParseOr);

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or"))
        {
            var op = Advance();
            left = new BinaryExpr(op.Offset, BinaryOp.Or, left, ParseAnd());
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Is("and"))
        {
            var op = Advance();
            left = new BinaryExpr(op.Offset, BinaryOp.And, left, ParseNot());
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Is("not"))
        {
            var op = Advance();
            return new UnaryExpr(op.Offset, UnaryOp.Not, Nested(ParseNot));
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        var start = Current;
        BinaryOp? op = null;
        if (Current.Kind == TokenKind.Symbol)
        {
            op = Current.Text switch
            {
                "==" => BinaryOp.Equal,
                "!=" => BinaryOp.NotEqual,
                "<" => BinaryOp.Less,
                "<=" => BinaryOp.LessOrEqual,
                ">" => BinaryOp.Greater,
                ">=" => BinaryOp.GreaterOrEqual,
                _ => null,
            };
            if (op is not null) Advance();
        }
        else if (Current.Is("worse") || Current.Is("better"))
        {
            op = Advance().Text == "worse" ? BinaryOp.WorseThan : BinaryOp.BetterThan;
            Expect("than");
        }
        else if (Current.Is("no") && (Peek(1).Is("worse") || Peek(1).Is("better")))
        {
            Advance();
            op = Advance().Text == "worse" ? BinaryOp.NoWorseThan : BinaryOp.NoBetterThan;
            Expect("than");
        }
        else if (Current.Is("in"))
        {
            Advance();
            return ParseInList(start.Offset, left);
        }
        if (op is null)
        {
            return left;
        }
        var right = ParseAdditive();
        if (Current.Kind == TokenKind.Symbol && Current.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
        {
            throw new ConditionSyntaxException(Current.Offset, "comparisons cannot be chained", "join them with `and`");
        }
        return new BinaryExpr(start.Offset, op.Value, left, right);
    }

    private Expr ParseInList(int offset, Expr value)
    {
        Expect("[");
        var items = new List<Expr>();
        if (!Current.Is("]"))
        {
            do
            {
                items.Add(ParseAdditive());
            }
            while (Accept(","));
        }
        Expect("]");
        return new InExpr(offset, value, items);
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Advance();
            left = new BinaryExpr(op.Offset, op.Text == "+" ? BinaryOp.Add : BinaryOp.Subtract, left, ParseMultiplicative());
        }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/")
        {
            var op = Advance();
            left = new BinaryExpr(op.Offset, op.Text == "*" ? BinaryOp.Multiply : BinaryOp.Divide, left, ParseUnary());
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind == TokenKind.Symbol && Current.Text == "-")
        {
            var op = Advance();
            return new UnaryExpr(op.Offset, UnaryOp.Negate, Nested(ParseUnary));
        }
        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (Current.Kind == TokenKind.Symbol && Current.Text == ".")
        {
            Advance();
            if (Current.Kind != TokenKind.Name)
            {
                throw new ConditionSyntaxException(Current.Offset, $"expected a field name after `.`, found {Current.Describe()}");
            }
            var member = Advance();
            expr = new MemberExpr(member.Offset, expr, member.Text);
        }
        return expr;
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Offset, Lexer.ParseNumber(token));
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Offset, token.Text);
            case TokenKind.Symbol when token.Text == "(":
                Advance();
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case TokenKind.Name when token.Text is "true" or "false":
                Advance();
                return new BoolLiteral(token.Offset, token.Text == "true");
            case TokenKind.Name when Peek(1).Is("(") && Peek(1).Kind == TokenKind.Symbol:
                return ParseCall();
            case TokenKind.Name when !Keywords.Contains(token.Text):
                Advance();
                return new NameExpr(token.Offset, token.Text);
            default:
                throw new ConditionSyntaxException(token.Offset, $"expected a value, found {token.Describe()}");
        }
    }

    private Expr ParseCall()
    {
        var name = Advance();
        Expect("(");
        var arguments = new List<Expr>();
        if (!Current.Is(")"))
        {
            do
            {
                arguments.Add(ParseArgument());
            }
            while (Accept(","));
        }
        Expect(")");
        return new CallExpr(name.Offset, name.Text, arguments);
    }

    private Expr ParseArgument()
    {
        if (Current.Kind == TokenKind.Name && Peek(1).Is("=>") && Peek(1).Kind == TokenKind.Symbol)
        {
            var parameter = Advance();
            if (Keywords.Contains(parameter.Text))
            {
                throw new ConditionSyntaxException(parameter.Offset, $"`{parameter.Text}` is a keyword and cannot name a variable");
            }
            Advance();
            return new LambdaExpr(parameter.Offset, parameter.Text, ParseExpression());
        }
        return ParseExpression();
    }
}
