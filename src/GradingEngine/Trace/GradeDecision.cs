using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>
/// A grade and the reason: which row of which table decided it, the values that row saw, and the limits that held
/// after it (a limit that moved the grade names why the grade is not the row's).
/// </summary>
/// <param name="Grade">The grade given: the row's, moved by any limit that held.</param>
/// <param name="RowGrade">The grade the row alone would give.</param>
public sealed record GradeDecision(
    Grade Grade,
    Grade RowGrade,
    GradeRule Rule,
    int RuleIndex,
    string Table,
    IReadOnlyList<KeyValuePair<string, int>> Values,
    IReadOnlyList<LimitApplied> Limits)
{
    /// <summary>The limit that set the grade, when one moved it off the row's.</summary>
    public LimitApplied? LimitedBy => Limits.LastOrDefault(l => l.SetGrade);

    /// <summary>For an overall grade given on the graded questions only (`grade-the-rest`): the questions left out.</summary>
    public IReadOnlyList<string> UngradedQuestions { get; init; } = [];

    /// <summary>For an overall grade: the questions not graded here whose earlier grades it counted (findings.yaml `carried:`).</summary>
    public IReadOnlyList<CarriedGrade> CarriedQuestions { get; init; } = [];
}
