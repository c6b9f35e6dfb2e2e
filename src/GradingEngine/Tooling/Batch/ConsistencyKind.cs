namespace GradingEngine.Tooling.Batch;

/// <summary>What the inspections of a consistency group share for one question.</summary>
public enum ConsistencyKind
{
    /// <summary>Exactly the same criteria met, hence the same computed grade.</summary>
    SameCriteria,

    /// <summary>Different criteria, but as many met of each effect: identical up to weights.</summary>
    SameProfile,
}
