using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// A table of published grades a rulebook's roll-up is tested against (`published:` in a test file): one row per
/// inspection, its question grades as published (some unknown) and the overall grade published with them.
/// </summary>
/// <param name="CsvFile">The CSV file the rows were read from, as its path is shown.</param>
/// <param name="UnknownReadAs">How an unknown question grade is read: as this grade, or, when null, as whichever grade
/// of the scale gives the published overall grade (the row agrees when some choice does).</param>
/// <param name="Disagree">Rows the team expects to disagree, by name: each must disagree, and every other row agree.</param>
/// <param name="File">The test file the table is declared in.</param>
/// <param name="Span">Where its `name` is written.</param>
public sealed record PublishedTable(
    string Name,
    string Description,
    string CsvFile,
    Grade? UnknownReadAs,
    IReadOnlyList<PublishedRow> Rows,
    IReadOnlyList<ExpectedDisagreement> Disagree,
    string File,
    SourceSpan Span);
