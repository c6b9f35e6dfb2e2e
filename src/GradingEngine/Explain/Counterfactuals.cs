using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// What would have to differ for another grade: searched from the rules, smallest changes first,
/// never written by hand. Criterion outcomes are flipped in sets of growing size and each candidate
/// profile is graded by the same compiled threshold conditions and limits the engine uses.
/// </summary>
internal static class Counterfactuals
{
    public const int MaxFlips = 4;
    public const int MaxAlternatives = 3;

    /// <summary>
    /// The smallest sets of criterion outcome changes that give <paramref name="target"/>. Only changes
    /// that move towards it are tried (a criterion of a `better` effect met or one of a `worse` effect lifted
    /// to go up; the reverse to go down): thresholds and limits are proven monotone, so other changes can only
    /// move away. A question that is not graded has none: what it lacks is evidence.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<CriterionChange>> ForQuestion(CompiledRulebook compiled, QuestionResult question, Grade target, Inspection inspection)
    {
        if (!question.IsGraded) return [];
        var rulebook = compiled.Rulebook;
        var runtime = compiled.Thresholds[question.Question.Id];
        var criteria = question.Criteria;
        var effect = criteria.Select(c => EffectIndex(rulebook, c.Criterion)).ToArray();
        var up = target.Rank < question.Grade!.Rank;
        // Flipping any criterion of the same effect, weight and outcome moves the profile the same
        // way, so the search runs over those classes (a handful) rather than over criteria (dozens),
        // and names the first criteria of each class in rulebook order.
        var classes = Enumerable.Range(0, criteria.Count)
            .Where(i => Helps(rulebook.Effects[effect[i]].Direction, criteria[i].Met, up))
            .GroupBy(i => (effect[i], criteria[i].Criterion.Weight, criteria[i].Met))
            .Select(g => g.ToArray())
            .ToArray();
        var counts = new int[rulebook.Effects.Count];
        var weights = new int[rulebook.Effects.Count];
        for (var i = 0; i < criteria.Count; i++)
        {
            if (!criteria[i].Met) continue;
            counts[effect[i]]++;
            weights[effect[i]] += criteria[i].Criterion.Weight;
        }
        var (findings, kinds) = FindingCounts(rulebook, inspection, question.Question.Id);
        var values = ValuesOf(rulebook, question);
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
                if (runtime.Grade(OutcomeProfile.Of(question.Question.Id, counts, weights, findings, kinds, values)) == target.Rank)
                {
                    results.Add(classes.SelectMany((members, k) => members.Take(taken[k])).Order()
                        .Select(i => Change(compiled, criteria[i], inspection)).ToList());
                }
                return;
            }
            for (var k = from; k < classes.Length; k++)
            {
                if (taken[k] == classes[k].Length) continue;
                var sample = classes[k][0];
                var e = effect[sample];
                var sign = criteria[sample].Met ? -1 : 1;
                taken[k]++;
                counts[e] += sign;
                weights[e] += sign * criteria[sample].Criterion.Weight;
                Search(k, remaining - 1);
                counts[e] -= sign;
                weights[e] -= sign * criteria[sample].Criterion.Weight;
                taken[k]--;
                if (results.Count == MaxAlternatives) return;
            }
        }
    }

    private static int EffectIndex(Rulebook rulebook, Criterion criterion)
    {
        for (var i = 0; i < rulebook.Effects.Count; i++)
        {
            if (rulebook.Effects[i].Id == criterion.EffectId) return i;
        }
        throw new InvalidOperationException($"engine error: criterion `{criterion.Id}` has an undeclared effect");
    }

    /// <summary>The question's findings, in all and per kind: criterion flips leave them as they are.</summary>
    internal static (int All, int[] Kinds) FindingCounts(Rulebook rulebook, Inspection inspection, string questionId)
    {
        var kinds = new int[rulebook.Codebook.Kinds.Count];
        var all = 0;
        foreach (var f in inspection.Findings.Where(f => f.QuestionId == questionId))
        {
            all++;
            for (var k = 0; k < kinds.Length; k++)
            {
                if (rulebook.Codebook.Kinds[k].Id == f.Kind) kinds[k]++;
            }
        }
        return (all, kinds);
    }

    /// <summary>The question's named values by index among the rulebook's value ids, as computed: criterion flips leave them as they are.</summary>
    internal static decimal?[]? ValuesOf(Rulebook rulebook, QuestionResult question)
    {
        if (question.Values.Count == 0) return null;
        var values = new decimal?[rulebook.Values.Ids.Count];
        foreach (var v in question.Values) values[rulebook.Values.IndexOf(v.Definition.Id)] = v.Value;
        return values;
    }

    /// <summary>Whether flipping a criterion of this direction and outcome moves the grade up (or, for <paramref name="up"/> false, down).</summary>
    private static bool Helps(Direction direction, bool met, bool up) => direction switch
    {
        Direction.Better => up != met,
        Direction.Worse => up == met,
        Direction.Neutral => false,
        _ => throw new System.Diagnostics.UnreachableException(direction.ToString()),
    };

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

    /// <summary>
    /// The fewest question grades that would have to differ for the overall grade to be <paramref name="target"/>; none when
    /// it is not graded. The inspection's findings stay as they are: where a limit on them caps the overall grade, no
    /// change of question grades lifts it, and none is offered.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<QuestionChange>> ForOverall(CompiledRulebook compiled, GradingResult result, Grade target)
    {
        if (compiled.Rollup is not { } rollup || result.Overall is null) return [];
        var findings = OutcomeProfile.OfInspection(result.Rulebook.Codebook, result.Inspection.Findings);
        var scale = result.Rulebook.Scale;
        var graded = result.Questions.Where(q => q.IsGraded).ToList();
        var ranks = graded.Select(q => q.Grade!.Rank).ToArray();
        // Grades carried from an earlier inspection count as they are: no change of this inspection's evidence moves them.
        var carried = result.Questions.Where(q => !q.IsGraded && q.Carried is not null)
            .Select(q => new QuestionGradeFact(q.Question.Id, q.Carried!.Grade.Rank, -1, Empty)).ToList();
        var results = new List<IReadOnlyList<QuestionChange>>();
        for (var size = 1; size <= Math.Min(2, ranks.Length) && results.Count == 0; size++)
        {
            foreach (var changed in Combinations(ranks.Length, size))
            {
                foreach (var assignment in Assignments(changed, ranks, scale.Grades.Count))
                {
                    var facts = ranks.Select((r, i) => new QuestionGradeFact(graded[i].Question.Id, assignment.GetValueOrDefault(i, r), -1, Empty)).Concat(carried).ToList();
                    if (rollup.Grade(facts, findings) != target.Rank) continue;
                    results.Add(changed.Select(i => new QuestionChange(graded[i].Question, scale[ranks[i]], scale[assignment[i]])).ToList());
                    if (results.Count == MaxAlternatives) return results;
                }
            }
        }
        return results;
    }

    private static readonly OutcomeProfile Empty = OutcomeProfile.Of("", [], []);

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
