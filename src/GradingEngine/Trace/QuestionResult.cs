using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>One question's result: a grade with its reason, or not graded with its reason; and every criterion's outcome.</summary>
public sealed record QuestionResult(Question Question, GradeDecision? Decision, NotGraded? NotGraded, IReadOnlyList<CriterionOutcome> Criteria)
{
    /// <summary>The grade, or null when the question is not graded.</summary>
    public Grade? Grade => Decision?.Grade;

    public bool IsGraded => Decision is not null;

    /// <summary>The question's named values (values.yaml) as computed from its findings, in the rulebook's order; empty when it has none.</summary>
    public IReadOnlyList<ComputedValue> Values { get; init; } = [];
}
