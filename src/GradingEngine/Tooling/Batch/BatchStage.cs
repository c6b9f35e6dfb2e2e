namespace GradingEngine.Tooling.Batch;

/// <summary>The two stages a batch reports progress for.</summary>
public enum BatchStage
{
    /// <summary>Reading and typing findings files.</summary>
    Loading,

    /// <summary>Grading the inspections of each file read, one NRules session each.</summary>
    Grading,
}
