using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Divides a question's profile space into boxes on which every row and limit condition is constant, without visiting
/// its profiles one by one: a box whose conditions the interval bounds cannot decide is halved along one of the
/// variables they read, and a box with no profile the criteria can produce is dropped. Most conditions compare a few
/// numbers with constants or with each other, so the boxes follow only the boundaries between grades, and a table
/// over thousands of criteria is decided in a number of boxes that grows with those boundaries, not with the space.
/// </summary>
internal sealed class BoxSearch(ProfileDomain domain, IReadOnlyList<BoundExpr?> rows, IReadOnlyList<BoundExpr> limits, int maxBoxes)
{
    private readonly BoxEvaluator _evaluator = new(domain);
    private readonly Func<OutcomeProfile, bool>?[] _rowClosures = [.. rows.Select(r => r is null ? null : ProfileCondition.Compile(r))];
    private readonly Func<OutcomeProfile, bool>[] _limitClosures = [.. limits.Select(ProfileCondition.Compile)];

    /// <summary>Which rows and which limits hold over a box (bit i for row or limit i).</summary>
    public readonly record struct Masks(ulong Rows, ulong Limits);

    /// <summary>How many boxes the last search took.</summary>
    public long Boxes { get; private set; }

    /// <summary>
    /// Calls <paramref name="uniform"/> for each box of producible profiles on which every condition is constant, with
    /// the conditions' values there and, for a <paramref name="step"/>, also one step further. For a step the boxes have
    /// one more dimension, the step's weight, after the profile's variables. False when the search needed more than the
    /// allowed number of boxes.
    /// </summary>
    public bool Run(ProfileDomain.Step? step, Action<int[], int[], Masks, Masks> uniform)
    {
        Boxes = 0;
        var (lo, hi) = domain.Whole();
        var variables = lo.Length;
        var shift = step is null ? null : new BoxEvaluator.Shift(new int[variables], new int[variables], step.WeightVariable, variables);
        if (step is not null)
        {
            // The step's weight is the last dimension; the profile's variables range only as far as a step can still follow.
            lo = [.. lo, step.Weights[0]];
            hi = [.. hi, step.Weights[^1]];
            for (var v = 0; v < variables; v++) hi[v] -= step.Fixed[v] + (v == step.WeightVariable ? step.Weights[0] : 0);
            if (hi.Where((h, v) => h < lo[v]).Any()) return true;
        }
        var stack = new Stack<(int[] Lo, int[] Hi)>();
        stack.Push((lo, hi));
        var open = new SortedSet<int>();
        var point = new int[variables];
        while (stack.Count > 0)
        {
            if (++Boxes > maxBoxes) return false;
            var (l, h) = stack.Pop();
            if (!domain.Achievable(l, h)) continue;
            if (step is not null)
            {
                Move(step, shift!, l, h);
                if (!step.Weights.Any(s => s >= l[^1] && s <= h[^1]) || !domain.Achievable(l, h, shift!.Lo, shift.Hi)) continue;
            }
            if (l.AsSpan().SequenceEqual(h))
            {
                Array.Copy(l, point, variables);
                var here = Exact(domain.Profile(point));
                if (step is null)
                {
                    uniform(l, h, here, default);
                    continue;
                }
                for (var v = 0; v < variables; v++) point[v] += shift!.Lo[v];
                uniform(l, h, here, Exact(domain.Profile(point)));
                continue;
            }
            open.Clear();
            var decided = Evaluate(l, h, null, open);
            var stepped = step is null ? default : Evaluate(l, h, shift, open);
            if (open.Count == 0)
            {
                uniform(l, h, decided!.Value, stepped ?? default);
                continue;
            }
            // Halve the widest of the variables the open comparisons read (the first such, for a fixed order).
            var split = open.MaxBy(v => h[v] - l[v]);
            var mid = l[split] + (h[split] - l[split]) / 2;
            // Copied as spans: Array.Clone goes through the runtime's MemberwiseClone, a third of a large proof.
            int[] upperLo = [.. l], lowerHi = [.. h];
            upperLo[split] = mid + 1;
            lowerHi[split] = mid;
            stack.Push((upperLo, h));
            stack.Push((l, lowerHi));
        }
        return true;
    }

    /// <summary>How the step moves the box's profiles: its fixed counts, and its weight dimension's range on the weight variable.</summary>
    private static void Move(ProfileDomain.Step step, BoxEvaluator.Shift shift, int[] lo, int[] hi)
    {
        for (var v = 0; v < step.Fixed.Length; v++)
        {
            var weighed = v == step.WeightVariable;
            shift.Lo[v] = step.Fixed[v] + (weighed ? lo[^1] : 0);
            shift.Hi[v] = step.Fixed[v] + (weighed ? hi[^1] : 0);
        }
    }

    /// <summary>The masks over a box, or null with the variables of the open comparisons added to <paramref name="open"/>.</summary>
    private Masks? Evaluate(int[] lo, int[] hi, BoxEvaluator.Shift? shift, SortedSet<int> open)
    {
        ulong rowMask = 0, limitMask = 0;
        var decided = true;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } condition)
            {
                rowMask |= 1UL << r;
                continue;
            }
            switch (_evaluator.Evaluate(condition, lo, hi, shift))
            {
                case BoxEvaluator.Truth.True: rowMask |= 1UL << r; break;
                case BoxEvaluator.Truth.Open:
                    decided = false;
                    _evaluator.OpenVariables(condition, lo, hi, shift, open);
                    break;
            }
        }
        for (var k = 0; k < limits.Count; k++)
        {
            switch (_evaluator.Evaluate(limits[k], lo, hi, shift))
            {
                case BoxEvaluator.Truth.True: limitMask |= 1UL << k; break;
                case BoxEvaluator.Truth.Open:
                    decided = false;
                    _evaluator.OpenVariables(limits[k], lo, hi, shift, open);
                    break;
            }
        }
        if (!decided && open.Count == 0)
        {
            // Open only through a value that may be undefined at some point: split any variable the box spans.
            for (var v = 0; v < lo.Length; v++)
            {
                if (lo[v] < hi[v]) open.Add(v);
            }
        }
        return decided ? new Masks(rowMask, limitMask) : null;
    }

    private Masks Exact(OutcomeProfile profile)
    {
        ulong rowMask = 0, limitMask = 0;
        for (var r = 0; r < _rowClosures.Length; r++)
        {
            if (_rowClosures[r] is not { } c || c(profile)) rowMask |= 1UL << r;
        }
        for (var k = 0; k < _limitClosures.Length; k++)
        {
            if (_limitClosures[k](profile)) limitMask |= 1UL << k;
        }
        return new Masks(rowMask, limitMask);
    }
}
