namespace GradingEngine.Model;

/// <summary>What a question that is not graded does to the overall grade.</summary>
public enum UngradedPolicy
{
    /// <summary>The cautious default: the overall is not graded either.</summary>
    OverallNotGraded,

    /// <summary>The overall is graded on the graded questions, when at least a minimum of them are.</summary>
    GradeTheRest,
}
