namespace GradingEngine.Tooling.Agreement;

/// <summary>How much a disagreement of several steps on an ordinal scale counts against a weighted kappa.</summary>
internal enum KappaWeights
{
    /// <summary>Each step apart counts the same: |i - j|.</summary>
    Linear,

    /// <summary>Steps apart count squared, (i - j)²: far disagreements weigh much more than near ones.</summary>
    Quadratic,
}
