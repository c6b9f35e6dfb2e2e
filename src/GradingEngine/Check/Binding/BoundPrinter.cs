using System.Diagnostics;
using System.Globalization;
using GradingEngine.Syntax;
using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>Writes a bound condition back as condition text, e.g. to quote one `and`-ed part of a threshold.</summary>
internal static class BoundPrinter
{
    public static string Print(BoundExpr expr) => expr switch
    {
        BoundConstant c => Constant(c),
        BoundField f => $"{f.Variable.Name}.{Field(f.Field)}",
        BoundProfileVariable p => p.Name,
        BoundNot n => $"not {Operand(n.Operand)}",
        BoundNegate n => $"-{Operand(n.Operand)}",
        BoundBinary b => $"{Operand(b.Left)} {OperatorText.Of(b.Op)} {Operand(b.Right)}",
        BoundIn i => $"{Operand(i.Value)} in [{string.Join(", ", i.Items.Select(Constant))}]",
        BoundNamedValue v => v.Id,
        BoundRound r => $"round({Print(r.Operand)})",
        // Not condition syntax: bands are written in values.yaml, and this only names them.
        BoundBands b => $"bands({Print(b.Input)}; {string.Join(", ", b.From.Zip(b.Values, (f, v) => $"from {Number(f)}: {Number(v)}"))})",
        // A percentage reads its findings' scores: the projection it was bound with is not written.
        BoundAggregate { Kind: AggregateKind.Percentage } a => $"percentage({Lambda(a.Filter)})",
        BoundAggregate a => $"{a.Kind.ToString().ToLowerInvariant()}({Lambda(a.Filter)}{(a.Second is null ? "" : ", " + Lambda(a.Second))})",
        _ => throw new UnreachableException(expr.GetType().Name),
    };

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Operand(BoundExpr expr) => expr is BoundBinary or BoundNot ? $"({Print(expr)})" : Print(expr);

    private static string Lambda(BoundLambda lambda) => $"{lambda.Variable.Name} => {Print(lambda.Body)}";

    private static string Constant(BoundConstant c) => c.Type.Kind switch
    {
        TypeKind.Bool => (bool)c.Value ? "true" : "false",
        TypeKind.Number => ((decimal)c.Value).ToString(CultureInfo.InvariantCulture),
        TypeKind.Judgement => c.Type.Scale!.Levels[(int)c.Value],
        TypeKind.Text => $"\"{c.Value}\"",
        _ => throw new UnreachableException(c.Type.Kind.ToString()),
    };

    private static string Field(ItemField field) => field switch
    {
        ItemField.Indicator => "indicator",
        ItemField.Area => "area",
        ItemField.Judgement => "judgement",
        ItemField.Number or ItemField.Flag => "value",
        ItemField.QuestionId => "id",
        ItemField.Grade => "grade",
        ItemField.Kind => "kind",
        ItemField.Score => "judgement",
        _ => throw new UnreachableException(field.ToString()),
    };

    /// <summary>Every profile variable a threshold or limit condition reads, in the order written.</summary>
    public static IEnumerable<BoundProfileVariable> Variables(BoundExpr expr) => expr switch
    {
        BoundProfileVariable v => [v],
        BoundNot n => Variables(n.Operand),
        BoundNegate n => Variables(n.Operand),
        BoundRound r => Variables(r.Operand),
        BoundBinary b => Variables(b.Left).Concat(Variables(b.Right)),
        BoundIn i => Variables(i.Value),
        _ => [],
    };

    /// <summary>The top-level `and`-ed parts of a condition.</summary>
    public static IReadOnlyList<BoundExpr> Conjuncts(BoundExpr expr) =>
        expr is BoundBinary { Op: BinaryOp.And } and ? [.. Conjuncts(and.Left), .. Conjuncts(and.Right)] : [expr];
}
