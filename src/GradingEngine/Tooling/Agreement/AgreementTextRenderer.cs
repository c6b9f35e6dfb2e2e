using System.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Render;
using static GradingEngine.Tooling.Agreement.AgreementWords;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// The agreement report for a terminal: grades side by side, figures, the disagreements that matter, then every passage.
/// Every value goes through <see cref="TextOutput"/>, which shows control characters as escapes.
/// </summary>
internal static class AgreementTextRenderer
{
    public static string Render(AgreementReport report)
    {
        var o = new TextOutput();
        var rulebook = report.Rulebook;
        if (report.Sample is { } sample)
        {
            o.Line($"Coder agreement over a sample of {ReportParts.Plural(report.PairCount, "pair")}");
            o.Line($"Rulebook {rulebook.Id} {rulebook.Version} (sha256:{rulebook.ContentHash[..12]})");
            o.Line();
            o.Line($"Grades the two codings agree on");
            foreach (var t in sample.Grades) o.Line($"  {t.Subject,-9} {t.Grades.Agreed} of {t.Grades.Items} pairs");
            var differing = report.Comparisons.Where(c => c.GradesDiffer).Select(c => c.Name).ToList();
            o.Wrapped("  pairs whose grades differ: ", differing.Count == 0 ? "none" : string.Join(", ", differing));
            o.Line();
            o.Line($"Pooled over every pair:");
            Figures(o, sample.Figures);
            foreach (var c in report.Comparisons)
            {
                o.Line($"==== pair {c.Name}");
                Comparison(o, rulebook, c);
            }
            return o.ToString();
        }
        o.Line($"Coder agreement: {report.Comparisons[0].Name}");
        o.Line($"Rulebook {rulebook.Id} {rulebook.Version} (sha256:{rulebook.ContentHash[..12]})");
        Comparison(o, rulebook, report.Comparisons[0]);
        return o.ToString();
    }

    private static void Comparison(TextOutput o, Rulebook rulebook, CodingComparison c)
    {
        o.Line($"  A  {c.A.Path.Replace('\\', '/')}: inspection {c.A.Id}, {ReportParts.Plural(c.A.Findings.Count, "finding")}");
        o.Line($"  B  {c.B.Path.Replace('\\', '/')}: inspection {c.B.Id}, {ReportParts.Plural(c.B.Findings.Count, "finding")}");
        o.Wrapped("", Basis(c));
        o.Line();
        o.Line($"Grades");
        var width = c.Grades.Max(g => Math.Max(Grade(rulebook, g.AId).Length, Grade(rulebook, g.BId).Length)) + 2;
        foreach (var g in c.Grades)
        {
            var row = FormattableString.Invariant($"  {g.Subject,-9} A {Grade(rulebook, g.AId).PadRight(width)}B {Grade(rulebook, g.BId).PadRight(width)}{(g.Differ ? "differ" : "")}");
            o.Line($"{row.TrimEnd()}");
        }
        o.Line();
        Figures(o, c.Figures);
        Impacts(o, rulebook, c);
        Explanations(o, rulebook, c);
        Passages(o, c);
    }

    private static void Figures(TextOutput o, IReadOnlyList<SubjectFigures> figures)
    {
        o.Line($"Findings and passages");
        o.Line($"  {"",-9} {"A",4} {"B",4} {"both",6} {"only A",7} {"only B",7}");
        foreach (var f in figures) o.Line($"  {f.Subject,-9} {f.FindingsA,4} {f.FindingsB,4} {f.Passages,6} {f.OnlyA,7} {f.OnlyB,7}");
        o.Line();
        o.Line($"Indicator choice on passages both coded (Cohen's kappa; n: passages)");
        foreach (var f in figures) o.Line($"  {f.Subject,-9} n {f.Indicators.Items,3}  agree {Percent(f.Indicators.Percent),6}  kappa {Kappa(f.Indicators.Kappa)}");
        o.Line();
        o.Line($"Judgements on the same indicator (weighted kappa, linear and quadratic weights; n: passages)");
        foreach (var f in figures)
        {
            if (f.Judgements.Count == 0) o.Line($"  {f.Subject,-9} n   0");
            foreach (var j in f.Judgements)
            {
                o.Line($"  {f.Subject,-9} n {j.Items,3}  agree {Percent(j.Percent),6}  linear {Kappa(j.Linear),6}  quadratic {Kappa(j.Quadratic),6}  scale {j.Scale}");
            }
        }
        o.Line();
        o.Line($"Values of number and yes-no indicators on the same indicator (n: passages)");
        foreach (var f in figures) o.Line($"  {f.Subject,-9} n {f.Values.Items,3}  agree {Percent(f.Values.Percent),6}");
        o.Line();
        o.Line($"A kappa is n/a when there are no items, or when both coders put every item in one category.");
        o.Line();
    }

    private static void Impacts(TextOutput o, Rulebook rulebook, CodingComparison c)
    {
        var changing = c.Impacts.Where(i => i.ChangesGrades).ToList();
        o.Line($"Disagreements that change a grade ({changing.Count} of {c.Disagreements.Count}, most grades changed first)");
        if (changing.Count == 0) o.Line($"  none");
        foreach (var impact in changing)
        {
            Disagreement(o, impact.Disagreement);
            o.Wrapped("      A with B's version: ", Shifts(rulebook, impact.OnA, "B"), "        ");
            o.Wrapped("      B with A's version: ", Shifts(rulebook, impact.OnB, "A"), "        ");
        }
        var quiet = c.Impacts.Where(i => !i.ChangesGrades).Select(i => i.Disagreement.Id).ToList();
        if (quiet.Count > 0) o.Wrapped("  Change no grade: ", string.Join(", ", quiet));
        o.Line();
    }

    private static void Disagreement(TextOutput o, CodingDisagreement d)
    {
        o.Line($"  {d.Id,-4}{string.Join(", ", d.Questions)}: {Describe(d.Kind)}");
        if (d.A is { } a)
        {
            o.Wrapped("      A ", Finding(a), "        ");
            o.Wrapped("        \"", a.Quote + "\"", "         ");
        }
        if (d.B is { } b)
        {
            o.Wrapped("      B ", Finding(b), "        ");
            o.Wrapped("        \"", b.Quote + "\"", "         ");
        }
    }

    private static void Explanations(TextOutput o, Rulebook rulebook, CodingComparison c)
    {
        if (c.Explanations.Count == 0) return;
        o.Line($"Why the grades differ (smallest sets of disagreements that give A the grade B gives)");
        foreach (var e in c.Explanations) o.Wrapped($"  {e.Grades.Subject,-9}", WhyDiffers(rulebook, e), new string(' ', 11));
        o.Line();
    }

    private static void Passages(TextOutput o, CodingComparison c)
    {
        o.Line($"Passages both coded ({c.Alignment.Pairs.Count})");
        foreach (var p in c.Alignment.Pairs)
        {
            var id = c.DisagreementOf(p)?.Id ?? "";
            var what = p.Kind switch
            {
                PairKind.Agree => $"{p.A.IndicatorId} = {p.A.ValueText}",
                PairKind.ValueDiffers => $"{p.A.IndicatorId} = {p.A.ValueText} / {p.B.ValueText}",
                PairKind.IndicatorDiffers => $"{p.A.IndicatorId} = {p.A.ValueText} / {p.B.IndicatorId} = {p.B.ValueText}",
                _ => throw new UnreachableException(p.Kind.ToString()),
            };
            o.Wrapped($"  {id,-4}{p.A.Id} {(p.Kind == PairKind.Agree ? "=" : "~")} {p.B.Id}  ", $"{what}{Lines(p)}", "        ");
        }
        Only(o, c, "A", c.Alignment.OnlyA);
        Only(o, c, "B", c.Alignment.OnlyB);
    }

    private static string Lines(AlignedPair p) => p.A.QuoteAt is { } at ? $" ({at.LinesText})" : "";

    private static void Only(TextOutput o, CodingComparison c, string coder, IReadOnlyList<Finding> findings)
    {
        o.Line($"Only {coder} coded ({findings.Count})");
        foreach (var f in findings) o.Wrapped($"  {c.DisagreementOf(f)?.Id,-4}", Finding(f), "      ");
    }
}
