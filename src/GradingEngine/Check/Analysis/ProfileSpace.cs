using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Syntax;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Every outcome profile a question's criteria can produce: per effect, the achievable
/// (count, total weight) pairs over subsets of its criteria. Dimensions no rule reads are
/// projected away, so the space stays small without losing any distinction the rules can make.
/// </summary>
/// <remarks>
/// The analysis then runs over classes, not pairs. A comparison that reads one effect alone
/// (`causes-of-concern.count <= 1`) only tells pairs apart by whether it holds; one that reads several
/// (`areas-for-improvement.weight <= strengths.weight`) by the values it reads of each. So two pairs of an
/// effect that agree on every comparison of that effect alone, and on the count and the weight where a
/// comparison of several effects reads them, get the same grade whatever the other effects are: one class,
/// represented by its first pair. Classes are numbered in the order of their first pairs, so the first point
/// of any kind in class order has, as representatives, the same digits as the first such profile:
/// diagnostics name the same example profile as an analysis of every pair would.
/// </remarks>
internal sealed class ProfileSpace
{
    public ProfileSpace(string questionId, IEnumerable<Criterion> criteria, IReadOnlyList<BoundExpr?> conditions, bool mergeClasses = true)
    {
        var read = VariablesRead(conditions);
        var atoms = new List<BoundExpr>();
        foreach (var condition in conditions)
        {
            if (condition is not null) CollectAtoms(condition, atoms);
        }
        var atomVariables = atoms.Select(a => VariablesRead([a])).ToList();
        var atomEffects = atomVariables.Select(v => v.Select(x => x.Item1).ToHashSet()).ToList();
        // What comparisons of several effects read: those values must stay apart.
        var sharedRead = atomVariables.Where((_, i) => atomEffects[i].Count > 1).SelectMany(v => v).ToHashSet();
        foreach (var effect in EffectNames.All)
        {
            var e = (int)effect;
            var readCount = read.Contains((effect, false));
            var readWeight = read.Contains((effect, true));
            var weights = criteria.Where(c => c.Effect == effect).Select(c => c.Weight).ToList();
            StepWeights[e] = readCount || readWeight ? weights.Distinct().Order().Select(w => readWeight ? w : 0).Distinct().ToArray() : [];
            var pairs = new HashSet<(int, int)> { (0, 0) };
            foreach (var w in weights)
            {
                foreach (var (c, sum) in pairs.ToList())
                {
                    pairs.Add((readCount ? c + 1 : 0, readWeight ? sum + w : 0));
                }
            }
            Pairs[e] = pairs.Order().ToArray();
            Index[e] = Pairs[e].Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
            CountStep[e] = readCount ? 1 : 0;
            ReadWeight[e] = readWeight;

            (ClassOf[e], Representative[e]) = mergeClasses
                ? Classify(questionId, effect, Pairs[e],
                    [.. atoms.Where((_, i) => atomEffects[i].Count == 1 && atomEffects[i].Contains(effect)).Select(ProfileCondition.Compile)],
                    sharedRead.Contains((effect, false)), sharedRead.Contains((effect, true)))
                : ([.. Enumerable.Range(0, Pairs[e].Length)], [.. Enumerable.Range(0, Pairs[e].Length)]);
        }
    }

    public (int Count, int Weight)[][] Pairs { get; } = new (int, int)[4][];

    public Dictionary<(int, int), int>[] Index { get; } = new Dictionary<(int, int), int>[4];

    /// <summary>Per effect, the class of each pair (by digit).</summary>
    public int[][] ClassOf { get; } = new int[4][];

    /// <summary>Per effect, the digit of each class's first pair.</summary>
    public int[][] Representative { get; } = new int[4][];

    /// <summary>Distinct weights one more criterion of an effect can add (projected).</summary>
    public int[][] StepWeights { get; } = new int[4][];

    public int[] CountStep { get; } = new int[4];

    public bool[] ReadWeight { get; } = new bool[4];

    /// <summary>The number of distinct profiles (saturating: a huge space must not wrap to a small one).</summary>
    public long Size => Product(Pairs.Select(p => p.Length));

    /// <summary>The number of points the analysis evaluates: combinations of classes.</summary>
    public long ClassCount => Product(Representative.Select(r => r.Length));

    /// <summary>The stride of each effect's class in a point: the first effect is the most significant.</summary>
    public int[] Strides()
    {
        var strides = new int[4];
        for (var e = 3; e >= 0; e--) strides[e] = e == 3 ? 1 : strides[e + 1] * Representative[e + 1].Length;
        return strides;
    }

    /// <summary>The representative digit of each effect at a point.</summary>
    public void Digits(int point, int[] digits)
    {
        for (var e = 3; e >= 0; e--)
        {
            var n = Representative[e].Length;
            digits[e] = Representative[e][point % n];
            point /= n;
        }
    }

    /// <summary>Sets the counts and weights of the profile at the given digits.</summary>
    public void SetProfile(int[] digits, int[] counts, int[] weights)
    {
        for (var e = 0; e < 4; e++) (counts[e], weights[e]) = Pairs[e][digits[e]];
    }

    private static long Product(IEnumerable<int> lengths)
    {
        var n = 1L;
        foreach (var length in lengths) n = n > long.MaxValue / length ? long.MaxValue : n * length;
        return n;
    }

    /// <summary>Classes of an effect's pairs: equal where shared comparisons read them, and on every comparison of this effect alone.</summary>
    private static (int[] ClassOf, int[] Representative) Classify(string questionId, Effect effect, (int Count, int Weight)[] pairs,
        Func<OutcomeProfile, bool>[] atoms, bool keepCount, bool keepWeight)
    {
        var counts = new int[4];
        var weights = new int[4];
        var profile = new OutcomeProfile(questionId, counts, weights);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var classOf = new int[pairs.Length];
        var representatives = new List<int>();
        var signature = new char[atoms.Length];
        for (var d = 0; d < pairs.Length; d++)
        {
            (counts[(int)effect], weights[(int)effect]) = pairs[d];
            for (var a = 0; a < atoms.Length; a++) signature[a] = atoms[a](profile) ? '1' : '0';
            var key = $"{(keepCount ? pairs[d].Count : 0)} {(keepWeight ? pairs[d].Weight : 0)} {new string(signature)}";
            if (!classes.TryGetValue(key, out var c))
            {
                classes[key] = c = representatives.Count;
                representatives.Add(d);
            }
            classOf[d] = c;
        }
        return (classOf, [.. representatives]);
    }

    /// <summary>The comparisons a condition's and/or/not (and yes/no equality) combine: the only places it reads the profile.</summary>
    private static void CollectAtoms(BoundExpr e, List<BoundExpr> atoms)
    {
        switch (e)
        {
            case BoundConstant:
                break;
            case BoundNot n:
                CollectAtoms(n.Operand, atoms);
                break;
            case BoundBinary b when b.Op is BinaryOp.And or BinaryOp.Or || (b.Op is BinaryOp.Equal or BinaryOp.NotEqual && b.Left.Type.Kind == TypeKind.Bool):
                CollectAtoms(b.Left, atoms);
                CollectAtoms(b.Right, atoms);
                break;
            default:
                atoms.Add(e);
                break;
        }
    }

    public static HashSet<(Effect, bool)> VariablesRead(IEnumerable<BoundExpr?> conditions)
    {
        var read = new HashSet<(Effect, bool)>();
        void Visit(BoundExpr? e)
        {
            switch (e)
            {
                case BoundProfileVariable v: read.Add((v.Effect, v.IsWeight)); break;
                case BoundNot n: Visit(n.Operand); break;
                case BoundNegate n: Visit(n.Operand); break;
                case BoundBinary b: Visit(b.Left); Visit(b.Right); break;
                case BoundIn i: Visit(i.Value); break;
            }
        }
        foreach (var c in conditions) Visit(c);
        return read;
    }
}
