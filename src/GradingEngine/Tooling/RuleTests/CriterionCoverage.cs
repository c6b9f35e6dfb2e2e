using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// The cases (exercising the criterion's question) in which a criterion was met and not met. It is
/// covered when both lists have a case: a test then shows it can flip.
/// </summary>
public sealed record CriterionCoverage(Criterion Criterion, IReadOnlyList<string> MetIn, IReadOnlyList<string> NotMetIn)
{
    public bool Covered => MetIn.Count > 0 && NotMetIn.Count > 0;
}
