namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// What one disagreement does to the grades: A regraded with B's version of it (B's finding in place of
/// A's, or A's finding dropped, or B's added), and B regraded with A's version.
/// </summary>
internal sealed record DisagreementImpact(CodingDisagreement Disagreement, IReadOnlyList<GradeShift> OnA, IReadOnlyList<GradeShift> OnB)
{
    public bool ChangesGrades => OnA.Count + OnB.Count > 0;

    /// <summary>Grades changed, on both sides together; the ranking's first key.</summary>
    public int Changes => OnA.Count + OnB.Count;

    /// <summary>Grade steps moved, on both sides together; the ranking's second key.</summary>
    public int Steps => OnA.Sum(s => s.Steps) + OnB.Sum(s => s.Steps);
}
