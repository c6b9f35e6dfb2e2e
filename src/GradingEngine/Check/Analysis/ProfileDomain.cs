using System.Collections;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// The outcome profiles a question can have, as far as its thresholds and limits can tell them apart: one variable per
/// profile number they read, in profile order (per effect in declared order its count, then its weight; then the
/// findings, all and per kind). An effect's (count, weight) pairs are exactly those its criteria can produce: a subset
/// of them, counted and summed, precomputed per count as a set of achievable weights. Finding counts have no criteria
/// behind them: each ranges up to where no condition can tell larger counts apart.
/// </summary>
internal sealed class ProfileDomain
{
    /// <summary>
    /// One number of the profile the conditions read, and the range of values it can take: 0 to <paramref name="Hi"/>, or
    /// for a named value the <paramref name="Points"/> that stand for every value it can take (index i is Points[i]).
    /// </summary>
    public sealed record Variable(string Name, ProfileMeasure Measure, int Index, int Hi, decimal[]? Points = null, Direction? Direction = null);

    /// <summary>What one effect can contribute: its variables (-1 when not read) and which pairs its criteria can make.</summary>
    private sealed class EffectDomain
    {
        public int CountVariable = -1;
        public int WeightVariable = -1;
        public int Criteria;
        public int MaxWeight;

        /// <summary>Per number of met criteria, the weights they can sum to (when the weight is read).</summary>
        public BitArray[] Reach = [];

        /// <summary>Per number of met criteria, the count of achievable weights up to each weight, for range queries.</summary>
        public int[][] Prefix = [];

        /// <summary>
        /// The number of achievable (count, weight) pairs with count below c and weight below w, at [c * (MaxWeight + 2) + w]:
        /// whether a box holds one is four lookups, whatever its size.
        /// </summary>
        public int[] Grid = [];

        /// <summary>The number of weights below w some count reaches: for a box that reads only the weight.</summary>
        public int[] Weights = [];

        /// <summary>The weights one more met criterion can add (0 when the weight is not read).</summary>
        public int[] Steps = [];
    }

    private readonly EffectDomain[] _effects;
    private readonly string _questionId;
    private readonly int _effectCount;
    private readonly int _kindCount;
    private readonly int _valueCount;

    /// <param name="values">The question's named values; <paramref name="valueCount"/> is how many value ids the rulebook has.</param>
    public ProfileDomain(string questionId, IReadOnlyList<Effect> effects, IReadOnlyList<FindingKind> kinds,
        IEnumerable<CheckedCriterion> criteria, IReadOnlyList<BoundExpr> conditions, IReadOnlyList<CheckedValue>? values = null, int valueCount = 0)
    {
        _questionId = questionId;
        _effectCount = effects.Count;
        _kindCount = kinds.Count;
        _valueCount = valueCount;
        var read = conditions.SelectMany(BoundPrinter.Variables).ToList();
        bool Reads(ProfileMeasure measure, int index) => read.Any(v => v.Measure == measure && v.Index == index);
        var variables = new List<Variable>();
        _effects = new EffectDomain[effects.Count];
        var byEffect = criteria.GroupBy(c => c.Effect).ToDictionary(g => g.Key, g => g.Select(c => c.Criterion.Weight).ToList());
        for (var e = 0; e < effects.Count; e++)
        {
            var weights = byEffect.GetValueOrDefault(e) ?? [];
            var domain = _effects[e] = new EffectDomain { Criteria = weights.Count, MaxWeight = weights.Sum() };
            if (Reads(ProfileMeasure.Count, e))
            {
                domain.CountVariable = variables.Count;
                variables.Add(new Variable(effects[e].Plural + ".count", ProfileMeasure.Count, e, weights.Count));
            }
            if (Reads(ProfileMeasure.Weight, e))
            {
                domain.WeightVariable = variables.Count;
                variables.Add(new Variable(effects[e].Plural + ".weight", ProfileMeasure.Weight, e, domain.MaxWeight));
            }
            Achievable(domain, weights);
        }
        var findings = new List<(ProfileMeasure, int, string)> { (ProfileMeasure.Findings, -1, "findings.count") };
        findings.AddRange(kinds.Select((k, i) => (ProfileMeasure.Findings, i, $"findings.{k.Id}")));
        foreach (var (measure, index, name) in findings.Where(f => Reads(f.Item1, f.Item2)))
        {
            variables.Add(new Variable(name, measure, index, 0));
        }
        var named = (values ?? []).Where(v => Reads(ProfileMeasure.Value, v.Index)).ToList();
        foreach (var value in named)
        {
            variables.Add(new Variable(value.Value.Id, ProfileMeasure.Value, value.Index, 0, [], value.Value.Direction));
        }
        Variables = variables;
        // Finding counts go up to where every condition compares alike (see FindingsBound): the effects' ranges first.
        for (var v = 0; v < variables.Count; v++)
        {
            if (variables[v].Measure == ProfileMeasure.Findings)
            {
                variables[v] = variables[v] with { Hi = FindingsBound(variables[v], conditions) };
            }
        }
        Variables = variables;
        for (var v = 0; v < variables.Count; v++)
        {
            if (variables[v].Measure != ProfileMeasure.Value) continue;
            var value = named.First(n => n.Index == variables[v].Index);
            var range = ValueRange.Of(value.Definition);
            MayBeUndefined |= range.MaybeUndefined;
            var points = ValuePoints.Of(variables[v], range, conditions, this);
            if (points is null)
            {
                Unprovable ??= $"`{value.Value.Id}` is compared with other numbers of the profile, and it is not a whole number in a range of at most {ValuePoints.MaxPoints} values";
                points = [range.Lo ?? 0m];
            }
            variables[v] = variables[v] with { Points = points, Hi = points.Length - 1 };
        }
        Variables = variables;
    }

    /// <summary>Why the space cannot stand for every value a named value can take, so the table is not proved; null when it can.</summary>
    public string? Unprovable { get; }

    /// <summary>Whether a named value the conditions read can be undefined: the question is then not graded.</summary>
    public bool MayBeUndefined { get; }

    /// <summary>The named values the conditions read whose direction is not declared: monotonicity in them is not checked.</summary>
    public IEnumerable<string> Undirected => Variables
        .Where(v => v.Measure == ProfileMeasure.Value && v.Direction is not (Direction.Better or Direction.Worse)).Select(v => v.Name);

    /// <summary>The largest magnitude a variable can have in the space, for bounding comparisons that read it with others.</summary>
    internal decimal Magnitude(ProfileMeasure measure, int index, decimal unbounded)
    {
        var variable = Variables.FirstOrDefault(v => v.Measure == measure && v.Index == index);
        if (variable is null) return 0;
        if (variable.Measure == ProfileMeasure.Findings) return unbounded;
        if (variable.Points is { Length: > 0 } points) return Math.Max(Math.Abs(points[0]), Math.Abs(points[^1]));
        return variable.Measure == ProfileMeasure.Value ? unbounded : variable.Hi;
    }

    public IReadOnlyList<Variable> Variables { get; private set; }

    /// <summary>The number of distinct profiles (saturating: a huge space must not wrap to a small one).</summary>
    public long Size
    {
        get
        {
            var n = 1L;
            foreach (var effect in _effects) n = Times(n, Pairs(effect));
            foreach (var v in Variables.Where(v => v.Measure is ProfileMeasure.Findings or ProfileMeasure.Value)) n = Times(n, v.Hi + 1);
            return n;
        }
    }

    private static long Times(long a, long b) => a > long.MaxValue / Math.Max(1, b) ? long.MaxValue : a * b;

    private long Pairs(EffectDomain e) => (e.CountVariable >= 0, e.WeightVariable >= 0) switch
    {
        (false, false) => 1,
        (true, false) => e.Criteria + 1,
        (false, true) => Enumerable.Range(0, e.MaxWeight + 1).LongCount(w => AnyCount(e, 0, e.Criteria, w, w)),
        (true, true) => Enumerable.Range(0, e.Criteria + 1).Sum(c => (long)e.Prefix[c][^1]),
    };

    /// <summary>Subset sums by count: which weights c met criteria of the effect can sum to.</summary>
    private static void Achievable(EffectDomain domain, List<int> weights)
    {
        var n = weights.Count;
        var reach = new BitArray[n + 1];
        for (var c = 0; c <= n; c++) reach[c] = new BitArray(domain.MaxWeight + 1);
        reach[0][0] = true;
        var reached = 0;
        foreach (var w in weights)
        {
            for (var c = reached; c >= 0; c--)
            {
                var shifted = new BitArray(reach[c]).LeftShift(w);
                reach[c + 1].Or(shifted);
            }
            reached++;
        }
        domain.Reach = reach;
        domain.Prefix = [.. reach.Select(bits =>
        {
            var prefix = new int[bits.Length + 1];
            for (var i = 0; i < bits.Length; i++) prefix[i + 1] = prefix[i] + (bits[i] ? 1 : 0);
            return prefix;
        })];
        domain.Steps = weights.Distinct().Order().ToArray();
        var stride = domain.MaxWeight + 2;
        var grid = new int[(n + 2) * stride];
        for (var c = 0; c <= n; c++)
        {
            for (var w = 0; w <= domain.MaxWeight; w++)
            {
                grid[(c + 1) * stride + w + 1] = grid[c * stride + w + 1] + grid[(c + 1) * stride + w] - grid[c * stride + w] + (reach[c][w] ? 1 : 0);
            }
        }
        domain.Grid = grid;
        var any = new int[domain.MaxWeight + 2];
        for (var w = 0; w <= domain.MaxWeight; w++)
        {
            any[w + 1] = any[w] + (reach.Any(bits => bits[w]) ? 1 : 0);
        }
        domain.Weights = any;
    }

    /// <summary>Whether some count in [c0, c1] reaches some weight in [w0, w1].</summary>
    private static bool AnyCount(EffectDomain e, int c0, int c1, int w0, int w1)
    {
        (c0, c1, w0, w1) = (Math.Max(c0, 0), Math.Min(c1, e.Criteria), Math.Max(w0, 0), Math.Min(w1, e.MaxWeight));
        if (c0 > c1 || w0 > w1) return false;
        var stride = e.MaxWeight + 2;
        var grid = e.Grid;
        return grid[(c1 + 1) * stride + w1 + 1] - grid[c0 * stride + w1 + 1] - grid[(c1 + 1) * stride + w0] + grid[c0 * stride + w0] > 0;
    }

    private static bool Reaches(EffectDomain e, int c, int w) =>
        c >= 0 && c <= e.Criteria && w >= 0 && w <= e.MaxWeight && e.Reach[c][w];

    /// <summary>The whole space as a box.</summary>
    public (int[] Lo, int[] Hi) Whole() => (new int[Variables.Count], [.. Variables.Select(v => v.Hi)]);

    /// <summary>Whether the box holds a profile the criteria can produce.</summary>
    public bool Achievable(int[] lo, int[] hi) => Achievable(lo, hi, null, null);

    /// <summary>Whether the box, its bounds moved by [<paramref name="shiftLo"/>, <paramref name="shiftHi"/>], holds a profile the criteria can produce.</summary>
    public bool Achievable(int[] lo, int[] hi, int[]? shiftLo, int[]? shiftHi)
    {
        foreach (var e in _effects)
        {
            int Lo(int v) => lo[v] + (shiftLo?[v] ?? 0);
            int Hi(int v) => hi[v] + (shiftHi?[v] ?? 0);
            var (c0, c1) = e.CountVariable >= 0 ? (Lo(e.CountVariable), Hi(e.CountVariable)) : (0, e.Criteria);
            var (w0, w1) = e.WeightVariable >= 0 ? (Lo(e.WeightVariable), Hi(e.WeightVariable)) : (0, e.MaxWeight);
            if (!AnyCount(e, c0, c1, w0, w1)) return false;
        }
        return true;
    }

    /// <summary>The first profile of the box in profile order that the criteria can produce, or null.</summary>
    public int[]? First(int[] lo, int[] hi) => First(lo, hi, null)?.Point;

    /// <summary>
    /// The first profile p of the box, and for a <paramref name="step"/> the smallest step weight s in the box, such that p
    /// and p + step(s) can both be produced; null when there is none. For a step of an effect, p + step(s) is p with one
    /// more of its criteria met, of weight s; for a findings step, p with one more finding of the kind.
    /// </summary>
    public (int[] Point, int Weight)? First(int[] lo, int[] hi, Step? step)
    {
        var point = new int[Variables.Count];
        var weight = 0;
        for (var e = 0; e < _effects.Length; e++)
        {
            var effect = _effects[e];
            var stepped = step is { Dimension: ProfileMeasure.Count } && step.Index == e;
            var found = false;
            var (c0, c1) = effect.CountVariable >= 0 ? (lo[effect.CountVariable], hi[effect.CountVariable]) : (0, 0);
            for (var c = c0; c <= c1 && !found; c++)
            {
                var (w0, w1) = effect.WeightVariable >= 0 ? (lo[effect.WeightVariable], hi[effect.WeightVariable]) : (0, 0);
                for (var w = w0; w <= w1 && !found; w++)
                {
                    if (!Projected(effect, c, w)) continue;
                    if (stepped)
                    {
                        var next = step!.Weights.Where(s => s >= lo[^1] && s <= hi[^1]).Cast<int?>()
                            .FirstOrDefault(s => Projected(effect, c + step.Count, w + s!.Value));
                        if (next is null) continue;
                        weight = next.Value;
                    }
                    if (effect.CountVariable >= 0) point[effect.CountVariable] = c;
                    if (effect.WeightVariable >= 0) point[effect.WeightVariable] = w;
                    found = true;
                }
            }
            if (!found) return null;
        }
        for (var v = 0; v < Variables.Count; v++)
        {
            if (Variables[v].Measure is ProfileMeasure.Findings or ProfileMeasure.Value) point[v] = lo[v];
        }
        return (point, weight);
    }

    /// <summary>Whether some pair of the effect projects to (c, w) on the variables read (c or w ignored when not read).</summary>
    private static bool Projected(EffectDomain e, int c, int w) => (e.CountVariable >= 0, e.WeightVariable >= 0) switch
    {
        (true, true) => Reaches(e, c, w),
        (true, false) => c >= 0 && c <= e.Criteria,
        (false, true) => w >= 0 && w <= e.MaxWeight && e.Weights[w + 1] - e.Weights[w] > 0,
        (false, false) => true,
    };

    /// <summary>
    /// One more of something, as a move in the space: <paramref name="Fixed"/> adds to the count variables (one more met
    /// criterion, or one more finding of a kind and so one more finding), and for an effect whose weight is read, one of
    /// its criteria's <paramref name="Weights"/> adds to its weight variable. Which weight is a dimension of the search: the
    /// last of its boxes, after the profile's own variables.
    /// </summary>
    /// <param name="Count">1 when the step adds to a count the conditions read, else 0.</param>
    /// <param name="WeightVariable">The weight variable the step adds to, or -1 (then <paramref name="Weights"/> is [0]).</param>
    public sealed record Step(ProfileMeasure Dimension, int Index, string Name, Direction Direction, int Count, int[] Fixed, int WeightVariable, int[] Weights);

    /// <summary>
    /// The steps whose direction `rules check` holds the conditions to: one more met criterion of a directed effect (of any
    /// weight its criteria have), one more finding of a directed kind.
    /// </summary>
    public IReadOnlyList<Step> Steps(IReadOnlyList<Effect> effects, IReadOnlyList<FindingKind> kinds)
    {
        var steps = new List<Step>();
        for (var e = 0; e < _effects.Length; e++)
        {
            var effect = _effects[e];
            // An effect with no criteria in the question has no "one more" to take.
            if (effects[e].Direction == Direction.Neutral || effect.Criteria == 0 || (effect.CountVariable < 0 && effect.WeightVariable < 0)) continue;
            var shift = new int[Variables.Count];
            if (effect.CountVariable >= 0) shift[effect.CountVariable] = 1;
            steps.Add(new Step(ProfileMeasure.Count, e, effects[e].Id, effects[e].Direction, effect.CountVariable >= 0 ? 1 : 0, shift,
                effect.WeightVariable, effect.WeightVariable >= 0 ? effect.Steps : [0]));
        }
        var all = IndexOf(ProfileMeasure.Findings, -1);
        for (var k = 0; k < kinds.Count; k++)
        {
            var own = IndexOf(ProfileMeasure.Findings, k);
            if (kinds[k].Direction == Direction.Neutral || own < 0) continue;
            var shift = new int[Variables.Count];
            shift[own] = 1;
            if (all >= 0) shift[all] = 1;
            steps.Add(new Step(ProfileMeasure.Findings, k, kinds[k].Id, kinds[k].Direction, 0, shift, -1, [0]));
        }
        for (var v = 0; v < Variables.Count; v++)
        {
            // A named value with a declared direction: the next higher value it can take.
            if (Variables[v] is not { Measure: ProfileMeasure.Value, Direction: Direction.Better or Direction.Worse } value || value.Hi == 0) continue;
            var shift = new int[Variables.Count];
            shift[v] = 1;
            steps.Add(new Step(ProfileMeasure.Value, value.Index, value.Name, value.Direction.Value, 0, shift, -1, [0]));
        }
        return steps;
    }

    private int IndexOf(ProfileMeasure measure, int index)
    {
        for (var v = 0; v < Variables.Count; v++)
        {
            if (Variables[v].Measure == measure && Variables[v].Index == index) return v;
        }
        return -1;
    }

    /// <summary>The profile at a point: unread numbers are 0.</summary>
    public OutcomeProfile Profile(int[] point)
    {
        var counts = new int[_effectCount];
        var weights = new int[_effectCount];
        var kinds = new int[_kindCount];
        var values = _valueCount == 0 ? null : new decimal?[_valueCount];
        var findings = 0;
        for (var v = 0; v < Variables.Count; v++)
        {
            var variable = Variables[v];
            switch (variable.Measure)
            {
                case ProfileMeasure.Count: counts[variable.Index] = point[v]; break;
                case ProfileMeasure.Weight: weights[variable.Index] = point[v]; break;
                case ProfileMeasure.Findings when variable.Index < 0: findings = point[v]; break;
                case ProfileMeasure.Findings: kinds[variable.Index] = point[v]; break;
                case ProfileMeasure.Value: values![variable.Index] = variable.Points![point[v]]; break;
                default: throw new System.Diagnostics.UnreachableException(variable.Measure.ToString());
            }
        }
        return OutcomeProfile.Of(_questionId, counts, weights, findings, kinds, values);
    }

    /// <summary>"`strengths.count` is 0, `strengths.weight` is 0": the numbers the conditions read, at a point.</summary>
    public string Describe(int[] point) =>
        Variables.Count == 0 ? "any outcome" : string.Join(", ", Variables.Select((v, i) => $"`{v.Name}` is {(v.Points is { } p ? Trace.Numbers.Text(p[point[i]]) : point[i])}"));

    /// <summary>Points compare in profile order: the first variable is the most significant.</summary>
    public static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        }
        return 0;
    }

    /// <summary>
    /// How far a finding count must range for the analysis to see every distinction the conditions make: beyond the bound
    /// every comparison that reads it compares alike. For a comparison linear in the variables, that is where the count's
    /// term outweighs the constant and every other term at its largest; a comparison that is not linear in it (a product
    /// or quotient of variables) gets a generous bound instead.
    /// </summary>
    internal int FindingsBound(Variable variable, IReadOnlyList<BoundExpr> conditions)
    {
        const int Generous = 1000;
        var bound = 1m;
        foreach (var comparison in conditions.SelectMany(Comparisons))
        {
            if (!BoundPrinter.Variables(comparison).Any(v => v.Measure == variable.Measure && v.Index == variable.Index)) continue;
            var terms = Linear.Of(comparison.Left) is { } left && Linear.Of(comparison.Right) is { } right ? left.Minus(right) : null;
            var own = terms?.Coefficient(variable.Measure, variable.Index) ?? 0m;
            if (terms is null || own == 0m) return Generous;
            var others = Math.Abs(terms.Constant);
            foreach (var ((measure, index), coefficient) in terms.Coefficients)
            {
                if (measure == variable.Measure && index == variable.Index) continue;
                others += Math.Abs(coefficient) * Magnitude(measure, index, Generous);
            }
            bound = Math.Max(bound, Math.Ceiling(others / Math.Abs(own)) + 1);
        }
        return (int)Math.Min(bound, Generous * 10);
    }

    internal static IEnumerable<BoundBinary> Comparisons(BoundExpr e) => e switch
    {
        BoundBinary { Op: Syntax.BinaryOp.And or Syntax.BinaryOp.Or } b => Comparisons(b.Left).Concat(Comparisons(b.Right)),
        BoundBinary { Left.Type.Kind: TypeKind.Bool } b => Comparisons(b.Left).Concat(Comparisons(b.Right)),
        BoundBinary b => [b],
        BoundNot n => Comparisons(n.Operand),
        BoundIn i => [new BoundBinary(Binding.ValueType.Bool, Syntax.BinaryOp.Equal, i.Value, i.Items.Count > 0 ? i.Items.MaxBy(x => Math.Abs((decimal)x.Value))! : i.Value)],
        _ => [],
    };
}
