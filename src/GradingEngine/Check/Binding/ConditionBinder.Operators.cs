using GradingEngine.Diagnostics;
using GradingEngine.Syntax;

namespace GradingEngine.Check.Binding;

internal sealed partial class ConditionBinder
{
    private BoundExpr? BindBinary(BinaryExpr binary)
    {
        var op = binary.Op;
        var text = OperatorText.Of(op);
        if (op is BinaryOp.And or BinaryOp.Or)
        {
            var l = BindExpr(binary.Left, null);
            var r = BindExpr(binary.Right, null);
            if (l is null || r is null) return null;
            if (l.Type.Kind != TypeKind.Bool || r.Type.Kind != TypeKind.Bool)
            {
                var bad = l.Type.Kind != TypeKind.Bool ? l : r;
                return Fail(binary, DiagnosticCodes.ConditionType, $"`{text}` needs yes/no values on both sides, found a {bad.Type.Describe()}");
            }
            return new BoundBinary(ValueType.Bool, op, l, r);
        }
        var (left, right) = BindPair(binary.Left, binary.Right);
        if (left is null || right is null) return null;
        if (OperatorText.IsArithmetic(op) || OperatorText.IsOrdering(op))
        {
            if (left.Type.Kind != TypeKind.Number || right.Type.Kind != TypeKind.Number)
            {
                var help = left.Type.Kind == TypeKind.Judgement || right.Type.Kind == TypeKind.Judgement
                    ? "compare judgements with `worse than`, `better than`, `no worse than` or `no better than`"
                    : null;
                return Fail(binary, DiagnosticCodes.ConditionType, $"`{text}` needs numbers, found {Pair(left, right)}", help);
            }
            if (op == BinaryOp.Divide && right is BoundConstant { Value: 0m })
            {
                return Fail(binary, DiagnosticCodes.DivisionByZero, "division by zero: this is always undefined, so every comparison with it is false",
                    "divide by a number other than 0");
            }
            return new BoundBinary(OperatorText.IsArithmetic(op) ? ValueType.Number : ValueType.Bool, op, left, right);
        }
        if (OperatorText.IsScaleComparison(op))
        {
            if (left.Type.Kind != TypeKind.Judgement || right.Type.Kind != TypeKind.Judgement || !left.Type.Equals(right.Type))
            {
                var help = left.Type.Kind == TypeKind.Number ? "compare numbers with `<`, `<=`, `>` or `>=`" : null;
                return Fail(binary, DiagnosticCodes.ConditionType, $"`{text}` needs two judgements on the same scale, found {Pair(left, right)}", help);
            }
            return new BoundBinary(ValueType.Bool, op, left, right);
        }
        if (!left.Type.Equals(right.Type))
        {
            return Fail(binary, DiagnosticCodes.ConditionType, $"`{text}` compares values of different types: {Pair(left, right)}");
        }
        if (left.Type.Kind == TypeKind.Text && (!CheckText(left, right, binary.Right) || !CheckText(right, left, binary.Left)))
        {
            return null;
        }
        return new BoundBinary(ValueType.Bool, op, left, right);
    }

    private static string Pair(BoundExpr left, BoundExpr right) =>
        left.Type.Equals(right.Type) ? $"two values of type {left.Type.Describe()}" : $"{left.Type.Describe()} and {right.Type.Describe()}";

    /// <summary>Binds both operands; a bare level takes its scale from the other side.</summary>
    private (BoundExpr? Left, BoundExpr? Right) BindPair(Expr left, Expr right)
    {
        if (NeedsContext(left) && !NeedsContext(right))
        {
            var r = BindExpr(right, null);
            return (r is null ? null : BindExpr(left, r.Type), r);
        }
        var l = BindExpr(left, null);
        if (l is null)
        {
            // Still report the right side's own errors, unless it is a level that needed the left's scale.
            if (!NeedsContext(right)) BindExpr(right, null);
            return (null, null);
        }
        return (l, BindExpr(right, l.Type));
    }

    private bool NeedsContext(Expr expr) =>
        expr is StringLiteral || (expr is NameExpr n && InScope(n.Name) is null);

    private BoundExpr? BindIn(InExpr @in)
    {
        var value = BindExpr(@in.Value, null);
        if (value is null) return null;
        if (value.Type.Kind is TypeKind.Bool)
        {
            return Fail(@in, DiagnosticCodes.ConditionType, "`in` needs a judgement, number or text on its left, found a yes/no value");
        }
        var items = new List<BoundConstant>();
        var ok = true;
        foreach (var itemExpr in @in.Items)
        {
            if (itemExpr is not (StringLiteral or NameExpr or NumberLiteral))
            {
                Error(DiagnosticCodes.ConditionSyntax, itemExpr, "items of an `in` list must be literal values");
                ok = false;
                continue;
            }
            var item = BindExpr(itemExpr, value.Type);
            if (item is not BoundConstant constant)
            {
                ok = false;
                continue;
            }
            if (!constant.Type.Equals(value.Type))
            {
                Error(DiagnosticCodes.ConditionType, itemExpr, $"`in` list item is a {constant.Type.Describe()}, but the value is a {value.Type.Describe()}");
                ok = false;
                continue;
            }
            if (value.Type.Kind == TypeKind.Text && !CheckText(value, constant, itemExpr))
            {
                ok = false;
                continue;
            }
            items.Add(constant);
        }
        return ok ? new BoundIn(value, items) : null;
    }

    /// <summary>A text literal compared with an indicator, area or question field must name a real one.</summary>
    private bool CheckText(BoundExpr field, BoundExpr other, Expr otherSyntax)
    {
        if (field is not BoundField f || other is not BoundConstant { Value: string literal })
        {
            return true;
        }
        string? problem = null, help = null, code = DiagnosticCodes.UnknownName;
        switch (f.Field, _context)
        {
            case (ItemField.Indicator, ConditionContext.Findings c) when !c.Positions.ContainsKey(literal):
                code = DiagnosticCodes.UnknownIndicator;
                var elsewhere = c.Codebook.Find(literal);
                problem = elsewhere is null
                    ? $"unknown indicator `{literal}`"
                    : $"indicator `{literal}` belongs to question `{elsewhere.QuestionId}`, not `{c.Question.Id}`";
                help = elsewhere is null ? NameSuggester.Help(literal, c.Indicators.Select(i => i.Id)) : "a criterion reads the findings of its own question";
                break;
            case (ItemField.Kind, ConditionContext.Findings c) when c.Codebook.FindKind(literal) is null:
                code = DiagnosticCodes.UnknownKind;
                problem = $"unknown finding kind `{literal}`";
                help = c.Codebook.Kinds.Count == 0
                    ? "the codebook declares no kinds"
                    : NameSuggester.Help(literal, c.Codebook.Kinds.Select(k => k.Id)) ?? $"kinds are: {string.Join(", ", c.Codebook.Kinds.Select(k => $"`{k.Id}`"))}";
                break;
            case (ItemField.Area, ConditionContext.Findings c) when c.Question.FindArea(literal) is null:
                code = DiagnosticCodes.UnknownArea;
                problem = $"question `{c.Question.Id}` has no area `{literal}`";
                help = NameSuggester.Help(literal, c.Question.Areas.Select(a => a.Id));
                break;
            case (ItemField.QuestionId, ConditionContext.QuestionGrades r) when r.Questions.All(q => q.Id != literal):
                code = DiagnosticCodes.UnknownQuestion;
                problem = $"unknown question `{literal}`";
                help = NameSuggester.Help(literal, r.Questions.Select(q => q.Id));
                break;
        }
        if (problem is null) return true;
        Error(code, otherSyntax, problem, help);
        return false;
    }
}
