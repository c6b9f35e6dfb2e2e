namespace GradingEngine.Model;

/// <summary>What a met criterion contributes to its question's outcome profile.</summary>
public enum Effect
{
    Strength,
    AreaForImprovement,
    CauseOfConcern,
    NotablePractice,
}

public static class EffectNames
{
    public static IReadOnlyList<Effect> All { get; } = [Effect.Strength, Effect.AreaForImprovement, Effect.CauseOfConcern, Effect.NotablePractice];

    public static string Id(this Effect effect) => effect switch
    {
        Effect.Strength => "strength",
        Effect.AreaForImprovement => "area-for-improvement",
        Effect.CauseOfConcern => "cause-of-concern",
        _ => "notable-practice",
    };

    /// <summary>The profile variable group: `strengths.count`, `areas-for-improvement.weight`, ...</summary>
    public static string ProfileName(this Effect effect) => effect switch
    {
        Effect.Strength => "strengths",
        Effect.AreaForImprovement => "areas-for-improvement",
        Effect.CauseOfConcern => "causes-of-concern",
        _ => "notable-practices",
    };

    public static Effect? Parse(string id) => All.Cast<Effect?>().FirstOrDefault(e => e!.Value.Id() == id);
}
