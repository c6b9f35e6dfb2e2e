using GradingEngine.Compile;
using GradingEngine.Grading;
using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Regrades one coding with the other's version of some disagreements: the other coder's finding in place
/// of this coder's (keeping this coder's id), this coder's finding dropped, or the other's added. Grades
/// only, without outlooks; each set is graded once. One per pair of codings, used by one thread.
/// </summary>
internal sealed class CodingRegrader
{
    private readonly CompiledRulebook _rulebook;
    private readonly Dictionary<string, IReadOnlyDictionary<string, Grade?>> _graded = new(StringComparer.Ordinal);

    public CodingRegrader(CompiledRulebook rulebook, Inspection a, Inspection b)
    {
        _rulebook = rulebook;
        A = a;
        B = b;
        GradesA = Grade(a);
        GradesB = Grade(b);
    }

    public Inspection A { get; }

    public Inspection B { get; }

    /// <summary>Each subject's grade; null where the coding leaves it not graded.</summary>
    public IReadOnlyDictionary<string, Grade?> GradesA { get; }

    public IReadOnlyDictionary<string, Grade?> GradesB { get; }

    /// <summary>Questions in rulebook order, then `overall` when the rulebook rolls up.</summary>
    public IReadOnlyList<string> Subjects => _rulebook.Rulebook.Rollup is null
        ? [.. _rulebook.Rulebook.Questions.Select(q => q.Id)]
        : [.. _rulebook.Rulebook.Questions.Select(q => q.Id), ProposedGrades.OverallKey];

    /// <summary>A grade's id, or `not-graded`: what two codings are compared on.</summary>
    public static string IdOf(Grade? grade) => grade?.Id ?? ProposedGrades.NotGradedId;

    /// <summary>
    /// The grades of A with B's version of <paramref name="set"/> (<paramref name="towardB"/>), or of B with A's.
    /// With <paramref name="question"/>, only that question's findings are graded, which is all its grade reads.
    /// </summary>
    public IReadOnlyDictionary<string, Grade?> GradesWith(bool towardB, IReadOnlyList<CodingDisagreement> set, string? question = null)
    {
        var ids = string.Join(",", set.Select(d => d.Id));
        var side = towardB ? "A+B:" : "B+A:";
        if (_graded.TryGetValue(side + ids, out var whole)) return whole;
        var key = side + ids + "|" + question;
        if (_graded.TryGetValue(key, out var graded)) return graded;
        var inspection = With(towardB, set);
        if (question is not null)
        {
            inspection = inspection with { Findings = [.. inspection.Findings.Where(f => f.QuestionId == question)] };
        }
        graded = Grade(inspection);
        _graded[question is null ? side + ids : key] = graded;
        return graded;
    }

    private Inspection With(bool towardB, IReadOnlyList<CodingDisagreement> set)
    {
        var target = towardB ? A : B;
        var findings = target.Findings.ToList();
        foreach (var d in set)
        {
            var (mine, theirs) = towardB ? (d.A, d.B) : (d.B, d.A);
            if (mine is not null) findings.RemoveAll(f => f.Id == mine.Id);
            // `:` is not allowed in finding ids, so an added finding can never take the id of one already there.
            if (theirs is not null) findings.Add(theirs with { Id = mine?.Id ?? (towardB ? "B:" : "A:") + theirs.Id });
        }
        return target with { Findings = findings };
    }

    private IReadOnlyDictionary<string, Grade?> Grade(Inspection inspection)
    {
        var result = Grader.Grade(_rulebook, inspection, outlooks: false);
        var grades = result.Questions.ToDictionary(q => q.Question.Id, q => q.Grade, StringComparer.Ordinal);
        if (result.HasOverall) grades[ProposedGrades.OverallKey] = result.Overall?.Grade;
        return grades;
    }
}
