using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace GradingEngine.Load.Conditions;

/// <summary>Splits condition text into tokens. Names may contain inner hyphens: `mostly-effective`.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["=>", "==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-", "*", "/"];

    /// <summary>
    /// The language's own words, the finding variable and its fields: a name token that is one of them shares this
    /// string instead of a copy per condition (a rulebook of 10,000 criteria writes some 100,000 of them).
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = new[]
    {
        "and", "or", "not", "in", "no", "worse", "better", "than", "true", "false",
        "any", "all", "count", "sum", "worst", "best", "max", "min", "ratio", "mean", "percentage",
        "f", "indicator", "judgement", "value", "area", "kind", "question", "quote", "id",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="into">A list to reuse, emptied first: a loader parses thousands of conditions one after another.</param>
    public static List<Token> Tokenize(string text, List<Token>? into = null)
    {
        // About one token per four characters: sized once instead of grown by doubling.
        var tokens = into ?? new List<Token>(text.Length / 4 + 4);
        tokens.Clear();
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
                tokens.Add(new Token(TokenKind.Name, Words.TryGetValue(text.AsSpan(start, i - start), out var word) ? word : text[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                var symbol = SymbolAt(text, i);
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

    private static string? SymbolAt(string text, int i)
    {
        foreach (var s in Symbols)
        {
            if (string.CompareOrdinal(text, i, s, 0, s.Length) == 0) return s;
        }
        return null;
    }

    private static Token ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        // Without a backslash the value is the text between the quotes.
        var close = text.AsSpan(i).IndexOfAny(quote, '\\');
        if (close >= 0 && text[i + close] == quote)
        {
            i += close + 1;
            return new Token(TokenKind.String, text.Substring(start + 1, close), start);
        }
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
