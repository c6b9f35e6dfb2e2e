using GradingEngine.Check.Binding;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// Every outcome profile a question's criteria can produce: per effect, the achievable
/// (count, total weight) pairs over subsets of its criteria. Dimensions no rule reads are
/// projected away, so the space stays small without losing any distinction the rules can make.
/// </summary>
internal sealed class ProfileSpace
{
    public ProfileSpace(IEnumerable<Criterion> criteria, IReadOnlySet<(Effect Effect, bool IsWeight)> read)
    {
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
        }
    }

    public (int Count, int Weight)[][] Pairs { get; } = new (int, int)[4][];

    public Dictionary<(int, int), int>[] Index { get; } = new Dictionary<(int, int), int>[4];

    /// <summary>Distinct weights one more criterion of an effect can add (projected).</summary>
    public int[][] StepWeights { get; } = new int[4][];

    public int[] CountStep { get; } = new int[4];

    public bool[] ReadWeight { get; } = new bool[4];

    public long Size => Pairs.Aggregate(1L, (n, p) => n * p.Length);

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
