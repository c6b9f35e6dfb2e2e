using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// A neighbouring grade: the table row that would give it, which parts of that row's condition do
/// not hold now (with the values they see), and the smallest sets of changes that would reach it.
/// </summary>
public sealed record GradeStep(
    Grade Grade,
    GradeRule Rule,
    int RuleIndex,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<IReadOnlyList<CriterionChange>> CriterionChanges,
    IReadOnlyList<IReadOnlyList<QuestionChange>> QuestionChanges)
{
    /// <summary>
    /// The named values the row reads (values.yaml): the findings themselves set them, so no change of criterion outcomes
    /// may reach the row, and the reports say what would.
    /// </summary>
    public IReadOnlyList<string> ValuesRead { get; init; } = [];
}
