using System.Diagnostics;
using GradingEngine.Diagnostics;
using GradingEngine.Syntax;
using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

internal sealed partial class ConditionBinder
{
    private BoundExpr? BindCall(CallExpr call)
    {
        if (Array.IndexOf(Functions, call.Function) < 0)
        {
            return Fail(call, DiagnosticCodes.UnknownName, $"unknown function `{call.Function}`",
                NameSuggester.Help(call.Function, Functions) ?? $"functions are: {string.Join(", ", Functions.Select(f => $"`{f}`"))}");
        }
        ItemKind? items = _context switch
        {
            ConditionContext.Findings => ItemKind.Finding,
            ConditionContext.QuestionGrades => ItemKind.QuestionResult,
            _ => null,
        };
        if (items is null)
        {
            return Fail(call, DiagnosticCodes.UnknownName, $"`{call.Function}` is not available in threshold conditions",
                "thresholds read the outcome profile: `strengths.count`, `causes-of-concern.weight`, ...");
        }
        var kind = Enum.Parse<AggregateKind>(call.Function, ignoreCase: true);
        var (min, max, usage) = kind switch
        {
            AggregateKind.Any or AggregateKind.Count or AggregateKind.Worst or AggregateKind.Best => (1, 1, $"{call.Function}(f => condition)"),
            AggregateKind.All => (1, 2, "all(f => condition) or all(f => filter, f => condition)"),
            AggregateKind.Ratio => (2, 2, "ratio(f => numerator, f => denominator)"),
            AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max => (2, 2, $"{call.Function}(f => filter, f => f.value)"),
            _ => throw new UnreachableException(kind.ToString()),
        };
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            return Fail(call, DiagnosticCodes.ConditionSyntax, $"`{call.Function}` takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} or {max}")} argument{(max > 1 ? "s" : "")}, found {call.Arguments.Count}", $"write `{usage}`");
        }
        var lambdas = new List<LambdaExpr>();
        foreach (var argument in call.Arguments)
        {
            if (argument is LambdaExpr lambda)
            {
                lambdas.Add(lambda);
            }
            else
            {
                Error(DiagnosticCodes.ConditionSyntax, argument, $"arguments of `{call.Function}` must be lambdas such as `f => ...`", $"write `{usage}`");
            }
        }
        if (lambdas.Count != call.Arguments.Count) return null;

        var all = AllCandidates();
        var filter = BindLambda(lambdas[0], items.Value, all, ValueType.Bool, call.Function);
        BoundLambda? second = null;
        if (lambdas.Count == 2)
        {
            var inherited = kind == AggregateKind.Ratio ? all : filter?.Variable.Candidates ?? all;
            var expected = kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max ? ValueType.Number : ValueType.Bool;
            second = BindLambda(lambdas[1], items.Value, inherited, expected, call.Function);
            if (second is null) return null;
        }
        if (filter is null) return null;

        var type = kind switch
        {
            AggregateKind.Any or AggregateKind.All => ValueType.Bool,
            AggregateKind.Worst or AggregateKind.Best => JudgementOfItems(call, filter.Variable),
            AggregateKind.Count or AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Ratio => ValueType.Number,
            _ => throw new UnreachableException(kind.ToString()),
        };
        return type is null ? null : new BoundAggregate(type, kind, filter, second);
    }

    private IReadOnlyList<Indicator> AllCandidates() =>
        _context is ConditionContext.Findings c ? c.Indicators : [];

    private ValueType? JudgementOfItems(CallExpr call, ItemVariable variable)
    {
        if (variable.Kind == ItemKind.QuestionResult)
        {
            return ValueType.Judgement(((ConditionContext.QuestionGrades)_context).Grades);
        }
        _scope.Add(variable);
        try
        {
            return BindFindingField(new MemberExpr(call.Offset, new NameExpr(call.Offset, variable.Name), "judgement"), variable)?.Type;
        }
        finally
        {
            _scope.RemoveAt(_scope.Count - 1);
        }
    }

    private BoundLambda? BindLambda(LambdaExpr lambda, ItemKind kind, IReadOnlyList<Indicator> inherited, ValueType expected, string function)
    {
        if (_scope.Exists(v => v.Name == lambda.Parameter))
        {
            Error(DiagnosticCodes.ConditionSyntax, lambda, $"`{lambda.Parameter}` is already a variable here", "use another name for the inner lambda");
            return null;
        }
        var unknown = false;
        var candidates = kind == ItemKind.Finding ? Narrow(lambda.Body, lambda.Parameter, inherited, out unknown) : inherited;
        var variable = new ItemVariable(lambda.Parameter, kind, candidates, kind == ItemKind.Finding && unknown);
        _scope.Add(variable);
        BoundExpr? body;
        try
        {
            body = BindExpr(lambda.Body, null);
        }
        finally
        {
            _scope.RemoveAt(_scope.Count - 1);
        }
        if (body is null) return null;
        if (!body.Type.Equals(expected))
        {
            Error(DiagnosticCodes.ConditionType, lambda.Body, $"this lambda of `{function}` must give a {expected.Describe()}, but gives a {body.Type.Describe()}");
            return null;
        }
        return new BoundLambda(variable, body);
    }

    /// <summary>
    /// Which indicators a finding variable can be, from the `and`-ed tests on `indicator` and `area`
    /// at the top of the lambda body. This is what types `f.judgement` and `f.value`.
    /// </summary>
    private IReadOnlyList<Indicator> Narrow(Expr body, string parameter, IReadOnlyList<Indicator> candidates, out bool unknown)
    {
        IEnumerable<Indicator> result = candidates;
        var all = AllCandidates();
        unknown = false;
        foreach (var conjunct in Conjuncts(body))
        {
            var (field, values) = conjunct switch
            {
                BinaryExpr { Op: BinaryOp.Equal, Left: MemberExpr m, Right: StringLiteral s } => (FieldOf(m, parameter), new[] { s.Value }),
                BinaryExpr { Op: BinaryOp.Equal, Left: StringLiteral s, Right: MemberExpr m } => (FieldOf(m, parameter), new[] { s.Value }),
                InExpr { Value: MemberExpr m } @in when @in.Items.All(i => i is StringLiteral) =>
                    (FieldOf(m, parameter), @in.Items.Cast<StringLiteral>().Select(i => i.Value).ToArray()),
                _ => (null, []),
            };
            unknown |= field switch
            {
                "indicator" => values.Any(v => all.All(i => i.Id != v)),
                "area" => values.Any(v => all.All(i => i.AreaId != v)),
                _ => false,
            };
            result = field switch
            {
                "indicator" => result.Where(i => values.Contains(i.Id)),
                "area" => result.Where(i => values.Contains(i.AreaId)),
                _ => result,
            };
        }
        return result.ToList();
    }

    private static string? FieldOf(MemberExpr member, string parameter) =>
        member.Target is NameExpr n && n.Name == parameter ? member.Member : null;

    private static IEnumerable<Expr> Conjuncts(Expr expr) =>
        expr is BinaryExpr { Op: BinaryOp.And } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [expr];
}
