using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>A proposed grade that differs from the computed one, and by how many grades.</summary>
public sealed record Disagreement(BatchInspection Inspection, string Subject, Grade Proposed, Grade Computed)
{
    public int Distance => Math.Abs(Proposed.Rank - Computed.Rank);
}
