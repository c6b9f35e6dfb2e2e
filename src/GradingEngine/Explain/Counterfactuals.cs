using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// What would have to differ for another grade: searched from the rules, smallest changes first,
/// never written by hand. Criterion outcomes are flipped in sets of growing size and each candidate
/// profile is graded by the same compiled threshold conditions the engine uses.
/// </summary>
internal static class Counterfactuals
{
    public const int MaxFlips = 4;
    public const int MaxAlternatives = 3;

    /// <summary>
    /// The smallest sets of criterion outcome changes that give <paramref name="target"/>. Only changes
    /// that move towards it are tried (a strength met or a weakness lifted to go up; the reverse to go
    /// down): thresholds are proven monotone, so other changes can only move away.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<CriterionChange>> ForQuestion(CompiledRulebook compiled, QuestionResult question, Grade target, Inspection inspection)
    {
        var table = compiled.Thresholds[question.Question.Id];
        var criteria = question.Criteria;
        var up = target.Rank < question.Grade.Rank;
        // Flipping any criterion of the same effect, weight and outcome moves the profile the same
        // way, so the search runs over those classes (a handful) rather than over criteria (dozens),
        // and names the first criteria of each class in rulebook order.
        var classes = Enumerable.Range(0, criteria.Count)
            .Where(i => Helps(criteria[i], up))
            .GroupBy(i => (criteria[i].Criterion.Effect, criteria[i].Criterion.Weight, criteria[i].Met))
            .Select(g => g.ToArray())
            .ToArray();
        var counts = new int[4];
        var weights = new int[4];
        foreach (var c in criteria.Where(c => c.Met))
        {
            counts[(int)c.Criterion.Effect]++;
            weights[(int)c.Criterion.Effect] += c.Criterion.Weight;
        }
        var results = new List<IReadOnlyList<CriterionChange>>();
        var taken = new int[classes.Length];
        for (var size = 1; size <= MaxFlips && results.Count == 0; size++)
        {
            Search(0, size);
        }
        return results;

        void Search(int from, int remaining)
        {
            if (results.Count == MaxAlternatives) return;
            if (remaining == 0)
            {
                if (table.Decide(OutcomeProfile.Of(question.Question.Id, counts, weights))?.Grade.Id == target.Id)
                {
                    results.Add(classes.SelectMany((members, k) => members.Take(taken[k])).Order()
                        .Select(i => Change(compiled, criteria[i], inspection)).ToList());
                }
                return;
            }
            for (var k = from; k < classes.Length; k++)
            {
                if (taken[k] == classes[k].Length) continue;
                var sample = criteria[classes[k][0]];
                var effect = (int)sample.Criterion.Effect;
                var sign = sample.Met ? -1 : 1;
                taken[k]++;
                counts[effect] += sign;
                weights[effect] += sign * sample.Criterion.Weight;
                Search(k, remaining - 1);
                counts[effect] -= sign;
                weights[effect] -= sign * sample.Criterion.Weight;
                taken[k]--;
                if (results.Count == MaxAlternatives) return;
            }
        }
    }

    /// <summary>Whether flipping this criterion's outcome moves the grade up (or, for <paramref name="up"/> false, down).</summary>
    private static bool Helps(CriterionOutcome outcome, bool up)
    {
        var good = outcome.Criterion.Effect is Effect.Strength or Effect.NotablePractice;
        return up ? good != outcome.Met : good == outcome.Met;
    }

    private static CriterionChange Change(CompiledRulebook compiled, CriterionOutcome outcome, Inspection inspection)
    {
        if (outcome.Met)
        {
            return new CriterionChange(outcome.Criterion, false, outcome.Evidence);
        }
        var runtime = compiled.Criteria.First(c => c.Criterion.Id == outcome.Criterion.Id);
        var read = inspection.Findings
            .Where(f => f.QuestionId == outcome.Criterion.QuestionId && runtime.Reads(f.IndicatorId))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new CriterionChange(outcome.Criterion, true, read);
    }

    public static IReadOnlyList<IReadOnlyList<QuestionChange>> ForOverall(CompiledRulebook compiled, GradingResult result, Grade target)
    {
        var scale = result.Rulebook.Scale;
        var ranks = result.Questions.Select(q => q.Grade.Rank).ToArray();
        var results = new List<IReadOnlyList<QuestionChange>>();
        for (var size = 1; size <= Math.Min(2, ranks.Length) && results.Count == 0; size++)
        {
            foreach (var changed in Combinations(ranks.Length, size))
            {
                foreach (var assignment in Assignments(changed, ranks, scale.Grades.Count))
                {
                    var facts = ranks.Select((r, i) => new QuestionGradeFact(result.Questions[i].Question.Id, assignment.GetValueOrDefault(i, r), -1, Empty)).ToList();
                    if (compiled.Rollup.Decide(facts)?.Grade.Id != target.Id) continue;
                    results.Add(changed.Select(i => new QuestionChange(result.Questions[i].Question, scale[ranks[i]], scale[assignment[i]])).ToList());
                    if (results.Count == MaxAlternatives) return results;
                }
            }
        }
        return results;
    }

    private static readonly OutcomeProfile Empty = OutcomeProfile.Of("", new int[4], new int[4]);

    /// <summary>Every other grade for each changed question, smallest moves first.</summary>
    private static IEnumerable<Dictionary<int, int>> Assignments(int[] changed, int[] ranks, int levels)
    {
        IEnumerable<Dictionary<int, int>> partial = [new Dictionary<int, int>()];
        foreach (var q in changed)
        {
            var options = Enumerable.Range(0, levels).Where(r => r != ranks[q]).OrderBy(r => Math.Abs(r - ranks[q])).ThenBy(r => r).ToList();
            partial = partial.SelectMany(p => options.Select(r => new Dictionary<int, int>(p) { [q] = r })).ToList();
        }
        return partial;
    }

    /// <summary>All k-subsets of 0..n-1 in lexicographic order.</summary>
    internal static IEnumerable<int[]> Combinations(int n, int k)
    {
        var indices = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])indices.Clone();
            var i = k - 1;
            while (i >= 0 && indices[i] == n - k + i) i--;
            if (i < 0) yield break;
            indices[i]++;
            for (var j = i + 1; j < k; j++) indices[j] = indices[j - 1] + 1;
        }
    }
}
