using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// A bound condition as a tree of closures over <typeparamref name="T"/>, for the exhaustive analyses, which evaluate every
/// row of a table at every outcome it can see. It performs exactly the operations ConditionCompiler compiles a condition to:
/// the same <see cref="RuleOps"/> for each operator and the same representations (number: decimal?, judgement: int? rank).
/// Closures rather than compiled expression trees, because a native AOT build can only interpret those, invoking every
/// RuleOps call by reflection (docs/performance.md, start-up); tests hold the two to the same results.
/// What a condition reads (profile variables, question results) is the subclass's to say.
/// </summary>
internal abstract class ConditionClosures<T>
{
    public Func<T, bool> Bool(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant c:
                var value = (bool)c.Value;
                return _ => value;
            case BoundNot n:
                var operand = Bool(n.Operand);
                return p => !operand(p);
            case BoundIn i:
                return In(i);
            case BoundBinary { Op: BinaryOp.And } b:
                var (andLeft, andRight) = (Bool(b.Left), Bool(b.Right));
                return p => andLeft(p) && andRight(p);
            case BoundBinary { Op: BinaryOp.Or } b:
                var (orLeft, orRight) = (Bool(b.Left), Bool(b.Right));
                return p => orLeft(p) || orRight(p);
            case BoundBinary b:
                return Comparison(b);
            default:
                return BoolLeaf(e);
        }
    }

    /// <summary>A yes/no value the condition reads: an aggregate such as `any(...)`, or a field.</summary>
    protected abstract Func<T, bool> BoolLeaf(BoundExpr e);

    /// <summary>A number the condition reads: a profile variable, an aggregate, a field.</summary>
    protected abstract Func<T, decimal?> NumberLeaf(BoundExpr e);

    /// <summary>A judgement rank the condition reads.</summary>
    protected abstract Func<T, int?> RankLeaf(BoundExpr e);

    /// <summary>A text the condition reads.</summary>
    protected abstract Func<T, string> TextLeaf(BoundExpr e);

    private Func<T, bool> Comparison(BoundBinary b)
    {
        switch (b.Left.Type.Kind)
        {
            case TypeKind.Bool:
                var (left, right) = (Bool(b.Left), Bool(b.Right));
                return b.Op switch
                {
                    BinaryOp.Equal => p => left(p) == right(p),
                    BinaryOp.NotEqual => p => left(p) != right(p),
                    _ => throw Unexpected(b),
                };
            case TypeKind.Number:
                Func<decimal?, decimal?, bool> number = b.Op switch
                {
                    BinaryOp.Equal => RuleOps.Eq,
                    BinaryOp.NotEqual => RuleOps.Ne,
                    BinaryOp.Less => RuleOps.Lt,
                    BinaryOp.LessOrEqual => RuleOps.Le,
                    BinaryOp.Greater => RuleOps.Gt,
                    BinaryOp.GreaterOrEqual => RuleOps.Ge,
                    _ => throw Unexpected(b),
                };
                var (a, c) = (Number(b.Left), Number(b.Right));
                return p => number(a(p), c(p));
            case TypeKind.Judgement:
                Func<int?, int?, bool> rank = b.Op switch
                {
                    BinaryOp.Equal => RuleOps.RankEq,
                    BinaryOp.NotEqual => RuleOps.RankNe,
                    BinaryOp.WorseThan => RuleOps.Worse,
                    BinaryOp.BetterThan => RuleOps.Better,
                    BinaryOp.NoWorseThan => RuleOps.NoWorse,
                    BinaryOp.NoBetterThan => RuleOps.NoBetter,
                    _ => throw Unexpected(b),
                };
                var (x, y) = (Rank(b.Left), Rank(b.Right));
                return p => rank(x(p), y(p));
            case TypeKind.Text:
                Func<string, string, bool> text = b.Op switch
                {
                    BinaryOp.Equal => RuleOps.TextEq,
                    BinaryOp.NotEqual => RuleOps.TextNe,
                    _ => throw Unexpected(b),
                };
                var (s, t) = (Text(b.Left), Text(b.Right));
                return p => text(s(p), t(p));
            default:
                throw Unexpected(b);
        }
    }

    private Func<T, bool> In(BoundIn i)
    {
        switch (i.Value.Type.Kind)
        {
            case TypeKind.Number:
                var (number, numbers) = (Number(i.Value), i.Items.Select(x => (decimal)x.Value).ToArray());
                return p => RuleOps.InNumber(number(p), numbers);
            case TypeKind.Judgement:
                var (rank, ranks) = (Rank(i.Value), i.Items.Select(x => (int)x.Value).ToArray());
                return p => RuleOps.InRank(rank(p), ranks);
            case TypeKind.Text:
                var (text, texts) = (Text(i.Value), i.Items.Select(x => (string)x.Value).ToArray());
                return p => RuleOps.InText(text(p), texts);
            default:
                throw Unexpected(i);
        }
    }

    protected Func<T, decimal?> Number(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant c:
                var value = (decimal?)(decimal)c.Value;
                return _ => value;
            case BoundNegate n:
                var operand = Number(n.Operand);
                return p => RuleOps.Neg(operand(p));
            case BoundRound r:
                var rounded = Number(r.Operand);
                return p => RuleOps.Round(rounded(p));
            case BoundBands bands:
                var (input, from, values) = (Number(bands.Input), bands.From, bands.Values);
                return p => RuleOps.Band(input(p), from, values);
            case BoundBinary b:
                Func<decimal?, decimal?, decimal?> op = b.Op switch
                {
                    BinaryOp.Add => RuleOps.Add,
                    BinaryOp.Subtract => RuleOps.Sub,
                    BinaryOp.Multiply => RuleOps.Mul,
                    BinaryOp.Divide => RuleOps.Div,
                    _ => throw Unexpected(b),
                };
                var (left, right) = (Number(b.Left), Number(b.Right));
                return p => op(left(p), right(p));
            default:
                return NumberLeaf(e);
        }
    }

    protected Func<T, int?> Rank(BoundExpr e)
    {
        if (e is not BoundConstant c) return RankLeaf(e);
        var value = (int?)(int)c.Value;
        return _ => value;
    }

    protected Func<T, string> Text(BoundExpr e)
    {
        if (e is not BoundConstant c) return TextLeaf(e);
        var value = (string)c.Value;
        return _ => value;
    }

    protected static InvalidOperationException Unexpected(BoundExpr e) =>
        new($"unexpected node in a condition under analysis: {e.GetType().Name}");
}
