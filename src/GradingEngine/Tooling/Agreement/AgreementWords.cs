using System.Diagnostics;
using System.Globalization;
using GradingEngine.Model;
using GradingEngine.Render;

namespace GradingEngine.Tooling.Agreement;

/// <summary>What every agreement renderer says the same way: names, figures and the sentences that explain a grade.</summary>
internal static class AgreementWords
{
    /// <summary>`value`, `indicator`, `only-a`, `only-b`: the JSON names of disagreement kinds.</summary>
    public static string Id(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Value => "value",
        DisagreementKind.Indicator => "indicator",
        DisagreementKind.OnlyA => "only-a",
        DisagreementKind.OnlyB => "only-b",
        _ => throw new UnreachableException(kind.ToString()),
    };

    public static string Describe(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Value => "another judgement or value",
        DisagreementKind.Indicator => "another indicator",
        DisagreementKind.OnlyA => "only A coded it",
        DisagreementKind.OnlyB => "only B coded it",
        _ => throw new UnreachableException(kind.ToString()),
    };

    public static string Id(PairKind kind) => kind switch
    {
        PairKind.Agree => "agree",
        PairKind.ValueDiffers => "value-differs",
        PairKind.IndicatorDiffers => "indicator-differs",
        _ => throw new UnreachableException(kind.ToString()),
    };

    public static string Id(AlignmentBasis basis) => basis switch
    {
        AlignmentBasis.ReportPlace => "report-place",
        AlignmentBasis.SharedWords => "shared-words",
        _ => throw new UnreachableException(basis.ToString()),
    };

    public static string Id(ExplanationEnd end) => end switch
    {
        ExplanationEnd.Found => "found",
        ExplanationEnd.NoneUpToLimit => "none-up-to-limit",
        ExplanationEnd.Stopped => "stopped",
        _ => throw new UnreachableException(end.ToString()),
    };

    /// <summary>How quotes were put side by side, in one sentence.</summary>
    public static string Basis(CodingComparison c) => c.Alignment.Basis == AlignmentBasis.ReportPlace
        ? $"Quotes aligned by their place in {c.Report}: two findings are on one passage when their quotes share at least half the words of the shorter."
        : "No report declared: quotes aligned by the longest run of words they share (case, punctuation, hyphens and footnote numbers aside): at least half the shorter quote, and at least three words.";

    public static string Percent(double? percent) => percent is { } p ? p.ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Kappa(double? kappa) => kappa is { } k ? k.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>`Q2-03 q2.missing.risk = good (lines 4-5)`: a finding in one line, without its quote.</summary>
    public static string Finding(Finding f) =>
        $"{f.Id} {f.IndicatorId} = {f.ValueText}{(f.QuoteAt is { } at ? $" ({at.LinesText})" : "")}";

    public static string Grade(Rulebook rulebook, string gradeId) =>
        gradeId == ProposedGrades.NotGradedId ? "Not graded" : rulebook.Scale.Find(gradeId)?.Name ?? gradeId;

    /// <summary>`Q2 good -> requires improvement (B's grade)`, each shift of one side.</summary>
    public static string Shifts(Rulebook rulebook, IReadOnlyList<GradeShift> shifts, string other) =>
        shifts.Count == 0 ? "no grade changes"
        : string.Join("; ", shifts.Select(s => $"{s.Subject} {Grade(rulebook, s.From)} -> {Grade(rulebook, s.To)}{(s.ToOther ? $" ({other}'s grade)" : "")}"));

    /// <summary>What coding A would need to change to give the grade B gives, as one or two sentences.</summary>
    public static string WhyDiffers(Rulebook rulebook, Explanation e)
    {
        var grades = $"A {Grade(rulebook, e.Grades.AId)}, B {Grade(rulebook, e.Grades.BId)}";
        var searched = FormattableString.Invariant($"{ReportParts.Plural(e.Candidates, "disagreement")} could matter, {ReportParts.Plural(e.Tried, "set")} regraded");
        var together = e.Candidates == 0 ? "" : e.AllTogether
            ? $" B's version of all {ReportParts.Plural(e.Candidates, "disagreement")} together gives it."
            : $" Even B's version of all {ReportParts.Plural(e.Candidates, "disagreement")} together does not give it.";
        switch (e.End)
        {
            case ExplanationEnd.Found:
                var first = Set(e.Sets[0]);
                var others = e.Sets.Count > 1 ? FormattableString.Invariant($" Other sets of {e.Size}: {string.Join("; ", e.Sets.Skip(1).Take(4).Select(Set))}{(e.Sets.Count > 5 ? $" and {e.Sets.Count - 5} more" : "")}.") : "";
                var back = e.BothWays ? $" A's version of {(e.Size == 1 ? "it" : "them")} gives B {Grade(rulebook, e.Grades.AId)}." : "";
                return $"{grades}. A with B's version of {first} gets {Grade(rulebook, e.Grades.BId)}.{back}{others} ({searched}.)";
            case ExplanationEnd.NoneUpToLimit:
                return FormattableString.Invariant($"{grades}. No set of up to {ExplanationSearch.MaxSetSize} disagreements gives A B's grade.{together} ({searched}.)");
            case ExplanationEnd.Stopped:
                return FormattableString.Invariant($"{grades}. The search stopped after {ExplanationSearch.MaxRegrades} sets without finding one that gives A B's grade.{together} ({searched}.)");
            default:
                throw new UnreachableException(e.End.ToString());
        }
    }

    /// <summary>`D4`, `D4 and D7`, `D1, D4 and D7`.</summary>
    public static string Set(IReadOnlyList<CodingDisagreement> set) =>
        set.Count == 1 ? set[0].Id : string.Join(", ", set.Take(set.Count - 1).Select(d => d.Id)) + " and " + set[^1].Id;
}
