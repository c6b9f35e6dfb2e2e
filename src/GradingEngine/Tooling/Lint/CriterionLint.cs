using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Check;

namespace GradingEngine.Tooling.Lint;

/// <summary>
/// Finds criteria that can never be met, or are met whatever the evidence, by evaluating each
/// condition on every small set of findings its indicators allow: up to a few findings per
/// indicator, every level of a judgement scale, both yes/no values, numbers around each constant
/// the condition compares with, and when it reads `f.kind`, no kind and every kind the indicator
/// allows. A bounded check, so its verdicts are warnings.
/// </summary>
internal static class CriterionLint
{
    private const int MaxIndicators = 4;
    private const int MaxWorlds = 60_000;
    private const int MaxNumbers = 9;

    /// <param name="directory">The rulebook folder, to name a template's file as the rulebook does.</param>
    public static void Analyze(IEnumerable<CheckedCriterion> criteria, Codebook codebook, DiagnosticBag bag, string directory = "")
    {
        foreach (var criterion in criteria)
        {
            var indicators = criterion.ReadIndicators.Order(StringComparer.Ordinal).Select(id => codebook.Find(id)!).ToList();
            if (indicators.Count > MaxIndicators) continue;
            var numbers = Numbers(criterion.Condition);
            var perIndicator = PerIndicator(criterion.Condition);
            var readsKind = false;
            Visit(criterion.Condition, e => readsKind |= e is BoundField { Field: ItemField.Kind });
            var domains = indicators.Select(i => Domain(i, numbers, readsKind ? codebook.Kinds : [])).ToList();
            var choices = domains.Select(d => Multisets(d.Count, perIndicator).ToList()).ToList();
            var worlds = choices.Aggregate(1L, (n, c) => n * c.Count);
            if (worlds > MaxWorlds) continue;

            // Interpreted: most criteria have a few dozen combinations, too few to repay JIT-compiling each condition.
            var condition = ConditionCompiler.ForFindings(criterion.Condition, ExpressionMode.Interpreted);
            bool any = false, all = true;
            foreach (var world in Product(choices))
            {
                var findings = new List<FindingFact>();
                for (var i = 0; i < indicators.Count; i++)
                {
                    foreach (var value in world[i]) findings.Add(Fact(indicators[i], domains[i][value], findings.Count));
                }
                var met = condition(findings);
                any |= met;
                all &= met;
                if (any && !all) break;
            }
            var c = criterion.Criterion;
            var copy = c.Template is { } template ? $" ({template.Describe(directory)})" : "";
            if (!any)
            {
                bag.Warning(DiagnosticCodes.CriterionNeverMet, c.When.Span,
                    $"criterion `{c.Id}` can never be met: none of {worlds} combinations of up to {perIndicator} findings per indicator it reads satisfies its condition{copy}",
                    "check the levels, numbers and `and`/`or` of the condition");
            }
            else if (all)
            {
                bag.Warning(DiagnosticCodes.CriterionAlwaysMet, c.When.Span,
                    $"criterion `{c.Id}` is always met: every combination of findings, none included, satisfies its condition{copy}",
                    "a criterion should depend on the evidence; check for a missing `not` or an `or` that should be `and`");
            }
        }
    }

    private sealed record Value(string? Judgement, decimal? Number, bool? Flag, string? Kind = null);

    /// <summary>Each value the indicator takes, times no kind and each kind it allows when <paramref name="kinds"/> is given.</summary>
    private static List<Value> Domain(Indicator indicator, IReadOnlyList<decimal> numbers, IReadOnlyList<FindingKind> kinds)
    {
        List<Value> values = indicator.Type switch
        {
            IndicatorType.Judgement => indicator.Scale!.Levels.Select(l => new Value(l, null, null)).ToList(),
            IndicatorType.YesNo => [new Value(null, null, true), new Value(null, null, false)],
            _ => numbers.Select(n => new Value(null, n, null)).ToList(),
        };
        var allowed = kinds.Where(k => indicator.Allows(k.Id)).Select(k => (string?)k.Id).Prepend(null).ToList();
        return kinds.Count == 0 ? values : [.. values.SelectMany(v => allowed.Select(k => v with { Kind = k }))];
    }

    private static FindingFact Fact(Indicator indicator, Value value, int index)
    {
        var id = $"analysis-{index:D3}";
        var finding = new Finding(id, indicator.QuestionId, indicator.Id, value.Judgement, value.Number, value.Flag, "", "", FieldSpans.None(indicator.Span)) { Kind = value.Kind };
        return new FindingFact(finding, indicator);
    }

    /// <summary>Every constant the condition compares with, one either side, and zero: where conditions change their answer.</summary>
    private static IReadOnlyList<decimal> Numbers(BoundExpr condition)
    {
        var constants = new SortedSet<decimal> { 0m };
        Visit(condition, e =>
        {
            // A negative literal is written `-2`: a negation of the constant 2.
            var value = e switch
            {
                BoundConstant { Type.Kind: TypeKind.Number, Value: decimal c } => c,
                BoundNegate { Operand: BoundConstant { Value: decimal c } } => -c,
                _ => (decimal?)null,
            };
            if (value is { } d)
            {
                constants.Add(d);
                constants.Add(d - 1);
                constants.Add(d + 1);
            }
        });
        // Keep the values nearest zero when there are many: small, ordinary magnitudes first.
        return constants.OrderBy(Math.Abs).ThenBy(d => d).Take(MaxNumbers).Order().ToList();
    }

    /// <summary>Two findings per indicator, or as many as a count in the condition needs (at most four).</summary>
    private static int PerIndicator(BoundExpr condition)
    {
        var most = 2;
        Visit(condition, e =>
        {
            if (e is BoundBinary { Left: BoundAggregate { Kind: AggregateKind.Count }, Right: BoundConstant { Value: decimal d } } && d is > 0 and < 4)
            {
                most = Math.Max(most, (int)d + 1);
            }
        });
        return Math.Min(most, 4);
    }

    private static void Visit(BoundExpr expr, Action<BoundExpr> action)
    {
        action(expr);
        switch (expr)
        {
            case BoundNot n: Visit(n.Operand, action); break;
            case BoundNegate n: Visit(n.Operand, action); break;
            case BoundRound r: Visit(r.Operand, action); break;
            case BoundBands b: Visit(b.Input, action); break;
            case BoundNamedValue v: Visit(v.Definition, action); break;
            case BoundBinary b: Visit(b.Left, action); Visit(b.Right, action); break;
            case BoundIn i: Visit(i.Value, action); break;
            case BoundAggregate a:
                Visit(a.Filter.Body, action);
                if (a.Second is not null) Visit(a.Second.Body, action);
                break;
        }
    }

    /// <summary>Multisets of at most <paramref name="size"/> values from 0..n-1, as sorted index lists.</summary>
    private static IEnumerable<int[]> Multisets(int n, int size)
    {
        IEnumerable<int[]> Grow(int[] prefix, int from)
        {
            yield return prefix;
            if (prefix.Length == size) yield break;
            for (var v = from; v < n; v++)
            {
                foreach (var m in Grow([.. prefix, v], v)) yield return m;
            }
        }
        return Grow([], 0);
    }

    private static IEnumerable<int[][]> Product(List<List<int[]>> choices)
    {
        var index = new int[choices.Count];
        while (true)
        {
            yield return choices.Select((c, i) => c[index[i]]).ToArray();
            var k = choices.Count - 1;
            while (k >= 0 && ++index[k] == choices[k].Count)
            {
                index[k] = 0;
                k--;
            }
            if (k < 0) yield break;
        }
    }
}
