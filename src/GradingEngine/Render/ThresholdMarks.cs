using GradingEngine.Model;
using GradingEngine.Syntax;
using GradingEngine.Trace;

namespace GradingEngine.Render;

/// <summary>
/// The marks the evidence chart draws for a question: every comparison of an effect's weight with a bound in
/// the row that decided the grade and in the rows just above and below it in the same table. Comparisons of
/// counts, or of sums of weights, are left to the written condition beside the chart.
/// </summary>
internal static class ThresholdMarks
{
    public static IReadOnlyList<ThresholdMark> Of(Rulebook rulebook, QuestionResult question)
    {
        // A question not graded was decided by no row: nothing to mark.
        if (question.Decision is not { } decision) return [];
        var table = rulebook.ThresholdsFor(question.Question.Id);
        var decided = decision.RuleIndex;
        var values = decision.Values.ToDictionary(v => v.Key, v => (decimal)v.Value, StringComparer.Ordinal);
        var marks = new List<ThresholdMark>();
        for (var i = Math.Max(0, decided - 1); i <= Math.Min(table.Rules.Count - 1, decided + 1); i++)
        {
            var rule = table.Rules[i];
            if (rule.When is null || rulebook.Scale.Find(rule.GradeId) is not { } grade) continue;
            foreach (var (effect, op, bound) in Comparisons(rulebook, rule.When.Syntax, values))
            {
                var mark = new ThresholdMark(effect, grade, i, i == decided, op, bound);
                if (!marks.Contains(mark)) marks.Add(mark);
            }
        }
        return marks;
    }

    private static IEnumerable<(Effect, string, decimal)> Comparisons(Rulebook rulebook, Expr expr, IReadOnlyDictionary<string, decimal> values)
    {
        switch (expr)
        {
            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } logical:
                return Comparisons(rulebook, logical.Left, values).Concat(Comparisons(rulebook, logical.Right, values));
            case UnaryExpr { Op: UnaryOp.Not } not:
                return Comparisons(rulebook, not.Operand, values);
            case BinaryExpr { Op: BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.Equal } comparison:
                if (WeightOf(rulebook, comparison.Left) is { } left && Evaluate(comparison.Right, values) is { } right)
                    return [(left, Symbol(comparison.Op), right)];
                if (WeightOf(rulebook, comparison.Right) is { } flipped && Evaluate(comparison.Left, values) is { } bound)
                    return [(flipped, Symbol(Flip(comparison.Op)), bound)];
                return [];
            default:
                return [];
        }
    }

    /// <summary>The effect whose weight <paramref name="expr"/> is, as in `strengths.weight`.</summary>
    private static Effect? WeightOf(Rulebook rulebook, Expr expr) =>
        expr is MemberExpr { Member: "weight", Target: NameExpr group } ? rulebook.Effects.FirstOrDefault(e => e.Plural == group.Name) : null;

    /// <summary>A bound's value at the question's current profile; null for anything but numbers and arithmetic on profile values.</summary>
    private static decimal? Evaluate(Expr expr, IReadOnlyDictionary<string, decimal> values) => expr switch
    {
        NumberLiteral n => n.Value,
        MemberExpr { Target: NameExpr group } m => values.TryGetValue($"{group.Name}.{m.Member}", out var v) ? v : null,
        UnaryExpr { Op: UnaryOp.Negate } u => -Evaluate(u.Operand, values),
        BinaryExpr { Op: BinaryOp.Add } b => Evaluate(b.Left, values) + Evaluate(b.Right, values),
        BinaryExpr { Op: BinaryOp.Subtract } b => Evaluate(b.Left, values) - Evaluate(b.Right, values),
        BinaryExpr { Op: BinaryOp.Multiply } b => Evaluate(b.Left, values) * Evaluate(b.Right, values),
        BinaryExpr { Op: BinaryOp.Divide } b when Evaluate(b.Right, values) is { } d && d != 0 => Evaluate(b.Left, values) / d,
        _ => null,
    };

    private static BinaryOp Flip(BinaryOp op) => op switch
    {
        BinaryOp.Less => BinaryOp.Greater,
        BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOp.Greater => BinaryOp.Less,
        BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
        _ => op,
    };

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "≤",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => "≥",
        _ => "=",
    };
}
