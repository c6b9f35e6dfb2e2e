using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The threshold analysis done the slow way, as a test oracle: every profile the criteria can produce, one at a time,
/// in profile order, each row and limit compiled by ConditionCompiler (not the analysis's closures). It says what the
/// analysis must say of a small rulebook: the same diagnostics, with the same example profiles, and the same grades.
/// </summary>
internal static class ExhaustiveOracle
{
    /// <summary>The diagnostics the threshold analysis must report, as `code file:line message`, sorted, and each question's grades.</summary>
    public static (IReadOnlyList<string> Diagnostics, IReadOnlyDictionary<string, IReadOnlyList<string>> Produced) Analyze(CheckedRulebook rulebook)
    {
        var model = rulebook.Rulebook;
        var diagnostics = new List<string>();
        var produced = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var reported = new HashSet<(object, string)>();
        var reachedAnywhere = new Dictionary<CheckedTable, bool[]>(ReferenceEqualityComparer.Instance);
        var shadows = new Dictionary<CheckedTable, string?[]>(ReferenceEqualityComparer.Instance);
        var limitUse = new Dictionary<CheckedLimit, (bool Applies, bool Changes, List<string> Questions)>(ReferenceEqualityComparer.Instance);
        foreach (var question in model.Questions)
        {
            var table = rulebook.Thresholds[question.Id];
            var limits = rulebook.Limits[question.Id];
            var rows = table.Rules.Select(r => r.Condition is null ? null : ConditionCompiler.ForProfile(r.Condition).Compile()).ToArray();
            var limitConditions = limits.Select(l => ConditionCompiler.ForProfile(l.Condition).Compile()).ToArray();
            var conditions = table.Rules.Select(r => r.Condition).OfType<BoundExpr>().Concat(limits.Select(l => l.Condition)).ToList();
            var read = conditions.SelectMany(BoundPrinter.Variables).Select(v => (v.Measure, v.Index)).ToHashSet();
            var effects = model.Effects.Select((e, i) => (
                Count: read.Contains((ProfileMeasure.Count, i)),
                Weight: read.Contains((ProfileMeasure.Weight, i)),
                Weights: rulebook.Criteria.Where(c => c.Criterion.QuestionId == question.Id && c.Effect == i).Select(c => c.Criterion.Weight).ToList())).ToList();
            var pairs = effects.Select(e => Subsets(e.Weights).Select(s => (C: e.Count ? s.Count : 0, W: e.Weight ? s.Sum : 0)).Distinct().Order().ToList()).ToList();
            var profiles = Product(pairs);

            (int Row, int Rank, int Limit, ulong Limits) Outcome(int[][] p)
            {
                var profile = OutcomeProfile.Of(question.Id, p.Select(x => x[0]).ToArray(), p.Select(x => x[1]).ToArray());
                var row = Array.FindIndex(rows, r => r is null || r(profile));
                ulong holding = 0;
                for (var k = 0; k < limitConditions.Length; k++) if (limitConditions[k](profile)) holding |= 1UL << k;
                if (row < 0) return (-1, -1, -1, holding);
                var (rank, setBy) = (table.Rules[row].Grade.Rank, -1);
                foreach (var kind in new[] { LimitKind.NoWorseThan, LimitKind.NoBetterThan })
                {
                    for (var k = 0; k < limits.Count; k++)
                    {
                        if (limits[k].Limit.Kind != kind || (holding & (1UL << k)) == 0) continue;
                        var moved = kind == LimitKind.NoWorseThan ? Math.Min(rank, limits[k].Grade.Rank) : Math.Max(rank, limits[k].Grade.Rank);
                        if (moved != rank) (rank, setBy) = (moved, k);
                    }
                }
                return (row, rank, setBy, holding);
            }

            string Describe(int[][] p)
            {
                var parts = new List<string>();
                for (var e = 0; e < effects.Count; e++)
                {
                    if (effects[e].Count) parts.Add($"`{model.Effects[e].Plural}.count` is {p[e][0]}");
                    if (effects[e].Weight) parts.Add($"`{model.Effects[e].Plural}.weight` is {p[e][1]}");
                }
                return parts.Count == 0 ? "any outcome" : string.Join(", ", parts);
            }

            string? gap = null;
            var reached = new bool[table.Rules.Count];
            var shadowAt = new string?[table.Rules.Count];
            var ranks = new SortedSet<int>();
            var applies = new bool[limits.Count];
            var changes = new bool[limits.Count];
            var outcomes = new Dictionary<string, (int Row, int Rank, int Limit, ulong Limits)>(StringComparer.Ordinal);
            foreach (var p in profiles)
            {
                var o = outcomes[Key(p)] = Outcome(p);
                if (o.Row < 0)
                {
                    gap ??= Describe(p);
                    continue;
                }
                reached[o.Row] = true;
                ranks.Add(o.Rank);
                var profile = OutcomeProfile.Of(question.Id, p.Select(x => x[0]).ToArray(), p.Select(x => x[1]).ToArray());
                for (var r = o.Row + 1; r < rows.Length; r++)
                {
                    if (shadowAt[r] is null && (rows[r] is null || rows[r]!(profile)))
                    {
                        var earlier = table.Rules[o.Row];
                        shadowAt[r] = $"e.g. when {Describe(p)} (in `{question.Id}`) the rule for `{earlier.Grade.Id}` at line {earlier.Rule.Span.Line} applies first";
                    }
                }
                for (var k = 0; k < limits.Count; k++)
                {
                    if ((o.Limits & (1UL << k)) == 0) continue;
                    applies[k] = true;
                    var rowRank = table.Rules[o.Row].Grade.Rank;
                    changes[k] |= limits[k].Limit.Kind == LimitKind.NoBetterThan ? rowRank < limits[k].Grade.Rank : rowRank > limits[k].Grade.Rank;
                }
            }
            if (gap is not null && reported.Add((table, "gap")))
            {
                diagnostics.Add(Line("GE500", table.Table.Span, $"thresholds `{table.Table.Name}` give `{question.Id}` no grade when {gap}"));
            }

            // Monotonicity: per directed effect, the first profile where one more of its criteria moves the grade the wrong way.
            for (var e = 0; e < effects.Count; e++)
            {
                var effect = model.Effects[e];
                if (effect.Direction == Direction.Neutral || (!effects[e].Count && !effects[e].Weight)) continue;
                if (reported.Contains((table, "monotone-" + effect.Id))) continue;
                var steps = effects[e].Weight ? effects[e].Weights.Distinct().Order().ToList() : [0];
                string? found = null;
                foreach (var p in profiles)
                {
                    foreach (var w in steps)
                    {
                        var next = p.Select(x => (int[])x.Clone()).ToArray();
                        if (effects[e].Count) next[e][0]++;
                        if (effects[e].Weight) next[e][1] += w;
                        if (!outcomes.TryGetValue(Key(next), out var to) || to.Row < 0) continue;
                        var from = outcomes[Key(p)];
                        if (from.Row < 0) continue;
                        var good = effect.Direction == Direction.Better;
                        if (good ? to.Rank <= from.Rank : to.Rank >= from.Rank) continue;
                        var span = to.Limit >= 0 ? limits[to.Limit].Limit.Span : from.Limit >= 0 ? limits[from.Limit].Limit.Span : table.Rules[to.Row].Rule.Span;
                        found = Line("GE504", span,
                            $"thresholds `{table.Table.Name}` are not monotone: one more `{effect.Id}`{(w > 0 ? $" of weight {w}" : "")} {(good ? "lowers" : "raises")} `{question.Id}` from `{model.Scale[from.Rank].Id}` to `{model.Scale[to.Rank].Id}` when {Describe(p)}");
                        break;
                    }
                    if (found is not null) break;
                }
                if (found is null) continue;
                reported.Add((table, "monotone-" + effect.Id));
                diagnostics.Add(found);
            }

            var everReached = reachedAnywhere.TryGetValue(table, out var r0) ? r0 : reachedAnywhere[table] = new bool[table.Rules.Count];
            var shadow = shadows.TryGetValue(table, out var s0) ? s0 : shadows[table] = new string?[table.Rules.Count];
            for (var i = 0; i < table.Rules.Count; i++)
            {
                everReached[i] |= reached[i];
                shadow[i] ??= shadowAt[i];
            }
            for (var k = 0; k < limits.Count; k++)
            {
                var before = limitUse.TryGetValue(limits[k], out var u) ? u : limitUse[limits[k]] = (false, false, []);
                if (!before.Questions.Contains(question.Id)) before.Questions.Add(question.Id);
                limitUse[limits[k]] = (before.Applies || applies[k], before.Changes || changes[k], before.Questions);
            }
            var grades = ranks.Select(rank => model.Scale[rank].Id).ToList();
            foreach (var grade in model.Scale.Grades.Where(g => !grades.Contains(g.Id)))
            {
                diagnostics.Add(Line("GE506", table.Table.Span, $"no outcome of `{question.Id}`'s criteria can be graded `{grade.Id}`"));
            }
            produced[question.Id] = grades;
        }
        foreach (var (table, reached) in reachedAnywhere)
        {
            for (var i = 0; i < reached.Length; i++)
            {
                if (reached[i] || table.Rules[i].Rule.IsFallback || shadows[table][i] is not { } example) continue;
                diagnostics.Add(Line("GE502", table.Rules[i].Rule.Span,
                    $"the rule for `{table.Rules[i].Grade.Id}` never decides a grade: every outcome it accepts is taken by the rules above it; {example}"));
            }
        }
        foreach (var (limit, (applies, changes, questions)) in limitUse)
        {
            var of = questions.Count == 1 ? $"of `{questions[0]}`" : $"of any of {string.Join(", ", questions.Select(q => $"`{q}`"))}";
            if (!applies)
            {
                diagnostics.Add(Line("GE509", limit.Limit.Span, $"limit `{limit.Limit.KindText}: {limit.Grade.Id}` never applies: no outcome {of} satisfies `{limit.Limit.When.Text}`"));
            }
            else if (!changes)
            {
                diagnostics.Add(Line("GE509", limit.Limit.Span, $"limit `{limit.Limit.KindText}: {limit.Grade.Id}` never changes a grade {of}: wherever it applies the table already gives a grade within it"));
            }
        }
        return (diagnostics.Order(StringComparer.Ordinal).ToList(), produced);
    }

    public static string Line(string code, Diagnostics.SourceSpan span, string message) =>
        $"{code} {Path.GetFileName(span.Path)}:{span.Line} {message}";

    private static string Key(int[][] p) => string.Join(";", p.Select(x => $"{x[0]},{x[1]}"));

    private static IEnumerable<(int Count, int Sum)> Subsets(List<int> weights)
    {
        for (var mask = 0; mask < 1 << weights.Count; mask++)
        {
            var (count, sum) = (0, 0);
            for (var i = 0; i < weights.Count; i++)
            {
                if ((mask & (1 << i)) == 0) continue;
                count++;
                sum += weights[i];
            }
            yield return (count, sum);
        }
    }

    /// <summary>Every combination of one pair per effect, in profile order (the first effect most significant).</summary>
    private static List<int[][]> Product(List<List<(int C, int W)>> pairs)
    {
        IEnumerable<int[][]> all = [[]];
        foreach (var list in pairs)
        {
            var current = list;
            all = all.SelectMany(prefix => current.Select(p => (int[][])[.. prefix, [p.C, p.W]]));
        }
        return all.ToList();
    }
}
