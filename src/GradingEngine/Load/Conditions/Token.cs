namespace GradingEngine.Load.Conditions;

internal enum TokenKind
{
    Number,
    String,
    Name,
    Symbol,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Offset)
{
    public bool Is(string symbolOrKeyword) => (Kind == TokenKind.Symbol || Kind == TokenKind.Name) && Text == symbolOrKeyword;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of condition",
        TokenKind.String => "a string",
        TokenKind.Number => $"`{Text}`",
        _ => $"`{Text}`",
    };
}
