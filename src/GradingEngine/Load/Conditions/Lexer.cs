using System.Globalization;
using System.Text;

namespace GradingEngine.Load.Conditions;

/// <summary>Splits condition text into tokens. Names may contain inner hyphens: `mostly-effective`.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["=>", "==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-", "*", "/"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' ||
                       (text[i] == '-' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                var symbol = Array.Find(Symbols, s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
                if (symbol is null)
                {
                    throw new ConditionSyntaxException(i, $"unexpected character `{c}`");
                }
                tokens.Add(new Token(TokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static Token ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }
            value.Append(text[i++]);
        }
        if (i >= text.Length)
        {
            throw new ConditionSyntaxException(start, "unterminated string", $"close it with `{quote}`");
        }
        i++;
        return new Token(TokenKind.String, value.ToString(), start);
    }

    public static decimal ParseNumber(Token token) =>
        decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConditionSyntaxException(token.Offset, $"number `{token.Text}` is too large");
}
