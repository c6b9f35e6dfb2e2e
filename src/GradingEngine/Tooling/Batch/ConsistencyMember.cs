using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>One inspection of a consistency group: its proposed and computed grade for the question and the criteria it met.</summary>
public sealed record ConsistencyMember(BatchInspection Inspection, Grade Proposed, Grade Computed, IReadOnlyList<string> MetCriteria);
