using System.Diagnostics;
namespace GradingEngine.Syntax;

/// <summary>Condition syntax. Offset is the character position in the condition text, for located errors.</summary>
internal abstract record Expr(int Offset);

internal sealed record NumberLiteral(int Offset, decimal Value) : Expr(Offset);

internal sealed record StringLiteral(int Offset, string Value) : Expr(Offset);

internal sealed record BoolLiteral(int Offset, bool Value) : Expr(Offset);

/// <summary>A bare name: a lambda variable, a profile group, or a judgement level such as `mostly-effective`.</summary>
internal sealed record NameExpr(int Offset, string Name) : Expr(Offset);

internal sealed record MemberExpr(int Offset, Expr Target, string Member) : Expr(Offset);

internal sealed record UnaryExpr(int Offset, UnaryOp Op, Expr Operand) : Expr(Offset);

internal sealed record BinaryExpr(int Offset, BinaryOp Op, Expr Left, Expr Right) : Expr(Offset);

internal sealed record InExpr(int Offset, Expr Value, IReadOnlyList<Expr> Items) : Expr(Offset);

internal sealed record CallExpr(int Offset, string Function, IReadOnlyList<Expr> Arguments) : Expr(Offset);

internal sealed record LambdaExpr(int Offset, string Parameter, Expr Body) : Expr(Offset);

internal enum UnaryOp
{
    Not,
    Negate,
}

internal enum BinaryOp
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

internal static class OperatorText
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
        BinaryOp.Divide => "/",
        _ => throw new UnreachableException(op.ToString()),
    };

    public static bool IsScaleComparison(BinaryOp op) =>
        op is BinaryOp.WorseThan or BinaryOp.BetterThan or BinaryOp.NoWorseThan or BinaryOp.NoBetterThan;

    public static bool IsOrdering(BinaryOp op) =>
        op is BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual;

    public static bool IsArithmetic(BinaryOp op) =>
        op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide;
}
