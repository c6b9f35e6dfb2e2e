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
        if (call.Function == "round") return BindRound(call);
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
            AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Mean => (2, 2, $"{call.Function}(f => filter, f => f.value)"),
            AggregateKind.Percentage => (1, 1, "percentage(f => filter)"),
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
            var expected = kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Mean ? ValueType.Number : ValueType.Bool;
            second = BindLambda(lambdas[1], items.Value, inherited, expected, call.Function);
            if (second is null) return null;
        }
        if (filter is null) return null;

        if (kind is AggregateKind.Worst or AggregateKind.Best && filter.Variable.Kind == ItemKind.Finding
            && filter.Variable.Candidates.Any(i => i.Scale?.IsNumeric == true))
        {
            return WorstScore(call, kind, filter);
        }
        if (kind == AggregateKind.Percentage)
        {
            return BindPercentage(call, filter);
        }
        var type = kind switch
        {
            AggregateKind.Any or AggregateKind.All => ValueType.Bool,
            AggregateKind.Worst or AggregateKind.Best => JudgementOfItems(call, filter.Variable),
            AggregateKind.Count or AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Ratio or AggregateKind.Mean => ValueType.Number,
            _ => throw new UnreachableException(kind.ToString()),
        };
        return type is null ? null : new BoundAggregate(type, kind, filter, second);
    }

    /// <summary>`round(x)`: a number, rounded to the nearest whole number, halves away from zero.</summary>
    private BoundExpr? BindRound(CallExpr call)
    {
        if (call.Arguments.Count != 1)
        {
            return Fail(call, DiagnosticCodes.ConditionSyntax, $"`round` takes 1 argument, found {call.Arguments.Count}", "write `round(x)` for the nearest whole number");
        }
        if (call.Arguments[0] is LambdaExpr lambda)
        {
            return Fail(lambda, DiagnosticCodes.ConditionSyntax, "`round` takes a number, not a lambda", "write `round(percentage(f => ...))`");
        }
        var operand = BindExpr(call.Arguments[0], null);
        if (operand is null) return null;
        return operand.Type.Kind == TypeKind.Number
            ? new BoundRound(operand)
            : Fail(call.Arguments[0], DiagnosticCodes.ConditionType, $"`round` needs a number, found a {operand.Type.Describe()}");
    }

    /// <summary>
    /// `worst(f => F)` or `best(...)` of findings scored on numeric scales: the lowest or highest score, by which end the
    /// scales call best. Bound as `min` or `max` of `f.judgement`, which is what it means.
    /// </summary>
    private BoundExpr? WorstScore(CallExpr call, AggregateKind kind, BoundLambda filter)
    {
        var score = ScoreOf(call, filter.Variable);
        if (score is null) return null;
        var directions = filter.Variable.Candidates.Select(i => i.Scale!.Scores!.HigherIsBetter).Distinct().ToList();
        if (directions.Count > 1)
        {
            return Fail(call, DiagnosticCodes.AmbiguousField, $"`{call.Function}` is ambiguous here: some of these scales score higher as better, some lower",
                "narrow the findings to indicators on one scale, or use `min` or `max` of `f.judgement`");
        }
        var lowest = (kind == AggregateKind.Worst) == directions[0];
        return new BoundAggregate(ValueType.Number, lowest ? AggregateKind.Min : AggregateKind.Max, filter, new BoundLambda(filter.Variable, score));
    }

    /// <summary>`percentage(f => F)`: needs findings scored on numeric scales whose best possible score is above 0.</summary>
    private BoundExpr? BindPercentage(CallExpr call, BoundLambda filter)
    {
        if (filter.Variable.Kind != ItemKind.Finding)
        {
            return Fail(call, DiagnosticCodes.ConditionType, "`percentage` reads the scores of findings, not question results");
        }
        var score = ScoreOf(call, filter.Variable);
        if (score is null) return null;
        if (filter.Variable.Candidates.FirstOrDefault(i => i.Scale!.Scores!.Max <= 0) is { } bad)
        {
            return Fail(call, DiagnosticCodes.ConditionType,
                $"`percentage` divides by the most a finding can score, but scale `{bad.Scale!.Id}` of `{bad.Id}` scores at most {bad.Scale.Scores!.Max}",
                "a percentage of the maximum needs scales whose `max` is above 0");
        }
        return new BoundAggregate(ValueType.Number, AggregateKind.Percentage, filter, new BoundLambda(filter.Variable, score));
    }

    /// <summary>`f.judgement` as a score, for a lambda variable whose findings must all be scored on numeric scales.</summary>
    private BoundField? ScoreOf(CallExpr call, ItemVariable variable)
    {
        if (variable.Candidates.Count == 0 && variable.NamesUnknown)
        {
            // The unknown indicator or area was reported where it is written.
            _errors++;
            return null;
        }
        var unscored = variable.Candidates.Where(i => i.Scale?.IsNumeric != true).Select(i => $"`{i.Id}`").Take(4).ToList();
        if (variable.Candidates.Count == 0 || unscored.Count > 0)
        {
            Error(DiagnosticCodes.ConditionType, call,
                variable.Candidates.Count == 0
                    ? $"no indicator of this question can match `{variable.Name}` here"
                    : $"`{call.Function}` reads scores, but these indicators are not scored on a scale with a `range`: {string.Join(", ", unscored)}",
                $"narrow the findings to scored indicators, e.g. `{call.Function}(f => f.indicator == \"...\")`");
            return null;
        }
        return new BoundField(ValueType.Number, variable, ItemField.Score);
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
        if (InScope(lambda.Parameter) is not null)
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
        unknown = false;
        if (_context is not ConditionContext.Findings context) return candidates;
        var all = context.Indicators;
        // The tests first (a lambda has one or two), then the positions they leave: a criterion of a large rulebook
        // is bound once per load, so this avoids building sets and sorted copies where one list is the answer.
        List<(string Field, string[] Values)>? tests = null;
        CollectTests(body, parameter, ref tests);
        if (tests is null)
        {
            // No test: every candidate, as a list of its own when they are not the question's whole list.
            return ReferenceEquals(candidates, all) ? candidates : [.. Positions(candidates, context).Select(n => all[n])];
        }
        foreach (var (field, values) in tests)
        {
            foreach (var v in values)
            {
                // An area of the question that no indicator is in is known, just empty: what reads it is told so, not silenced.
                if (field == "indicator" ? !context.Positions.ContainsKey(v) : context.Question.FindArea(v) is null) unknown = true;
            }
        }
        // One test of one area over the whole question, the common case: its indicators as the context keeps them.
        if (tests.Count == 1 && ReferenceEquals(candidates, all) && tests[0] is ("area", [var area])
            && context.AreaIndicators.GetValueOrDefault(area) is { } wholeArea)
        {
            return wholeArea;
        }
        // Positions in the question's indicators, ascending and distinct: looked up by name, never by scanning the codebook.
        List<int>? result = ReferenceEquals(candidates, all) ? null : Positions(candidates, context);
        foreach (var (field, values) in tests)
        {
            var chosen = new List<int>();
            foreach (var v in values)
            {
                if (field == "indicator")
                {
                    if (context.Positions.TryGetValue(v, out var n)) chosen.Add(n);
                }
                else
                {
                    chosen.AddRange(context.AreaPositions[v]);
                }
            }
            if (result is null)
            {
                chosen.Sort();
                result = Distinct(chosen);
            }
            else if (chosen.Count == 1)
            {
                result.RemoveAll(n => n != chosen[0]);
            }
            else
            {
                var set = chosen.ToHashSet();
                result.RemoveAll(n => !set.Contains(n));
            }
        }
        var narrowed = new Indicator[result!.Count];
        for (var i = 0; i < narrowed.Length; i++) narrowed[i] = all[result[i]];
        return narrowed;
    }

    /// <summary>The positions of <paramref name="candidates"/> in the question's indicators, ascending and distinct.</summary>
    private static List<int> Positions(IReadOnlyList<Indicator> candidates, ConditionContext.Findings context)
    {
        var positions = new List<int>(candidates.Count);
        foreach (var i in candidates) positions.Add(context.Positions[i.Id]);
        positions.Sort();
        return Distinct(positions);
    }

    /// <summary>Drops repeats from an ascending list, in place.</summary>
    private static List<int> Distinct(List<int> sorted)
    {
        var kept = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (kept == 0 || sorted[i] != sorted[kept - 1]) sorted[kept++] = sorted[i];
        }
        sorted.RemoveRange(kept, sorted.Count - kept);
        return sorted;
    }

    /// <summary>The `and`-ed tests of `indicator` or `area` against strings at the top of a lambda body, left to right.</summary>
    private static void CollectTests(Expr expr, string parameter, ref List<(string Field, string[] Values)>? tests)
    {
        if (expr is BinaryExpr { Op: BinaryOp.And } and)
        {
            CollectTests(and.Left, parameter, ref tests);
            CollectTests(and.Right, parameter, ref tests);
            return;
        }
        var (field, values) = expr switch
        {
            BinaryExpr { Op: BinaryOp.Equal, Left: MemberExpr m, Right: StringLiteral s } => (FieldOf(m, parameter), new[] { s.Value }),
            BinaryExpr { Op: BinaryOp.Equal, Left: StringLiteral s, Right: MemberExpr m } => (FieldOf(m, parameter), new[] { s.Value }),
            InExpr { Value: MemberExpr m } @in when @in.Items.All(i => i is StringLiteral) =>
                (FieldOf(m, parameter), @in.Items.Cast<StringLiteral>().Select(i => i.Value).ToArray()),
            _ => (null, []),
        };
        if (field is "indicator" or "area") (tests ??= []).Add((field, values));
    }

    private static string? FieldOf(MemberExpr member, string parameter) =>
        member.Target is NameExpr n && n.Name == parameter ? member.Member : null;

}
