namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>One findings file graded under both rulebooks: each question (in rulebook order) and the overall grade.</summary>
public sealed record InspectionRegrade(
    string Id,
    string Force,
    string File,
    IReadOnlyList<QuestionRegrade> Questions,
    OverallRegrade Overall)
{
    /// <summary>Question grades and the overall grade that differ.</summary>
    public int GradeChanges => Questions.Count(q => q.Changed) + (Overall.Changed ? 1 : 0);
}
