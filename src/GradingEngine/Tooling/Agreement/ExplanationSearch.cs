using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// For a question whose grades differ, the smallest sets of disagreements that explain it: sets of one,
/// then two, then three disagreements touching the question, in order, each regraded with B's version on
/// A, until sets of one size give A the grade B has. For the overall grade, the candidates are the
/// disagreements of the questions whose grades differ. Bounded: at most <see cref="MaxSetSize"/>
/// disagreements in a set and <see cref="MaxRegrades"/> sets per grade; the result says when it stopped.
/// </summary>
internal static class ExplanationSearch
{
    public const int MaxSetSize = 3;

    public const int MaxRegrades = 500;

    public static Explanation Explain(CodingRegrader regrader, SubjectGrades grades, IReadOnlyList<CodingDisagreement> all, IReadOnlySet<string> differingQuestions)
    {
        var overall = grades.Subject == ProposedGrades.OverallKey;
        var question = overall ? null : grades.Subject;
        var candidates = all.Where(d => overall ? d.Questions.Any(differingQuestions.Contains) : d.Touches(grades.Subject)).ToList();
        var sets = new List<IReadOnlyList<CodingDisagreement>>();
        var tried = 0;
        var end = ExplanationEnd.NoneUpToLimit;
        for (var size = 1; size <= Math.Min(MaxSetSize, candidates.Count) && end == ExplanationEnd.NoneUpToLimit; size++)
        {
            foreach (var set in Combinations(candidates, size))
            {
                if (tried == MaxRegrades)
                {
                    end = ExplanationEnd.Stopped;
                    break;
                }
                tried++;
                if (Gives(regrader, towardB: true, set, question, grades.Subject, grades.B)) sets.Add(set);
            }
            if (end == ExplanationEnd.NoneUpToLimit && sets.Count > 0) end = ExplanationEnd.Found;
        }
        if (end == ExplanationEnd.Stopped && sets.Count > 0) end = ExplanationEnd.Found;
        var allTogether = candidates.Count > 0 && Gives(regrader, towardB: true, candidates, question, grades.Subject, grades.B);
        var bothWays = sets.Count > 0 && Gives(regrader, towardB: false, sets[0], question, grades.Subject, grades.A);
        return new Explanation(grades, end, sets, candidates.Count, tried, allTogether, bothWays);
    }

    private static bool Gives(CodingRegrader regrader, bool towardB, IReadOnlyList<CodingDisagreement> set, string? question, string subject, Grade? wanted) =>
        CodingRegrader.IdOf(regrader.GradesWith(towardB, set, question)[subject]) == CodingRegrader.IdOf(wanted);

    /// <summary>Sets of <paramref name="size"/> items in lexicographic order of position.</summary>
    private static IEnumerable<IReadOnlyList<T>> Combinations<T>(IReadOnlyList<T> items, int size)
    {
        var index = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. index.Select(i => items[i])];
            var k = size - 1;
            while (k >= 0 && index[k] == items.Count - size + k) k--;
            if (k < 0) yield break;
            index[k]++;
            for (var m = k + 1; m < size; m++) index[m] = index[m - 1] + 1;
        }
    }
}
