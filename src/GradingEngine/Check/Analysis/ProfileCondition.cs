using GradingEngine.Check.Binding;
using GradingEngine.Compile.Runtime;
using GradingEngine.Load.Conditions;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// A threshold condition as a tree of closures over an outcome profile, for the exhaustive analysis, which evaluates
/// every row of a table at every profile its criteria can produce (about 150,000 calls for the shipped rulebook, on
/// every load). It performs exactly the operations ConditionCompiler compiles a threshold condition to: the same
/// <see cref="RuleOps"/> for each operator, the same representations (number: decimal?, judgement: int? rank).
/// ConditionCompiler's delegates are as fast under the JIT, but a native AOT build cannot emit code, so there they
/// run in System.Linq.Expressions' interpreter, which invokes every RuleOps call by reflection: that made the
/// analysis most of the AOT CLI's start-up. Closures cost the same in both builds, so tests cover what AOT runs.
/// </summary>
internal static class ProfileCondition
{
    public static Func<OutcomeProfile, bool> Compile(BoundExpr condition) => Bool(condition);

    private static Func<OutcomeProfile, bool> Bool(BoundExpr e)
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
                throw Unexpected(e);
        }
    }

    private static Func<OutcomeProfile, bool> Comparison(BoundBinary b)
    {
        switch (b.Left.Type.Kind)
        {
            case TypeKind.Bool when b.Op is BinaryOp.Equal or BinaryOp.NotEqual:
                var (left, right) = (Bool(b.Left), Bool(b.Right));
                return b.Op == BinaryOp.Equal ? p => left(p) == right(p) : p => left(p) != right(p);
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

    private static Func<OutcomeProfile, bool> In(BoundIn i)
    {
        switch (i.Value.Type.Kind)
        {
            case TypeKind.Number:
                var (number, numbers) = (Number(i.Value), i.Items.Select(x => (decimal)x.Value).ToArray());
                return p => RuleOps.InNumber(number(p), numbers);
            case TypeKind.Judgement:
                var (rank, ranks) = (Rank(i.Value), i.Items.Select(x => (int)x.Value).ToArray());
                return p => RuleOps.InRank(rank(p), ranks);
            default:
                var (text, texts) = (Text(i.Value), i.Items.Select(x => (string)x.Value).ToArray());
                return p => RuleOps.InText(text(p), texts);
        }
    }

    private static Func<OutcomeProfile, decimal?> Number(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant c:
                var value = (decimal?)(decimal)c.Value;
                return _ => value;
            case BoundProfileVariable { IsWeight: true } v:
                var weighed = v.Effect;
                return p => p.Weight(weighed);
            case BoundProfileVariable v:
                var counted = v.Effect;
                return p => p.Count(counted);
            case BoundNegate n:
                var operand = Number(n.Operand);
                return p => RuleOps.Neg(operand(p));
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
                throw Unexpected(e);
        }
    }

    /// <summary>A threshold condition has no judgement or text variables, only constants of those types.</summary>
    private static Func<OutcomeProfile, int?> Rank(BoundExpr e)
    {
        if (e is not BoundConstant c) throw Unexpected(e);
        var value = (int?)(int)c.Value;
        return _ => value;
    }

    private static Func<OutcomeProfile, string> Text(BoundExpr e)
    {
        if (e is not BoundConstant c) throw Unexpected(e);
        var value = (string)c.Value;
        return _ => value;
    }

    private static InvalidOperationException Unexpected(BoundExpr e) =>
        new($"unexpected node in a threshold condition: {e.GetType().Name}");
}
