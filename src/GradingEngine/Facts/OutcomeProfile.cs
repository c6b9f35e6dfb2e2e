using GradingEngine.Model;

namespace GradingEngine.Facts;

/// <summary>
/// A question's outcome profile: count and total weight of met criteria per effect. Aggregated
/// from every <see cref="CriterionMet"/> of the question, so no grade depends on firing order.
/// </summary>
internal sealed class OutcomeProfile(string questionId, int[] counts, int[] weights)
{
    public string QuestionId { get; } = questionId;
    public int StrengthsCount => counts[(int)Effect.Strength];
    public int StrengthsWeight => weights[(int)Effect.Strength];
    public int AreasForImprovementCount => counts[(int)Effect.AreaForImprovement];
    public int AreasForImprovementWeight => weights[(int)Effect.AreaForImprovement];
    public int CausesOfConcernCount => counts[(int)Effect.CauseOfConcern];
    public int CausesOfConcernWeight => weights[(int)Effect.CauseOfConcern];
    public int NotablePracticesCount => counts[(int)Effect.NotablePractice];
    public int NotablePracticesWeight => weights[(int)Effect.NotablePractice];

    public int Count(Effect effect) => counts[(int)effect];

    public int Weight(Effect effect) => weights[(int)effect];

    public static OutcomeProfile Of(string questionId, IEnumerable<CriterionMet> met)
    {
        var counts = new int[4];
        var weights = new int[4];
        foreach (var m in met)
        {
            counts[m.Effect]++;
            weights[m.Effect] += m.Weight;
        }
        return new OutcomeProfile(questionId, counts, weights);
    }

    public static OutcomeProfile Of(string questionId, ReadOnlySpan<int> counts, ReadOnlySpan<int> weights) =>
        new(questionId, counts.ToArray(), weights.ToArray());

    internal ReadOnlySpan<int> Counts => counts;

    internal ReadOnlySpan<int> Weights => weights;
}
