using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>Grades an inspector proposes, by question id and `overall`, with where each was written.</summary>
public sealed record ProposedGrades(IReadOnlyDictionary<string, (string GradeId, SourceSpan Span)> Grades)
{
    public const string OverallKey = "overall";
}
