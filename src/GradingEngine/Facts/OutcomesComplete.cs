namespace GradingEngine.Facts;

/// <summary>
/// One per session, inserted once the criteria have fired: profiles and the roll-up match it, so a
/// profile sums the complete set of its question's outcomes and no grade depends on firing order.
/// </summary>
internal sealed class OutcomesComplete
{
}
