using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Check;
using GradingEngine.Check.Analysis;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Facts;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The roll-up analysis goes through the inspection's findings counts only up to where no condition tells larger counts
/// apart. On random roll-ups of the mini rulebook that mix question aggregates with `findings.count` and the counts of a
/// worse and a better kind, in rows and in limits, what it proves holds for every combination of question grades and
/// counts well past those bounds, evaluated one by one: a gap exactly when some combination gets no row, every other one
/// exactly one overall grade (the runtime's, and the rows' and limits' evaluated directly), the grades it says are
/// produced, monotonicity in the question grades and in each directed kind, and the limits it says never apply or never
/// move a grade.
/// </summary>
public class RollupAnalysisProperties
{

    private static readonly string[] Grades = ["outstanding", "good", "requires-improvement", "inadequate"];

    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    /// <summary>The largest constant a generated condition compares a findings count with.</summary>
    private const int MaxConstant = 3;

    /// <summary>How far each kind's count is enumerated: past every bound the analysis can take for these conditions.</summary>
    private const int KindRange = MaxConstant + 3;

    private static readonly Gen<string> Atom = Gen.OneOf(
        from g in Gen.Elements(Grades) from op in Gen.Elements(Comparisons) from k in Gen.Choose(0, 2) select $"count(q => q.grade == {g}) {op} {k}",
        from g in Gen.Elements(Grades) select $"all(q => q.grade no worse than {g})",
        from v in Gen.Elements("findings.breach-of-regulation", "findings.notable-practice", "findings.count")
        from op in Gen.Elements(Comparisons)
        from k in Gen.Choose(0, MaxConstant)
        select $"{v} {op} {k}");

    private static readonly Gen<string> Condition = Gen.OneOf(
        Atom,
        from a in Atom from b in Atom from op in Gen.Elements("and", "or") select $"({a}) {op} ({b})",
        from a in Atom select $"not ({a})");

    private static readonly Gen<string> Limit =
        from kind in Gen.Elements("no-better-than", "no-worse-than")
        from grade in Gen.Elements(Grades)
        from when in Condition
        select $"  - {kind}: {grade}\n    when: \"{when}\"";

    private static readonly Gen<string> Rollup =
        from grades in Gen.Choose(0, 3).ArrayOf()
        from n in Gen.Choose(1, 4)
        where grades.Length >= n
        from conditions in Condition.ArrayOf(n)
        from fallback in Gen.Elements(true, true, false)
        from limits in Gen.Choose(0, 2)
        from written in Limit.ArrayOf(limits)
        select "overall:\n"
            + string.Join("\n", grades.Take(n).Order().Select((g, i) => $"  - grade: {Grades[g]}\n    when: \"{conditions[i]}\""))
            + (fallback ? "\n  - grade: inadequate\n    otherwise: true" : "")
            + (limits == 0 ? "" : "\nlimits:\n" + string.Join("\n", written))
            + "\n";

    [Property(MaxTest = 100)]
    public Property Analyze_RandomRollupsOverFindingsCounts_ProveWhatEveryCombinationAloneShows() =>
        Prop.ForAll(Rollup.ToArbitrary(), rollupYaml =>
        {
            // Arrange
            using var temp = new TempFolder();
            var folder = new MiniRulebook().With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml).With("rollup.yaml", rollupYaml).WriteTo(temp);
            var bag = new DiagnosticBag();
            var rulebook = RulebookLoader.Load(folder, LoadLimits.Default, bag)!;
            var bound = RulebookChecker.Check(rulebook, bag, analyze: false) ?? throw new InvalidOperationException(TestKit.Render(bag.ToSortedList()));
            var rollup = bound.Rollup!;
            var questions = TableAnalyzer.AnalyzeThresholds(rulebook, bound.Criteria, bound.Thresholds, bound.Limits, new DiagnosticBag());

            // Act
            var proofs = new DiagnosticBag();
            var analysis = RollupAnalyzer.Analyze(rulebook, rollup, bound.Requirements, questions, proofs);

            // Assert
            var reported = proofs.ToSortedList();
            var alone = EveryCombination(rulebook, rollup, questions);
            var context = $"{rollupYaml}\nthe analysis says:\n{TestKit.Render(reported)}";
            Assert.True(analysis.Exhaustive, context);
            Assert.True(alone.Gap == reported.Any(d => d.Code == DiagnosticCodes.MissingFallback), $"a gap alone: {alone.Gap}\n{context}");
            Assert.True(alone.NotMonotone == reported.Any(d => d.Code == DiagnosticCodes.NotMonotone), $"not monotone alone: {alone.NotMonotone}\n{context}");
            Assert.True(alone.Produced.Select(r => Grades[r]).SequenceEqual(analysis.GradesProduced), $"produced alone: {string.Join(", ", alone.Produced)}\n{context}");
            for (var k = 0; k < rollup.Limits.Count; k++)
            {
                var idle = reported.Where(d => d.Code == DiagnosticCodes.LimitWithoutEffect && d.Span.Line == rollup.Limits[k].Limit.Span.Line).Select(d => d.Message).ToList();
                Assert.True(alone.LimitApplies[k] != idle.Any(m => m.Contains("never applies", StringComparison.Ordinal)), $"limit {k + 1} applies alone: {alone.LimitApplies[k]}\n{context}");
                Assert.True((alone.LimitApplies[k] && !alone.LimitChanges[k]) == idle.Any(m => m.Contains("never changes", StringComparison.Ordinal)),
                    $"limit {k + 1} changes a grade alone: {alone.LimitChanges[k]}\n{context}");
            }
        });

    private sealed record Verdict(bool Gap, bool NotMonotone, SortedSet<int> Produced, bool[] LimitApplies, bool[] LimitChanges);

    /// <summary>
    /// Every combination of the grades each question can produce with every possible findings count (findings of a kind are
    /// findings: `findings.count` is at least the kinds' counts added up), each evaluated on its own: by the runtime, and
    /// by the rows and limits one after the other, which must agree.
    /// </summary>
    private static Verdict EveryCombination(Rulebook rulebook, CheckedRollup rollup, IReadOnlyList<TableAnalysis> questions)
    {
        var runtime = new RollupRuntime(rollup, ExpressionMode.Interpreted);
        var rows = rollup.Table.Rules.Select(r => r.Condition is null ? null : RollupCondition.Compile(r.Condition)).ToArray();
        var limits = rollup.Limits.Select(l => RollupCondition.Compile(l.Condition)).ToArray();
        var options = rulebook.Questions.Select(q => questions.Single(a => a.Subject == q.Id).GradesProduced.Select(g => Array.IndexOf(Grades, g)).Order().ToArray()).ToArray();
        var applies = new bool[limits.Length];
        var changes = new bool[limits.Length];
        var produced = new SortedSet<int>();
        var final = new Dictionary<(int, int, int, int, int), int>();
        var gap = false;
        var empty = OutcomeProfile.Of("", [], []);
        foreach (var (a, b) in Pairs(options))
        {
            QuestionGradeFact[] facts = [new("Q1", options[0][a], -1, empty), new("Q2", options[1][b], -1, empty)];
            foreach (var (all, breaches, notable) in Counts())
            {
                var findings = OutcomeProfile.Of("", [], [], all, [breaches, notable]);
                var row = Array.FindIndex(rows, c => c is null || c(facts, findings));
                var expected = -1;
                if (row < 0)
                {
                    gap = true;
                }
                else
                {
                    var rank = rollup.Table.Rules[row].Grade.Rank;
                    var holds = limits.Select(l => l(facts, findings)).ToArray();
                    expected = GradingEngine.Check.Limits.Apply(rank, rollup.Limits, k => holds[k]).Rank;
                    for (var k = 0; k < holds.Length; k++)
                    {
                        applies[k] |= holds[k];
                        changes[k] |= holds[k] && (rollup.Limits[k].Limit.Kind == LimitKind.NoBetterThan ? rank < rollup.Limits[k].Grade.Rank : rank > rollup.Limits[k].Grade.Rank);
                    }
                    produced.Add(expected);
                }
                Assert.Equal(expected, runtime.Grade(facts, findings));
                final[(a, b, all, breaches, notable)] = expected;
            }
        }
        // As for thresholds, a kind is held to its direction where the conditions count it; `findings.count` has none.
        var read = rollup.Table.Rules.Select(r => r.Condition).Concat(rollup.Limits.Select(l => l.Condition)).OfType<GradingEngine.Check.Binding.BoundExpr>()
            .SelectMany(GradingEngine.Check.Binding.BoundPrinter.Variables).Select(v => v.Index).ToHashSet();
        return new Verdict(gap, NotMonotone(final, read.Contains(0), read.Contains(1)), produced, applies, changes);
    }

    /// <summary>Whether some graded combination gets a worse overall grade for a better question grade, or against a kind's direction for one more finding of it.</summary>
    private static bool NotMonotone(Dictionary<(int A, int B, int All, int Breaches, int Notable), int> final, bool breachesRead, bool notableRead)
    {
        foreach (var ((a, b, all, breaches, notable), rank) in final)
        {
            if (rank < 0) continue;
            int? At((int, int, int, int, int) key) => final.TryGetValue(key, out var r) && r >= 0 ? r : null;
            // A better grade of either question (the previous one it can produce) must never give a worse overall grade.
            if (a > 0 && At((a - 1, b, all, breaches, notable)) > rank) return true;
            if (b > 0 && At((a, b - 1, all, breaches, notable)) > rank) return true;
            // One more breach (and so one more finding) must never give a better one; one more notable practice never a worse one.
            if (breachesRead && At((a, b, all + 1, breaches + 1, notable)) < rank) return true;
            if (notableRead && At((a, b, all + 1, breaches, notable + 1)) > rank) return true;
        }
        return false;
    }

    private static IEnumerable<(int, int)> Pairs(int[][] options) =>
        from a in Enumerable.Range(0, options[0].Length) from b in Enumerable.Range(0, options[1].Length) select (a, b);

    /// <summary>Every count of breaches and of notable practice up to <see cref="KindRange"/>, with every number of findings that holds them.</summary>
    private static IEnumerable<(int All, int Breaches, int Notable)> Counts() =>
        from breaches in Enumerable.Range(0, KindRange + 1)
        from notable in Enumerable.Range(0, KindRange + 1)
        from all in Enumerable.Range(breaches + notable, KindRange + 1)
        select (all, breaches, notable);
}
