namespace GradingEngine.Tooling.RuleTests;

/// <summary>What a case expects: grades (in rulebook order, `overall` last), then criteria met and not met as written.</summary>
public sealed record RuleTestExpectation(
    IReadOnlyList<ExpectedGrade> Grades,
    IReadOnlyList<ExpectedCriterion> Met,
    IReadOnlyList<ExpectedCriterion> NotMet);
