namespace GradingEngine.Check.Analysis;

/// <summary>What the exhaustive analysis of one grade table for one subject (a question, or overall) covered.</summary>
public sealed record TableAnalysis(string Subject, string Table, long SpaceSize, bool Exhaustive, IReadOnlyList<string> GradesProduced)
{
    /// <summary>Named values the table reads whose direction the rulebook does not declare: monotonicity in them was not checked.</summary>
    public IReadOnlyList<string> UncheckedValues { get; init; } = [];

    /// <summary>Whether a named value the table reads can be undefined, so that the question can be not graded.</summary>
    public bool MayBeNotGraded { get; init; }

    /// <summary>For the roll-up: whether it counts the inspection's findings, so its space holds findings counts beside question grades.</summary>
    public bool CountsFindings { get; init; }
}
