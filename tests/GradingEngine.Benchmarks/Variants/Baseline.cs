using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Model;

namespace GradingEngine.Benchmarks.Variants;

/// <summary>
/// The hand-written floor: each criterion becomes a tree of plain closures over arrays (no expression
/// trees, no Rete, no evidence or explanations), thresholds and roll-up first-match loops.
/// </summary>
public sealed class BaselineGrader
{
    private readonly RulebookSpec _spec;
    private readonly FactMapper _mapper;
    private readonly Func<BFact[], bool>[][] _criteria;
    private readonly EffectKind[][] _effects;
    private readonly Func<BProfile, bool>[][] _thresholds;
    private readonly int[][] _thresholdGrades;
    private readonly Func<int[], bool>[] _rollup;

    public BaselineGrader(RulebookSpec spec)
    {
        _spec = spec;
        _mapper = new FactMapper(spec);
        _criteria = [.. spec.Questions.Select(q => spec.CriteriaOf(q.Id).Select(c => Compile(c.When)).ToArray())];
        _effects = [.. spec.Questions.Select(q => spec.CriteriaOf(q.Id).Select(c => c.Effect).ToArray())];
        _thresholds = [.. spec.Questions.Select(q => spec.Thresholds[q.Id].Select(Compile).ToArray())];
        _thresholdGrades = [.. spec.Questions.Select(q => spec.Thresholds[q.Id].Select(r => r.GradeRank).ToArray())];
        _rollup = [.. spec.Rollup.Select(Compile)];
    }

    /// <summary>Question grade ranks in rulebook order, then the overall rank.</summary>
    public int[] Grade(Inspection inspection) => Grade(_mapper.Map(inspection));

    public int[] Grade(BFact[][] findings)
    {
        var result = new int[_spec.Questions.Length + 1];
        for (var q = 0; q < _criteria.Length; q++)
        {
            result[q] = _thresholdGrades[q][First(_thresholds[q], Profile(q, findings[q]))];
        }
        var grades = result[..^1];
        result[^1] = _spec.Rollup[First(_rollup, grades)].GradeRank;
        return result;
    }

    /// <summary>The outcome profile of one question, for the generator's calibration.</summary>
    public BProfile Profile(int question, BFact[] findings)
    {
        var profile = new BProfile();
        var criteria = _criteria[question];
        for (var c = 0; c < criteria.Length; c++)
        {
            if (criteria[c](findings)) profile.Add(_effects[question][c]);
        }
        return profile;
    }

    public BFact[][] Map(Inspection inspection) => _mapper.Map(inspection);

    private static int First<T>(Func<T, bool>[] rows, T value)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i](value)) return i;
        }
        throw new InvalidOperationException("no grade rule applies");
    }

    public static Func<BFact[], bool> Compile(Cond c)
    {
        switch (c)
        {
            case AnyC a:
            {
                var p = Compile(a.F);
                return F => BOps.Any(F, p);
            }
            case AllC a:
            {
                var f = Compile(a.F);
                var p = Compile(a.P);
                return F => BOps.All(F, f, p);
            }
            case CountC n:
            {
                var p = Compile(n.F);
                var cmp = Compare(n.Op, n.N);
                return F => cmp(BOps.Count(F, p));
            }
            case NumAggC n:
            {
                var p = Compile(n.F);
                var cmp = Compare(n.Op, n.N);
                return n.Kind switch
                {
                    NumAgg.Max => F => cmp(BOps.Max(F, p)),
                    NumAgg.Min => F => cmp(BOps.Min(F, p)),
                    _ => F => cmp(BOps.Sum(F, p)),
                };
            }
            case RatioC r:
            {
                var a = Compile(r.A);
                var b = Compile(r.B);
                var cmp = Compare(r.Op, r.R);
                return F => cmp(BOps.Ratio(F, a, b));
            }
            case RankAggC r:
            {
                var p = Compile(r.F);
                var cmp = Compare(r.Op, r.Rank);
                return r.Worst ? F => cmp(BOps.Worst(F, p)) : F => cmp(BOps.Best(F, p));
            }
            case AndC a:
            {
                var l = Compile(a.L);
                var r = Compile(a.R);
                return F => l(F) && r(F);
            }
            case OrC o:
            {
                var l = Compile(o.L);
                var r = Compile(o.R);
                return F => l(F) || r(F);
            }
            case NotC n:
            {
                var inner = Compile(n.C);
                return F => !inner(F);
            }
            default:
                throw new InvalidOperationException(c.GetType().Name);
        }
    }

    private static Func<decimal?, bool> Compare(NOp op, decimal n) => op switch
    {
        NOp.Lt => v => BOps.Lt(v, n),
        NOp.Le => v => BOps.Le(v, n),
        NOp.Gt => v => BOps.Gt(v, n),
        NOp.Ge => v => BOps.Ge(v, n),
        _ => v => BOps.Eq(v, n),
    };

    private static Func<int?, bool> Compare(JOp op, int rank) => op switch
    {
        JOp.Eq => v => BOps.Eq(v, rank),
        JOp.Ne => v => BOps.Ne(v, rank),
        JOp.Worse => v => BOps.Worse(v, rank),
        JOp.Better => v => BOps.Better(v, rank),
        JOp.NoWorse => v => BOps.NoWorse(v, rank),
        _ => v => BOps.NoBetter(v, rank),
    };

    /// <summary>A filter: the tests of the conjunction, specialised for the common shapes.</summary>
    public static Func<BFact, bool> Compile(Filter filter)
    {
        var tests = filter.Tests.Select(Compile).ToArray();
        if (tests.Length == 1) return tests[0];
        if (tests.Length == 2)
        {
            var (t0, t1) = (tests[0], tests[1]);
            return f => t0(f) && t1(f);
        }
        return f =>
        {
            foreach (var t in tests)
            {
                if (!t(f)) return false;
            }
            return true;
        };
    }

    private static Func<BFact, bool> Compile(FTest test)
    {
        switch (test)
        {
            case IndicatorIs i:
            {
                var id = i.Id;
                return f => string.Equals(f.I, id, StringComparison.Ordinal);
            }
            case IndicatorIn i:
            {
                var ids = i.Ids;
                return f => Array.IndexOf(ids, f.I) >= 0;
            }
            case AreaIs a:
            {
                var area = a.Area;
                return f => string.Equals(f.A, area, StringComparison.Ordinal);
            }
            case JudgementTest j:
            {
                var cmp = Compare(j.Op, j.Rank);
                return f => cmp(f.R);
            }
            case ValueTest v:
            {
                var cmp = Compare(v.Op, v.Value);
                return f => cmp(f.V);
            }
            case FlagTest { Value: true }:
                return f => f.B;
            case FlagTest:
                return f => !f.B;
            default:
                throw new InvalidOperationException(test.GetType().Name);
        }
    }

    private static Func<BProfile, bool> Compile(ThresholdRow row)
    {
        var (c, a, s, k) = (row.MaxConcerns, row.MaxAreas, row.MinStrengths, row.AreasAtMostStrengthsPlus);
        return p => (c is null || p.C <= c) && (a is null || p.A <= a) && (s is null || p.S >= s) && (k is null || p.A <= p.S + k);
    }

    private static Func<int[], bool> Compile(RollupRow row)
    {
        var counts = row.Counts;
        var all = row.AllNoWorseThan;
        return g =>
        {
            foreach (var (rank, op, n) in counts)
            {
                if (!Compare(op, n)(BOps.CountRank(g, rank))) return false;
            }
            return all is null || BOps.AllNoWorse(g, all.Value);
        };
    }
}
