using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>One question's coverage: its criteria, and the rows of the threshold table it uses.</summary>
/// <param name="ExercisedBy">The cases that count for this question (see <see cref="RuleTestRunner"/>).</param>
public sealed record QuestionCoverage(
    Question Question,
    IReadOnlyList<string> ExercisedBy,
    IReadOnlyList<CriterionCoverage> Criteria,
    TableCoverage Thresholds)
{
    public CoverageFigure CriteriaFigure => new(Criteria.Count(c => c.Covered), Criteria.Count);
}
