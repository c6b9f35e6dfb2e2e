using System.Text;

namespace GradingEngine.Benchmarks.Corpus;

/// <summary>The engine's condition language (docs/rule-language.md).</summary>
public static class EngineText
{
    public static string Of(Cond c) => c switch
    {
        AnyC a => $"any(f => {Of(a.F)})",
        AllC a => $"all(f => {Of(a.F)}, f => {Of(a.P)})",
        CountC n => $"count(f => {Of(n.F)}) {Op(n.Op)} {Fmt.Num(n.N)}",
        NumAggC n => $"{n.Kind.ToString().ToLowerInvariant()}(f => {Of(n.F)}, f => f.value) {Op(n.Op)} {Fmt.Num(n.N)}",
        RatioC r => $"ratio(f => {Of(r.A)}, f => {Of(r.B)}) {Op(r.Op)} {Fmt.Num(r.R)}",
        RankAggC r => $"{(r.Worst ? "worst" : "best")}(f => {Of(r.F)}) {Op(r.Op)} {r.Level}",
        AndC a => $"{Nested(a.L)} and {Nested(a.R)}",
        OrC o => $"{Nested(o.L)} or {Nested(o.R)}",
        NotC n => n.C is AnyC ? $"not {Of(n.C)}" : $"not ({Of(n.C)})",
        _ => throw new InvalidOperationException(c.GetType().Name),
    };

    private static string Nested(Cond c) => c is AndC or OrC ? $"({Of(c)})" : Of(c);

    public static string Of(Filter f) => string.Join(" and ", f.Tests.Select(Of));

    private static string Of(FTest t) => t switch
    {
        IndicatorIs i => $"f.indicator == \"{i.Id}\"",
        IndicatorIn i => $"f.indicator in [{string.Join(", ", i.Ids.Select(id => $"\"{id}\""))}]",
        AreaIs a => $"f.area == \"{a.Area}\"",
        JudgementTest j => $"f.judgement {Op(j.Op)} {j.Level}",
        ValueTest v => $"f.value {Op(v.Op)} {Fmt.Num(v.Value)}",
        FlagTest { Value: true } => "f.value",
        FlagTest => "not f.value",
        _ => throw new InvalidOperationException(t.GetType().Name),
    };

    public static string Op(NOp op) => op switch
    {
        NOp.Lt => "<",
        NOp.Le => "<=",
        NOp.Gt => ">",
        NOp.Ge => ">=",
        _ => "==",
    };

    public static string Op(JOp op) => op switch
    {
        JOp.Eq => "==",
        JOp.Ne => "!=",
        JOp.Worse => "worse than",
        JOp.Better => "better than",
        JOp.NoWorse => "no worse than",
        _ => "no better than",
    };

    public static string Of(ThresholdRow row)
    {
        var parts = new List<string>();
        if (row.MaxConcerns is { } c) parts.Add(c == 0 ? "causes-of-concern.count == 0" : $"causes-of-concern.count <= {c}");
        if (row.MaxAreas is { } a) parts.Add($"areas-for-improvement.count <= {a}");
        if (row.MinStrengths is { } s) parts.Add($"strengths.count >= {s}");
        if (row.AreasAtMostStrengthsPlus is { } k) parts.Add($"areas-for-improvement.count <= strengths.count + {k}");
        return string.Join(" and ", parts);
    }

    public static string Of(RollupRow row, string[] grades)
    {
        var parts = row.Counts.Select(c => $"count(q => q.grade == {grades[c.Rank]}) {Op(c.Op)} {c.N}").ToList();
        if (row.AllNoWorseThan is { } r) parts.Add($"all(q => q.grade no worse than {grades[r]})");
        return string.Join(" and ", parts);
    }
}

/// <summary>C# over <c>BFact[] F</c> with the <c>BOps</c> helpers, for the Roslyn variant.</summary>
public static class CSharpText
{
    public static string Of(Cond c) => c switch
    {
        AnyC a => $"BOps.Any(F, {Lambda(a.F)})",
        AllC a => $"BOps.All(F, {Lambda(a.F)}, {Lambda(a.P)})",
        CountC n => $"BOps.{n.Op}(BOps.Count(F, {Lambda(n.F)}), {Fmt.Num(n.N)}m)",
        NumAggC n => $"BOps.{n.Op}(BOps.{n.Kind}(F, {Lambda(n.F)}), {Fmt.Num(n.N)}m)",
        RatioC r => $"BOps.{r.Op}(BOps.Ratio(F, {Lambda(r.A)}, {Lambda(r.B)}), {Fmt.Num(r.R)}m)",
        RankAggC r => $"BOps.{r.Op}(BOps.{(r.Worst ? "Worst" : "Best")}(F, {Lambda(r.F)}), {r.Rank})",
        AndC a => $"({Of(a.L)} && {Of(a.R)})",
        OrC o => $"({Of(o.L)} || {Of(o.R)})",
        NotC n => $"!{Of(n.C)}",
        _ => throw new InvalidOperationException(c.GetType().Name),
    };

    private static string Lambda(Filter f) => $"static f => {Body(f)}";

    public static string Body(Filter f) => string.Join(" && ", f.Tests.Select(Of));

    private static string Of(FTest t) => t switch
    {
        IndicatorIs i => $"f.I == \"{i.Id}\"",
        IndicatorIn i => $"({string.Join(" || ", i.Ids.Select(id => $"f.I == \"{id}\""))})",
        AreaIs a => $"f.A == \"{a.Area}\"",
        JudgementTest j => $"f.R {RankOp(j.Op)} {j.Rank}",
        ValueTest v => $"f.V {EngineText.Op(v.Op)} {Fmt.Num(v.Value)}m",
        FlagTest { Value: true } => "f.B",
        FlagTest => "!f.B",
        _ => throw new InvalidOperationException(t.GetType().Name),
    };

    /// <summary>Ranks grow worse: "worse than" is a higher rank.</summary>
    public static string RankOp(JOp op) => op switch
    {
        JOp.Eq => "==",
        JOp.Ne => "!=",
        JOp.Worse => ">",
        JOp.Better => "<",
        JOp.NoWorse => "<=",
        _ => ">=",
    };

    public static string Of(ThresholdRow row)
    {
        if (row.Otherwise) return "true";
        var parts = new List<string>();
        if (row.MaxConcerns is { } c) parts.Add($"p.C <= {c}");
        if (row.MaxAreas is { } a) parts.Add($"p.A <= {a}");
        if (row.MinStrengths is { } s) parts.Add($"p.S >= {s}");
        if (row.AreasAtMostStrengthsPlus is { } k) parts.Add($"p.A <= p.S + {k}");
        return string.Join(" && ", parts);
    }

    public static string Of(RollupRow row)
    {
        if (row.Otherwise) return "true";
        var parts = row.Counts.Select(c => $"BOps.CountRank(g, {c.Rank}) {EngineText.Op(c.Op)} {c.N}").ToList();
        if (row.AllNoWorseThan is { } r) parts.Add($"BOps.AllNoWorse(g, {r})");
        return string.Join(" && ", parts);
    }

    /// <summary>A whole rulebook as one C# script whose value is a <c>CompiledRules</c>.</summary>
    public static string Script(RulebookSpec spec)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// Generated from the synthetic rulebook: one method per criterion, threshold table and roll-up.");
        sb.AppendLine("public static class R");
        sb.AppendLine("{");
        foreach (var c in spec.Criteria)
        {
            sb.Append("    public static bool C").Append(c.Index).Append("(BFact[] F) => ").Append(Of(c.When)).AppendLine(";");
        }
        for (var q = 0; q < spec.Questions.Length; q++)
        {
            sb.Append("    public static int T").Append(q).AppendLine("(BProfile p)");
            sb.AppendLine("    {");
            foreach (var row in spec.Thresholds[spec.Questions[q].Id])
            {
                sb.Append("        if (").Append(Of(row)).Append(") return ").Append(row.GradeRank).AppendLine(";");
            }
            sb.AppendLine("        return -1;");
            sb.AppendLine("    }");
        }
        sb.AppendLine("    public static int Overall(int[] g)");
        sb.AppendLine("    {");
        foreach (var row in spec.Rollup)
        {
            sb.Append("        if (").Append(Of(row)).Append(") return ").Append(row.GradeRank).AppendLine(";");
        }
        sb.AppendLine("        return -1;");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        sb.AppendLine("new CompiledRules(");
        sb.AppendLine("    new System.Func<BFact[], bool>[] {");
        foreach (var c in spec.Criteria) sb.Append("        R.C").Append(c.Index).AppendLine(",");
        sb.AppendLine("    },");
        sb.Append("    new System.Func<BProfile, int>[] { ");
        sb.Append(string.Join(", ", spec.Questions.Select((_, q) => $"R.T{q}")));
        sb.AppendLine(" },");
        sb.AppendLine("    R.Overall)");
        return sb.ToString();
    }
}

/// <summary>
/// RulesEngine's expression language (System.Linq.Dynamic.Core) over an input <c>q</c> with the
/// question's findings in <c>q.F</c>. Undefined aggregates (max of nothing) are guarded with Any,
/// which is what "a comparison with undefined is false" means.
/// </summary>
public static class DynamicLinqText
{
    public static string Of(Cond c) => c switch
    {
        AnyC a => $"q.F.Any(f => {CSharpBody(a.F)})",
        AllC a => $"q.F.Where(f => {CSharpBody(a.F)}).All(f => {CSharpBody(a.P)})",
        CountC n => $"q.F.Count(f => {CSharpBody(n.F)}) {EngineText.Op(n.Op)} {n.N}",
        NumAggC { Kind: NumAgg.Sum } n => $"q.F.Where(f => {CSharpBody(n.F)}).Sum(f => f.V) {EngineText.Op(n.Op)} {n.N}",
        NumAggC n => $"(q.F.Any(f => {CSharpBody(n.F)}) && q.F.Where(f => {CSharpBody(n.F)}).{n.Kind}(f => f.V) {EngineText.Op(n.Op)} {n.N})",
        // count(A) / count(B) OP k/4  <=>  4 count(A) OP k count(B), when count(B) > 0.
        RatioC r => $"(q.F.Count(f => {CSharpBody(r.B)}) > 0 && q.F.Count(f => {CSharpBody(r.A)}) * 4 {EngineText.Op(r.Op)} q.F.Count(f => {CSharpBody(r.B)}) * {Quarters(r.R)})",
        RankAggC r => $"(q.F.Any(f => {CSharpBody(r.F)}) && q.F.Where(f => {CSharpBody(r.F)}).{(r.Worst ? "Max" : "Min")}(f => f.R) {CSharpText.RankOp(r.Op)} {r.Rank})",
        AndC a => $"({Of(a.L)} && {Of(a.R)})",
        OrC o => $"({Of(o.L)} || {Of(o.R)})",
        NotC n => $"!({Of(n.C)})",
        _ => throw new InvalidOperationException(c.GetType().Name),
    };

    private static int Quarters(decimal r) =>
        r * 4 == decimal.Truncate(r * 4) ? (int)(r * 4) : throw new InvalidOperationException($"ratio constant {r} is not a multiple of 0.25");

    private static string CSharpBody(Filter f) => string.Join(" && ", f.Tests.Select(Of));

    private static string Of(FTest t) => t switch
    {
        IndicatorIs i => $"f.I == \"{i.Id}\"",
        IndicatorIn i => $"({string.Join(" || ", i.Ids.Select(id => $"f.I == \"{id}\""))})",
        AreaIs a => $"f.A == \"{a.Area}\"",
        JudgementTest j => $"f.R {CSharpText.RankOp(j.Op)} {j.Rank}",
        ValueTest v => $"f.V {EngineText.Op(v.Op)} {v.Value}",
        FlagTest { Value: true } => "f.B",
        FlagTest => "!f.B",
        _ => throw new InvalidOperationException(t.GetType().Name),
    };

    public static string Of(ThresholdRow row) => CSharpText.Of(row);

    public static string Of(RollupRow row)
    {
        if (row.Otherwise) return "true";
        var parts = row.Counts.Select(c => $"g.R.Count(r => r == {c.Rank}) {EngineText.Op(c.Op)} {c.N}").ToList();
        if (row.AllNoWorseThan is { } r) parts.Add($"g.R.All(r => r <= {r})");
        return string.Join(" && ", parts);
    }
}
