using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Two codings of one report compared: how their findings align, the agreement figures, the grades each
/// gives, every disagreement ranked by what it does to the grades, and, for each grade that differs, the
/// smallest sets of disagreements that explain it. <paramref name="Report"/> is the report quotes were
/// placed in (relative to coding A's file), null when aligned by shared words.
/// </summary>
internal sealed record CodingComparison(
    string Name,
    Inspection A,
    Inspection B,
    string? Report,
    Alignment Alignment,
    IReadOnlyList<CodingDisagreement> Disagreements,
    IReadOnlyList<SubjectFigures> Figures,
    IReadOnlyList<SubjectGrades> Grades,
    IReadOnlyList<DisagreementImpact> Impacts,
    IReadOnlyList<Explanation> Explanations)
{
    public bool GradesDiffer => Grades.Any(g => g.Differ);

    /// <summary>The disagreement a pair is, when it is one.</summary>
    public CodingDisagreement? DisagreementOf(AlignedPair pair) =>
        Disagreements.FirstOrDefault(d => ReferenceEquals(d.A, pair.A) && ReferenceEquals(d.B, pair.B));

    public CodingDisagreement? DisagreementOf(Finding finding) =>
        Disagreements.FirstOrDefault(d => ReferenceEquals(d.A, finding) || ReferenceEquals(d.B, finding));
}
