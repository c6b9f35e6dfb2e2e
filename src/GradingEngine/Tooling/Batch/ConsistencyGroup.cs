namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Inspections whose criterion outcomes for a question are the same (or the same up to weights) but
/// whose proposed grades for it differ: like cases graded unlike. <see cref="CommonCriteria"/> are the
/// criteria every member met; for <see cref="ConsistencyKind.SameCriteria"/> that is all of them.
/// <see cref="Profile"/> counts the met criteria of each effect, in effect order.
/// </summary>
public sealed record ConsistencyGroup(
    string QuestionId,
    ConsistencyKind Kind,
    IReadOnlyList<string> CommonCriteria,
    IReadOnlyList<KeyValuePair<string, int>> Profile,
    IReadOnlyList<ConsistencyMember> Members)
{
    /// <summary>The grade proposed for more members than any other, or null when two or more grades tie for most.</summary>
    public Model.Grade? Majority
    {
        get
        {
            var counts = Members.GroupBy(m => m.Proposed.Id, StringComparer.Ordinal).Select(g => (g.First().Proposed, Count: g.Count())).OrderByDescending(c => c.Count).ToList();
            return counts.Count > 1 && counts[0].Count == counts[1].Count ? null : counts[0].Proposed;
        }
    }

    /// <summary>The members proposed another grade than the majority: every member when there is no majority.</summary>
    public IReadOnlyList<ConsistencyMember> Dissenters =>
        Majority is { } majority ? [.. Members.Where(m => m.Proposed.Id != majority.Id)] : Members;
}
