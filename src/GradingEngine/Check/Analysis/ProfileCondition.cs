using GradingEngine.Check.Binding;
using GradingEngine.Facts;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// A threshold condition as closures over an outcome profile: the threshold analysis evaluates every row of a table at
/// every profile its criteria can produce, on every load.
/// </summary>
internal sealed class ProfileCondition : ConditionClosures<OutcomeProfile>
{
    private static readonly ProfileCondition Instance = new();

    public static Func<OutcomeProfile, bool> Compile(BoundExpr condition) => Instance.Bool(condition);

    protected override Func<OutcomeProfile, decimal?> NumberLeaf(BoundExpr e)
    {
        if (e is not BoundProfileVariable v) throw Unexpected(e);
        var index = v.Index;
        return v.Measure switch
        {
            ProfileMeasure.Count => p => p.Count(index),
            ProfileMeasure.Weight => p => p.Weight(index),
            ProfileMeasure.Findings => p => p.Findings(index),
            ProfileMeasure.Value => p => p.Value(index),
            _ => throw Unexpected(e),
        };
    }

    /// <summary>A threshold condition reads only numbers of the profile: its judgements and texts are constants.</summary>
    protected override Func<OutcomeProfile, bool> BoolLeaf(BoundExpr e) => throw Unexpected(e);

    protected override Func<OutcomeProfile, int?> RankLeaf(BoundExpr e) => throw Unexpected(e);

    protected override Func<OutcomeProfile, string> TextLeaf(BoundExpr e) => throw Unexpected(e);
}
