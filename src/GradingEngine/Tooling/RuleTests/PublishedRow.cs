using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// One row of published grades: each question's grade in rulebook order (null where the table gives none) and the
/// overall grade (null when none is given, and then nothing to test).
/// </summary>
/// <param name="Name">The row's label columns joined, e.g. `Kent Police 2016`, or its line when the table names no label.</param>
/// <param name="Span">The row's line in the CSV file.</param>
public sealed record PublishedRow(string Name, SourceSpan Span, IReadOnlyList<Grade?> Questions, Grade? Overall)
{
    /// <summary>Whether every question's grade is given.</summary>
    public bool IsFull => Questions.All(g => g is not null);
}
