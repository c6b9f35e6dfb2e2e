namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>Why a criterion is listed among the causes of a grade change.</summary>
public enum CauseKind
{
    /// <summary>Met under one rulebook and not the other (an absent criterion counts as not met).</summary>
    OutcomeChanged,

    /// <summary>Met under both, but it contributes a different effect or weight.</summary>
    ContributionChanged,
}
