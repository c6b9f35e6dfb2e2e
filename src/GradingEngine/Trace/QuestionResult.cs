using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>One question's result: a grade with its reason, or not graded with its reason; and every criterion's outcome.</summary>
public sealed record QuestionResult(Question Question, GradeDecision? Decision, NotGraded? NotGraded, IReadOnlyList<CriterionOutcome> Criteria)
{
    /// <summary>The grade, or null when the question is not graded.</summary>
    public Grade? Grade => Decision?.Grade;

    public bool IsGraded => Decision is not null;

    /// <summary>
    /// The grade carried from an earlier inspection for a question not graded here (findings.yaml `carried:`), which the
    /// roll-up counts in its place; null when none.
    /// </summary>
    public CarriedGrade? Carried { get; init; }

    /// <summary>The grade the roll-up counts: the question's own, else the one carried; null when neither.</summary>
    public Grade? RollupGrade => Grade ?? Carried?.Grade;

    /// <summary>The question's named values (values.yaml) as computed from its findings, in the rulebook's order; empty when it has none.</summary>
    public IReadOnlyList<ComputedValue> Values { get; init; } = [];
}
