using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// A roll-up condition as closures over the question results and the inspection's findings counts, for the roll-up
/// analysis, which evaluates every row at every combination of question grades and counts. Aggregates range over the
/// results; each lambda variable reads the result the aggregate is at from a slot of <see cref="Frame"/>.
/// </summary>
internal sealed class RollupCondition : ConditionClosures<RollupCondition.Frame>
{
    private readonly Dictionary<ItemVariable, int> _slots = new(ReferenceEqualityComparer.Instance);

    private RollupCondition()
    {
    }

    /// <summary>The question results and findings counts a condition is evaluated on, and the result each lambda variable is at.</summary>
    internal sealed class Frame(IReadOnlyList<QuestionGradeFact> questions, OutcomeProfile findings, int slots)
    {
        public IReadOnlyList<QuestionGradeFact> Questions { get; set; } = questions;
        public OutcomeProfile Findings { get; } = findings;
        public QuestionGradeFact[] Items { get; } = new QuestionGradeFact[slots];
    }

    /// <summary>The condition over question results and the inspection's findings, counted as a profile's (<see cref="OutcomeProfile.Findings"/>).</summary>
    public static Func<IReadOnlyList<QuestionGradeFact>, OutcomeProfile, bool> Compile(BoundExpr condition)
    {
        var compiler = new RollupCondition();
        var body = compiler.Bool(condition);
        var slots = compiler._slots.Count;
        return (questions, findings) => body(new Frame(questions, findings, slots));
    }

    private int Slot(ItemVariable variable) =>
        _slots.TryGetValue(variable, out var slot) ? slot : _slots[variable] = _slots.Count;

    protected override Func<Frame, bool> BoolLeaf(BoundExpr e)
    {
        if (e is not BoundAggregate a) throw Unexpected(e);
        var slot = Slot(a.Filter.Variable);
        var filter = Bool(a.Filter.Body);
        switch (a.Kind)
        {
            case AggregateKind.Any:
                return f => Each(f, slot).Any(_ => filter(f));
            case AggregateKind.All when a.Second is null:
                return f => Each(f, slot).All(_ => filter(f));
            case AggregateKind.All:
                var predicate = Bool(a.Second.Body);
                var second = Slot(a.Second.Variable);
                return f => Each(f, slot).All(q => !filter(f) || Set(f, second, q) && predicate(f));
            default:
                throw Unexpected(e);
        }
    }

    protected override Func<Frame, decimal?> NumberLeaf(BoundExpr e)
    {
        if (e is BoundProfileVariable { Measure: ProfileMeasure.Findings } v)
        {
            var kind = v.Index;
            return f => f.Findings.Findings(kind);
        }
        if (e is not BoundAggregate a) throw Unexpected(e);
        var slot = Slot(a.Filter.Variable);
        var filter = Bool(a.Filter.Body);
        switch (a.Kind)
        {
            case AggregateKind.Count:
                return f => Each(f, slot).Count(_ => filter(f));
            case AggregateKind.Ratio:
                var denominator = Bool(a.Second!.Body);
                var other = Slot(a.Second.Variable);
                return f => RuleOps.Div(Each(f, slot).Count(_ => filter(f)), Each(f, other).Count(_ => denominator(f)));
            case AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Mean:
                var value = Number(a.Second!.Body);
                var at = Slot(a.Second.Variable);
                var values = (Frame f) => Each(f, slot).Where(q => filter(f)).Select(q => { Set(f, at, q); return value(f); }).ToArray();
                return a.Kind switch
                {
                    AggregateKind.Sum => f => values(f).Aggregate((decimal?)0m, RuleOps.Add),
                    AggregateKind.Mean => f => values(f) is { Length: > 0 } all ? RuleOps.Div(all.Aggregate((decimal?)0m, RuleOps.Add), all.Length) : null,
                    AggregateKind.Min => f => values(f).Where(v => v.HasValue).DefaultIfEmpty().Min(),
                    _ => f => values(f).Where(v => v.HasValue).DefaultIfEmpty().Max(),
                };
            default:
                throw Unexpected(e);
        }
    }

    protected override Func<Frame, int?> RankLeaf(BoundExpr e)
    {
        switch (e)
        {
            case BoundField { Field: ItemField.Grade } field:
                var slot = Slot(field.Variable);
                return f => f.Items[slot].Rank;
            case BoundAggregate { Kind: AggregateKind.Worst or AggregateKind.Best } a:
                var at = Slot(a.Filter.Variable);
                var filter = Bool(a.Filter.Body);
                var worst = a.Kind == AggregateKind.Worst;
                return f =>
                {
                    var ranks = Each(f, at).Where(_ => filter(f)).Select(q => (int?)q.Rank).ToList();
                    return ranks.Count == 0 ? null : worst ? ranks.Max() : ranks.Min();
                };
            default:
                throw Unexpected(e);
        }
    }

    protected override Func<Frame, string> TextLeaf(BoundExpr e)
    {
        if (e is not BoundField { Field: ItemField.QuestionId } field) throw Unexpected(e);
        var slot = Slot(field.Variable);
        return f => f.Items[slot].QuestionId;
    }

    /// <summary>Each question result in turn, with the variable's slot set to it.</summary>
    private static IEnumerable<QuestionGradeFact> Each(Frame frame, int slot)
    {
        foreach (var q in frame.Questions)
        {
            frame.Items[slot] = q;
            yield return q;
        }
    }

    private static bool Set(Frame frame, int slot, QuestionGradeFact q)
    {
        frame.Items[slot] = q;
        return true;
    }
}
