using GradingEngine.Model;

namespace GradingEngine.Trace;

public sealed record QuestionResult(Question Question, GradeDecision Decision, IReadOnlyList<CriterionOutcome> Criteria)
{
    public Grade Grade => Decision.Grade;
}
