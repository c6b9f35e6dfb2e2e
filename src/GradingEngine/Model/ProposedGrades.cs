using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// Grades an inspector proposes, by question id and `overall`, with where each was written; <see cref="NotGradedId"/>
/// proposes that there is not enough evidence to grade it.
/// </summary>
public sealed record ProposedGrades(IReadOnlyDictionary<string, (string GradeId, SourceSpan Span)> Grades)
{
    public const string OverallKey = "overall";

    /// <summary>What a proposed or expected grade says when the question (or the overall judgement) cannot be graded.</summary>
    public const string NotGradedId = "not-graded";
}
