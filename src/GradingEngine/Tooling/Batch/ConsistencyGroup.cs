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
    IReadOnlyList<ConsistencyMember> Members);
