namespace GradingEngine.Tooling.Agreement;

/// <summary>What two findings on one passage agree on.</summary>
internal enum PairKind
{
    /// <summary>The same indicator with the same judgement or value.</summary>
    Agree,

    /// <summary>The same indicator, another judgement or value.</summary>
    ValueDiffers,

    /// <summary>The passage coded to different indicators.</summary>
    IndicatorDiffers,
}
