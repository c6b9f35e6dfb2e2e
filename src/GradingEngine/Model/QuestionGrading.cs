namespace GradingEngine.Model;

/// <summary>
/// What grades a question (thresholds.yaml): the threshold table, the evidence a grade requires, and the limits applied
/// after the table. Each has a default for every question and may be replaced for a question by id.
/// </summary>
public sealed record QuestionGrading(
    GradeTable DefaultThresholds,
    IReadOnlyDictionary<string, GradeTable> QuestionThresholds,
    IReadOnlyList<Requirement> DefaultRequirements,
    IReadOnlyDictionary<string, IReadOnlyList<Requirement>> QuestionRequirements,
    IReadOnlyList<Limit> DefaultLimits,
    IReadOnlyDictionary<string, IReadOnlyList<Limit>> QuestionLimits)
{
    public GradeTable ThresholdsFor(string questionId) =>
        QuestionThresholds.TryGetValue(questionId, out var table) ? table : DefaultThresholds;

    public IReadOnlyList<Requirement> RequirementsFor(string questionId) =>
        QuestionRequirements.TryGetValue(questionId, out var requirements) ? requirements : DefaultRequirements;

    public IReadOnlyList<Limit> LimitsFor(string questionId) =>
        QuestionLimits.TryGetValue(questionId, out var limits) ? limits : DefaultLimits;
}
