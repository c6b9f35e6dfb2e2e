namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>The kinds of rulebook item the structural diff compares, in the order it reports them.</summary>
public enum ItemKind
{
    Grade,
    Effect,
    Question,
    Area,
    JudgementScale,
    Kind,
    Indicator,
    Criterion,
    ThresholdRow,
    Requirement,
    Limit,
    RollupRow,
}
