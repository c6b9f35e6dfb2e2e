using GradingEngine.Compile;
using GradingEngine.Grading;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Rolls up each row of published grades. A row whose question grades are all known (or read as a grade) has one
/// overall grade; for a row with unknown grades read as "some grade", the roll-up agrees when some choice of them
/// gives the published overall grade. The checker has proved the roll-up monotone, so a choice is searched with
/// bounds: fixing an unknown question, the overall grade lies between the ones given with every other unknown at the
/// best grade and at the worst, and a branch whose bounds exclude the target is never entered.
/// </summary>
internal sealed class PublishedGradesRunner(CompiledRulebook rulebook)
{
    private readonly Dictionary<string, GradeDecision> _rolledUp = new(StringComparer.Ordinal);

    private GradeScale Scale => rulebook.Rulebook.Scale;

    public PublishedTableResult Run(PublishedTable table)
    {
        var expected = table.Disagree.Select(d => d.RowName).ToHashSet(StringComparer.Ordinal);
        return new PublishedTableResult(table, [.. table.Rows.Select(r => Row(table, r, expected.Contains(r.Name)))]);
    }

    private PublishedRowResult Row(PublishedTable table, PublishedRow row, bool expectedToDisagree)
    {
        var ranks = row.Questions.Select(g => g?.Rank ?? table.UnknownReadAs?.Rank ?? -1).ToArray();
        if (ranks.All(r => r >= 0))
        {
            var decision = RollUp(ranks);
            return new PublishedRowResult(row, [decision.Grade], decision, expectedToDisagree);
        }
        // Every overall grade some choice gives, so a disagreement can say what the roll-up allows instead.
        var possible = Scale.Grades.Where(g => Reaches(ranks, g.Rank, 0)).ToList();
        return new PublishedRowResult(row, possible, null, expectedToDisagree);
    }

    /// <summary>Whether some grades of the unknown questions (rank -1) from <paramref name="from"/> on give <paramref name="target"/>.</summary>
    private bool Reaches(int[] ranks, int target, int from)
    {
        var best = RollUp(Filled(ranks, 0)).Grade.Rank;
        var worst = RollUp(Filled(ranks, Scale.Grades.Count - 1)).Grade.Rank;
        if (target < best || target > worst) return false;
        if (target == best || target == worst) return true;
        var next = Array.IndexOf(ranks, -1, from);
        if (next < 0) return false;
        for (var rank = 0; rank < Scale.Grades.Count; rank++)
        {
            ranks[next] = rank;
            var found = Reaches(ranks, target, next + 1);
            ranks[next] = -1;
            if (found) return true;
        }
        return false;
    }

    private static int[] Filled(int[] ranks, int rank) => [.. ranks.Select(r => r < 0 ? rank : r)];

    /// <summary>One roll-up per combination of grades, however many rows share it.</summary>
    private GradeDecision RollUp(int[] ranks)
    {
        var key = string.Join(",", ranks);
        if (!_rolledUp.TryGetValue(key, out var decision))
        {
            decision = Grader.RollUp(rulebook, [.. ranks.Select(r => Scale[r])]);
            _rolledUp.Add(key, decision);
        }
        return decision;
    }
}
