namespace GradingEngine.Tooling.RuleTests;

/// <summary>What an expectation is about: a grade, or a criterion expected met or not met.</summary>
public enum ExpectationKind
{
    Grade,
    Met,
    NotMet,
}
