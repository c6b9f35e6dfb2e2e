using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>One question's coverage: its criteria, the rows of the threshold table it uses, and its limits.</summary>
/// <param name="ExercisedBy">The cases that count for this question (see <see cref="RuleTestRunner"/>).</param>
public sealed record QuestionCoverage(
    Question Question,
    IReadOnlyList<string> ExercisedBy,
    IReadOnlyList<CriterionCoverage> Criteria,
    TableCoverage Thresholds,
    IReadOnlyList<LimitCoverage> Limits)
{
    public CoverageFigure CriteriaFigure => new(Criteria.Count(c => c.Covered), Criteria.Count);
}
