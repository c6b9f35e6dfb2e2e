using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// One cell of the summary: a question (or `overall`) of one inspection, proposed against computed. Either side may be
/// "not graded" (<see cref="NotGraded"/>): it compares as a grade one step beyond the worst, so a disagreement about
/// whether to grade at all ranks with the larger ones.
/// </summary>
public sealed record BatchGrade(string Subject, Grade? Proposed, Grade Computed)
{
    /// <summary>"Not graded" as a cell of the batch: an outcome, not a grade of the scale.</summary>
    public static Grade NotGraded(Rulebook rulebook) =>
        new(ProposedGrades.NotGradedId, "Not graded", "not enough evidence to grade", rulebook.Scale.Grades.Count, Diagnostics.FieldSpans.None(default));

    /// <summary>Null when no grade was proposed for the subject.</summary>
    public bool? Agrees => Proposed is null ? null : Proposed.Id == Computed.Id;

    /// <summary>How many grades apart proposed and computed are (0 when they agree); null when none was proposed.</summary>
    public int? Distance => Proposed is null ? null : Math.Abs(Proposed.Rank - Computed.Rank);
}
