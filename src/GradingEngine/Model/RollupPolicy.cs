using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// How question grades combine into the overall grade: the table, the limits applied after it, and what a question
/// that is not graded does. A rulebook without one grades questions only.
/// </summary>
public sealed record RollupPolicy(GradeTable Table, IReadOnlyList<Limit> Limits, UngradedPolicy Ungraded, int MinimumGraded, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>
    /// Whether a findings file may carry the grade of a question not inspected from an earlier inspection
    /// (`ungraded-questions: carried-grades: true`), for the roll-up to count in its place.
    /// </summary>
    public bool CarriedGrades { get; init; }
}
