namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Every case and published-grades table of a rulebook's `tests/*.yaml`, files in name order and each file's entries
/// in file order.
/// </summary>
public sealed record RuleTestSuite(string Directory, IReadOnlyList<string> Files, IReadOnlyList<RuleTestCase> Cases, IReadOnlyList<PublishedTable> Published);
