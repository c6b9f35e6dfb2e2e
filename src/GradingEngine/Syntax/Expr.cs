namespace GradingEngine.Syntax;

/// <summary>Condition syntax. Offset is the character position in the condition text, for located errors.</summary>
public abstract record Expr(int Offset);

public sealed record NumberLiteral(int Offset, decimal Value) : Expr(Offset);

public sealed record StringLiteral(int Offset, string Value) : Expr(Offset);

public sealed record BoolLiteral(int Offset, bool Value) : Expr(Offset);

/// <summary>A bare name: a lambda variable, a profile group, or a judgement level such as `mostly-effective`.</summary>
public sealed record NameExpr(int Offset, string Name) : Expr(Offset);

public sealed record MemberExpr(int Offset, Expr Target, string Member) : Expr(Offset);

public sealed record UnaryExpr(int Offset, UnaryOp Op, Expr Operand) : Expr(Offset);

public sealed record BinaryExpr(int Offset, BinaryOp Op, Expr Left, Expr Right) : Expr(Offset);

public sealed record InExpr(int Offset, Expr Value, IReadOnlyList<Expr> Items) : Expr(Offset);

public sealed record CallExpr(int Offset, string Function, IReadOnlyList<Expr> Arguments) : Expr(Offset);

public sealed record LambdaExpr(int Offset, string Parameter, Expr Body) : Expr(Offset);

public enum UnaryOp
{
    Not,
    Negate,
}

public enum BinaryOp
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    WorseThan,
    BetterThan,
    NoWorseThan,
    NoBetterThan,
    Add,
    Subtract,
    Multiply,
    Divide,
}

public static class OperatorText
{
    public static string Of(BinaryOp op) => op switch
    {
        BinaryOp.Or => "or",
        BinaryOp.And => "and",
        BinaryOp.Equal => "==",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.WorseThan => "worse than",
        BinaryOp.BetterThan => "better than",
        BinaryOp.NoWorseThan => "no worse than",
        BinaryOp.NoBetterThan => "no better than",
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        _ => "/",
    };

    public static bool IsScaleComparison(BinaryOp op) =>
        op is BinaryOp.WorseThan or BinaryOp.BetterThan or BinaryOp.NoWorseThan or BinaryOp.NoBetterThan;

    public static bool IsOrdering(BinaryOp op) =>
        op is BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;

    public static bool IsArithmetic(BinaryOp op) =>
        op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide;
}
