namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Why a question (or the overall grade) differs between the codings: the smallest sets of disagreements
/// which, in B's version, give A the grade B has. <paramref name="Candidates"/> is how many disagreements
/// could matter, <paramref name="Tried"/> how many sets were regraded, <paramref name="AllTogether"/>
/// whether B's version of every candidate gives it, and <paramref name="BothWays"/> whether A's version of
/// the first set found also gives B the grade A has.
/// </summary>
internal sealed record Explanation(
    SubjectGrades Grades,
    ExplanationEnd End,
    IReadOnlyList<IReadOnlyList<CodingDisagreement>> Sets,
    int Candidates,
    int Tried,
    bool AllTogether,
    bool BothWays)
{
    public int Size => Sets.Count == 0 ? 0 : Sets[0].Count;
}
