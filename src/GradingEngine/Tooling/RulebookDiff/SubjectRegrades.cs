namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>The grade changes of one question (or of the overall grade) over every inspection regraded.</summary>
public sealed record SubjectRegrades(string Subject, IReadOnlyList<GradeTransition> Transitions)
{
    /// <summary>The inspections in which this grade changed.</summary>
    public int Inspections => Transitions.Sum(t => t.Inspections);
}
