using System.Diagnostics;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Compile;

/// <summary>
/// A criterion's condition evaluated over no findings, without compiling it: every aggregate over an empty array through
/// the same <see cref="RuleOps"/> a compiled condition calls, so the value is the one the compiled criterion gives when
/// none of the indicators it reads has a finding (see <see cref="CompiledRulebook.Indicators"/>).
/// </summary>
internal static class EmptyEvidence
{
    public static bool Holds(BoundExpr condition) => (bool)Value(condition)!;

    private static object? Value(BoundExpr expr) => expr switch
    {
        BoundConstant c => c.Type.Kind switch
        {
            TypeKind.Number => (decimal?)(decimal)c.Value,
            TypeKind.Judgement => (int?)(int)c.Value,
            _ => c.Value,
        },
        BoundNot n => !(bool)Value(n.Operand)!,
        BoundNegate n => RuleOps.Neg((decimal?)Value(n.Operand)),
        BoundRound r => RuleOps.Round((decimal?)Value(r.Operand)),
        BoundNamedValue v => Value(v.Definition),
        BoundBinary b => Binary(b),
        BoundIn i => i.Value.Type.Kind switch
        {
            TypeKind.Number => RuleOps.InNumber((decimal?)Value(i.Value), [.. i.Items.Select(x => (decimal)x.Value)]),
            TypeKind.Judgement => RuleOps.InRank((int?)Value(i.Value), [.. i.Items.Select(x => (int)x.Value)]),
            TypeKind.Text => RuleOps.InText((string)Value(i.Value)!, [.. i.Items.Select(x => (string)x.Value)]),
            _ => throw new UnreachableException(i.Value.Type.Kind.ToString()),
        },
        BoundAggregate a => Aggregate(a),
        // Fields appear only inside an aggregate's lambda, which no finding reaches; profile variables never in a criterion.
        _ => throw new UnreachableException($"unexpected bound node {expr.GetType().Name} in a criterion"),
    };

    private static object? Binary(BoundBinary b)
    {
        if (b.Op == Syntax.BinaryOp.And) return (bool)Value(b.Left)! && (bool)Value(b.Right)!;
        if (b.Op == Syntax.BinaryOp.Or) return (bool)Value(b.Left)! || (bool)Value(b.Right)!;
        var left = Value(b.Left);
        var right = Value(b.Right);
        var kind = b.Left.Type.Kind;
        return b.Op switch
        {
            Syntax.BinaryOp.Equal => kind switch
            {
                TypeKind.Bool => (bool)left! == (bool)right!,
                TypeKind.Number => RuleOps.Eq((decimal?)left, (decimal?)right),
                TypeKind.Judgement => RuleOps.RankEq((int?)left, (int?)right),
                TypeKind.Text => RuleOps.TextEq((string)left!, (string)right!),
                _ => throw new UnreachableException(kind.ToString()),
            },
            Syntax.BinaryOp.NotEqual => kind switch
            {
                TypeKind.Bool => (bool)left! != (bool)right!,
                TypeKind.Number => RuleOps.Ne((decimal?)left, (decimal?)right),
                TypeKind.Judgement => RuleOps.RankNe((int?)left, (int?)right),
                TypeKind.Text => RuleOps.TextNe((string)left!, (string)right!),
                _ => throw new UnreachableException(kind.ToString()),
            },
            Syntax.BinaryOp.Less => RuleOps.Lt((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.LessOrEqual => RuleOps.Le((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.Greater => RuleOps.Gt((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.GreaterOrEqual => RuleOps.Ge((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.WorseThan => RuleOps.Worse((int?)left, (int?)right),
            Syntax.BinaryOp.BetterThan => RuleOps.Better((int?)left, (int?)right),
            Syntax.BinaryOp.NoWorseThan => RuleOps.NoWorse((int?)left, (int?)right),
            Syntax.BinaryOp.NoBetterThan => RuleOps.NoBetter((int?)left, (int?)right),
            Syntax.BinaryOp.Add => RuleOps.Add((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.Subtract => RuleOps.Sub((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.Multiply => RuleOps.Mul((decimal?)left, (decimal?)right),
            Syntax.BinaryOp.Divide => RuleOps.Div((decimal?)left, (decimal?)right),
            _ => throw new UnreachableException(b.Op.ToString()),
        };
    }

    private static object? Aggregate(BoundAggregate a)
    {
        FindingFact[] none = [];
        Func<FindingFact, decimal?> noValue = static _ => null;
        return a.Kind switch
        {
            AggregateKind.Any => RuleOps.Any(none, RuleOps.EveryFinding),
            AggregateKind.All => RuleOps.All(none, RuleOps.EveryFinding, RuleOps.EveryFinding),
            AggregateKind.Count => RuleOps.Count(none, RuleOps.EveryFinding),
            AggregateKind.Sum => RuleOps.Sum(none, RuleOps.EveryFinding, noValue),
            AggregateKind.Mean => RuleOps.Mean(none, RuleOps.EveryFinding, noValue),
            AggregateKind.Min => RuleOps.Min(none, RuleOps.EveryFinding, noValue),
            AggregateKind.Max => RuleOps.Max(none, RuleOps.EveryFinding, noValue),
            AggregateKind.Worst => RuleOps.Worst(none, RuleOps.EveryFinding, RuleOps.FindingRank),
            AggregateKind.Best => RuleOps.Best(none, RuleOps.EveryFinding, RuleOps.FindingRank),
            AggregateKind.Ratio => RuleOps.Div(RuleOps.Count(none, RuleOps.EveryFinding), RuleOps.Count(none, RuleOps.EveryFinding)),
            AggregateKind.Percentage => RuleOps.Percentage(none, RuleOps.EveryFinding),
            _ => throw new UnreachableException(a.Kind.ToString()),
        };
    }
}
