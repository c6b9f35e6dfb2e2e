namespace GradingEngine.Tooling.Agreement;

/// <summary>A quality-assurance sample of pairs of codings, in aggregate: the figures pooled over every pair, and grade agreement per subject.</summary>
internal sealed record SampleAgreement(IReadOnlyList<SubjectFigures> Figures, IReadOnlyList<SubjectTally> Grades);
