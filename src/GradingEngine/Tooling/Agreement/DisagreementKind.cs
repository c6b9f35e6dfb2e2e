namespace GradingEngine.Tooling.Agreement;

/// <summary>How two codings differ on one passage.</summary>
internal enum DisagreementKind
{
    /// <summary>Both coded it to the same indicator, with different judgements or values.</summary>
    Value,

    /// <summary>Both coded it, to different indicators.</summary>
    Indicator,

    /// <summary>Only coder A coded it.</summary>
    OnlyA,

    /// <summary>Only coder B coded it.</summary>
    OnlyB,
}
