using GradingEngine.Benchmarks.Corpus;
using GradingEngine.Model;

namespace GradingEngine.Benchmarks.Variants;

/// <summary>A finding as the non-engine variants see it: indicator, area, judgement rank (0 = best), number, yes/no.</summary>
public sealed class BFact(string i, string a, int r, decimal v, bool b)
{
    public string I { get; } = i;
    public string A { get; } = a;
    public int R { get; } = r;
    public decimal V { get; } = v;
    public bool B { get; } = b;
}

/// <summary>Counts of met criteria per effect.</summary>
public sealed class BProfile
{
    public int S { get; set; }
    public int A { get; set; }
    public int C { get; set; }
    public int N { get; set; }

    public void Add(EffectKind effect)
    {
        switch (effect)
        {
            case EffectKind.Strength: S++; break;
            case EffectKind.AreaForImprovement: A++; break;
            case EffectKind.CauseOfConcern: C++; break;
            default: N++; break;
        }
    }
}

/// <summary>RulesEngine input for a question's criteria.</summary>
public sealed class QuestionInput(BFact[] f)
{
    public BFact[] F { get; } = f;
}

/// <summary>RulesEngine input for the roll-up: one grade rank per question.</summary>
public sealed class GradesInput(int[] r)
{
    public int[] R { get; } = r;
}

/// <summary>A rulebook compiled as C# (by Roslyn): criteria in rulebook order, a threshold function per question, the roll-up.</summary>
public sealed class CompiledRules(Func<BFact[], bool>[] criteria, Func<BProfile, int>[] thresholds, Func<int[], int> overall)
{
    public Func<BFact[], bool>[] Criteria { get; } = criteria;
    public Func<BProfile, int>[] Thresholds { get; } = thresholds;
    public Func<int[], int> Overall { get; } = overall;
}

/// <summary>
/// The semantics of the engine's aggregates, written out by hand: undefined (null) makes a comparison
/// false, sums of nothing are 0, ratio of nothing is undefined. Used by the baseline and the Roslyn code.
/// </summary>
public static class BOps
{
    public static bool Any(BFact[] items, Func<BFact, bool> p)
    {
        foreach (var f in items)
        {
            if (p(f)) return true;
        }
        return false;
    }

    public static bool All(BFact[] items, Func<BFact, bool> filter, Func<BFact, bool> p)
    {
        foreach (var f in items)
        {
            if (filter(f) && !p(f)) return false;
        }
        return true;
    }

    public static int Count(BFact[] items, Func<BFact, bool> p)
    {
        var n = 0;
        foreach (var f in items)
        {
            if (p(f)) n++;
        }
        return n;
    }

    public static decimal? Max(BFact[] items, Func<BFact, bool> p)
    {
        decimal? m = null;
        foreach (var f in items)
        {
            if (p(f) && (m is null || f.V > m)) m = f.V;
        }
        return m;
    }

    public static decimal? Min(BFact[] items, Func<BFact, bool> p)
    {
        decimal? m = null;
        foreach (var f in items)
        {
            if (p(f) && (m is null || f.V < m)) m = f.V;
        }
        return m;
    }

    public static decimal? Sum(BFact[] items, Func<BFact, bool> p)
    {
        var s = 0m;
        foreach (var f in items)
        {
            if (p(f)) s += f.V;
        }
        return s;
    }

    public static decimal? Ratio(BFact[] items, Func<BFact, bool> a, Func<BFact, bool> b)
    {
        var d = Count(items, b);
        return d == 0 ? null : (decimal)Count(items, a) / d;
    }

    public static int? Worst(BFact[] items, Func<BFact, bool> p)
    {
        int? m = null;
        foreach (var f in items)
        {
            if (p(f) && (m is null || f.R > m)) m = f.R;
        }
        return m;
    }

    public static int? Best(BFact[] items, Func<BFact, bool> p)
    {
        int? m = null;
        foreach (var f in items)
        {
            if (p(f) && (m is null || f.R < m)) m = f.R;
        }
        return m;
    }

    public static bool Lt(decimal? a, decimal b) => a is { } x && x < b;
    public static bool Le(decimal? a, decimal b) => a is { } x && x <= b;
    public static bool Gt(decimal? a, decimal b) => a is { } x && x > b;
    public static bool Ge(decimal? a, decimal b) => a is { } x && x >= b;
    public static bool Eq(decimal? a, decimal b) => a is { } x && x == b;

    public static bool Eq(int? a, int b) => a is { } x && x == b;
    public static bool Ne(int? a, int b) => a is { } x && x != b;
    public static bool Worse(int? a, int b) => a is { } x && x > b;
    public static bool Better(int? a, int b) => a is { } x && x < b;
    public static bool NoWorse(int? a, int b) => a is { } x && x <= b;
    public static bool NoBetter(int? a, int b) => a is { } x && x >= b;

    public static int CountRank(int[] grades, int rank)
    {
        var n = 0;
        foreach (var g in grades)
        {
            if (g == rank) n++;
        }
        return n;
    }

    public static bool AllNoWorse(int[] grades, int rank)
    {
        foreach (var g in grades)
        {
            if (g > rank) return false;
        }
        return true;
    }
}

/// <summary>Turns a loaded inspection into per-question arrays of <see cref="BFact"/>, as every non-engine variant does first.</summary>
public sealed class FactMapper
{
    private readonly Dictionary<string, (int Question, string Area, string[]? Levels)> _indicators = new(StringComparer.Ordinal);
    private readonly int _questions;

    public FactMapper(RulebookSpec spec)
    {
        _questions = spec.Questions.Length;
        for (var q = 0; q < spec.Questions.Length; q++)
        {
            foreach (var i in spec.Questions[q].Indicators) _indicators[i.Id] = (q, i.Area, i.Scale?.Levels);
        }
    }

    public BFact[][] Map(Inspection inspection) =>
        Map(inspection.Findings.Select(f => (f.IndicatorId, f.Judgement, f.Number, f.Flag)));

    public BFact[][] Map(InspectionSpec inspection) =>
        Map(inspection.Findings.Select(f => (f.Indicator, f.Judgement, f.Number, f.Flag)));

    private BFact[][] Map(IEnumerable<(string Indicator, string? Judgement, decimal? Number, bool? Flag)> findings)
    {
        var lists = new List<BFact>[_questions];
        for (var q = 0; q < _questions; q++) lists[q] = [];
        foreach (var f in findings)
        {
            var (q, area, levels) = _indicators[f.Indicator];
            var rank = f.Judgement is { } j && levels is not null ? Array.IndexOf(levels, j) : -1;
            lists[q].Add(new BFact(f.Indicator, area, rank, f.Number ?? 0m, f.Flag ?? false));
        }
        return [.. lists.Select(l => l.ToArray())];
    }
}
