namespace GradingEngine.Tooling.RuleTests;

/// <summary>Every case of a rulebook's `tests/*.yaml`, files in name order and cases in file order.</summary>
public sealed record RuleTestSuite(string Directory, IReadOnlyList<string> Files, IReadOnlyList<RuleTestCase> Cases);
