using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>One cell of the summary: a question (or `overall`) of one inspection, proposed against computed.</summary>
public sealed record BatchGrade(string Subject, Grade? Proposed, Grade Computed)
{
    /// <summary>Null when no grade was proposed for the subject.</summary>
    public bool? Agrees => Proposed is null ? null : Proposed.Id == Computed.Id;

    /// <summary>How many grades apart proposed and computed are (0 when they agree); null when none was proposed.</summary>
    public int? Distance => Proposed is null ? null : Math.Abs(Proposed.Rank - Computed.Rank);
}
