using GradingEngine.Model;
using GradingEngine.Render;
using static GradingEngine.Render.MarkdownText;
using static GradingEngine.Tooling.Agreement.AgreementWords;

namespace GradingEngine.Tooling.Agreement;

/// <summary>The agreement report in Markdown, to paste into a quality-assurance note: the text report's content as headings and tables, every piece of user text escaped.</summary>
internal static class AgreementMarkdownRenderer
{
    public static string Render(AgreementReport report)
    {
        var o = TextOutput.ForMarkup();
        var rulebook = report.Rulebook;
        if (report.Sample is { } sample)
        {
            o.Line($"# Coder agreement over a sample of {ReportParts.Plural(report.PairCount, "pair")}");
            o.Line();
            Rulebook(o, rulebook);
            o.Line($"## Grades the two codings agree on");
            o.Line();
            o.Line($"| Subject | Pairs agreeing |");
            o.Line($"|---|---:|");
            foreach (var t in sample.Grades) o.Line($"| {Escape(t.Subject)} | {t.Grades.Agreed} of {t.Grades.Items} |");
            o.Line();
            o.Line($"## Pooled over every pair");
            o.Line();
            Figures(o, sample.Figures, "###");
            foreach (var c in report.Comparisons)
            {
                o.Line($"## Pair {Escape(c.Name, lineStart: false)}");
                o.Line();
                Comparison(o, rulebook, c, "###");
            }
            return o.ToString();
        }
        o.Line($"# Coder agreement: {Escape(report.Comparisons[0].Name, lineStart: false)}");
        o.Line();
        Rulebook(o, rulebook);
        Comparison(o, rulebook, report.Comparisons[0], "##");
        return o.ToString();
    }

    private static void Rulebook(TextOutput o, Rulebook rulebook)
    {
        o.Line($"Rulebook {Code(rulebook.Id)}, version {Escape(rulebook.Version, lineStart: false)} ({Code("sha256:" + rulebook.ContentHash[..12])}).");
        o.Line();
    }

    private static void Comparison(TextOutput o, Rulebook rulebook, CodingComparison c, string h)
    {
        o.Line($"- **A** {Code(c.A.Path.Replace('\\', '/'))}: inspection {Code(c.A.Id)}, {ReportParts.Plural(c.A.Findings.Count, "finding")}");
        o.Line($"- **B** {Code(c.B.Path.Replace('\\', '/'))}: inspection {Code(c.B.Id)}, {ReportParts.Plural(c.B.Findings.Count, "finding")}");
        o.Line();
        o.Line($"{Escape(Basis(c))}");
        o.Line();
        o.Line($"{h} Grades");
        o.Line();
        o.Line($"| Subject | A | B | |");
        o.Line($"|---|---|---|---|");
        foreach (var g in c.Grades) o.Line($"| {Escape(g.Subject)} | {Escape(Grade(rulebook, g.AId))} | {Escape(Grade(rulebook, g.BId))} | {(g.Differ ? "**differ**" : "")} |");
        o.Line();
        Figures(o, c.Figures, h);
        Impacts(o, rulebook, c, h);
        if (c.Explanations.Count > 0)
        {
            o.Line($"{h} Why the grades differ");
            o.Line();
            o.Line($"The smallest sets of disagreements that give A the grade B gives.");
            o.Line();
            foreach (var e in c.Explanations) o.Line($"- **{Escape(e.Grades.Subject, lineStart: false)}**: {Escape(WhyDiffers(rulebook, e), lineStart: false)}");
            o.Line();
        }
        Passages(o, c, h);
    }

    private static void Figures(TextOutput o, IReadOnlyList<SubjectFigures> figures, string h)
    {
        o.Line($"{h} Agreement");
        o.Line();
        o.Line($"| Subject | Findings A | Findings B | Passages both coded | Only A | Only B |");
        o.Line($"|---|---:|---:|---:|---:|---:|");
        foreach (var f in figures) o.Line($"| {Escape(f.Subject)} | {f.FindingsA} | {f.FindingsB} | {f.Passages} | {f.OnlyA} | {f.OnlyB} |");
        o.Line();
        o.Line($"Indicator choice on passages both coded (Cohen's kappa); n is the number of passages each figure rests on.");
        o.Line();
        o.Line($"| Subject | n | Agree | Kappa |");
        o.Line($"|---|---:|---:|---:|");
        foreach (var f in figures) o.Line($"| {Escape(f.Subject)} | {f.Indicators.Items} | {Percent(f.Indicators.Percent)} | {Kappa(f.Indicators.Kappa)} |");
        o.Line();
        o.Line($"Judgements on the same indicator (weighted kappa with linear and with quadratic weights).");
        o.Line();
        o.Line($"| Subject | Scale | n | Agree | Linear | Quadratic |");
        o.Line($"|---|---|---:|---:|---:|---:|");
        foreach (var f in figures)
        {
            if (f.Judgements.Count == 0) o.Line($"| {Escape(f.Subject)} | | 0 | n/a | n/a | n/a |");
            foreach (var j in f.Judgements) o.Line($"| {Escape(f.Subject)} | {Code(j.Scale)} | {j.Items} | {Percent(j.Percent)} | {Kappa(j.Linear)} | {Kappa(j.Quadratic)} |");
        }
        o.Line();
        o.Line($"Values of number and yes-no indicators on the same indicator.");
        o.Line();
        o.Line($"| Subject | n | Agree |");
        o.Line($"|---|---:|---:|");
        foreach (var f in figures) o.Line($"| {Escape(f.Subject)} | {f.Values.Items} | {Percent(f.Values.Percent)} |");
        o.Line();
        o.Line($"A kappa is n/a when there are no items, or when both coders put every item in one category.");
        o.Line();
    }

    private static void Impacts(TextOutput o, Rulebook rulebook, CodingComparison c, string h)
    {
        var changing = c.Impacts.Where(i => i.ChangesGrades).ToList();
        o.Line($"{h} Disagreements that change a grade");
        o.Line();
        o.Line($"{changing.Count} of {ReportParts.Plural(c.Disagreements.Count, "disagreement")}, most grades changed first.");
        o.Line();
        foreach (var impact in changing)
        {
            var d = impact.Disagreement;
            o.Line($"- **{d.Id}** ({Escape(string.Join(", ", d.Questions), lineStart: false)}): {Describe(d.Kind)}");
            if (d.A is { } a) Finding(o, "A", a);
            if (d.B is { } b) Finding(o, "B", b);
            o.Line($"  - A with B's version: {Escape(Shifts(rulebook, impact.OnA, "B"), lineStart: false)}");
            o.Line($"  - B with A's version: {Escape(Shifts(rulebook, impact.OnB, "A"), lineStart: false)}");
        }
        var quiet = c.Impacts.Where(i => !i.ChangesGrades).Select(i => i.Disagreement.Id).ToList();
        if (changing.Count > 0) o.Line();
        if (quiet.Count > 0)
        {
            o.Line($"Change no grade: {string.Join(", ", quiet)}.");
            o.Line();
        }
    }

    private static void Finding(TextOutput o, string coder, Finding f)
    {
        o.Line($"  - {coder}: {Escape(f.Id, lineStart: false)} {Code(f.IndicatorId)} = {Escape(f.ValueText, lineStart: false)}{(f.QuoteAt is { } at ? $", {at.LinesText}" : "")}");
        o.Line($"    > {Escape(f.Quote)}");
    }

    private static void Passages(TextOutput o, CodingComparison c, string h)
    {
        o.Line($"{h} Passages both coded ({c.Alignment.Pairs.Count})");
        o.Line();
        o.Line($"| | A | B | Indicator | A's value | B's value | Lines |");
        o.Line($"|---|---|---|---|---|---|---|");
        foreach (var p in c.Alignment.Pairs)
        {
            var indicator = p.Kind == PairKind.IndicatorDiffers ? $"{Code(p.A.IndicatorId)} / {Code(p.B.IndicatorId)}" : Code(p.A.IndicatorId);
            o.Line($"| {c.DisagreementOf(p)?.Id} | {Escape(p.A.Id)} | {Escape(p.B.Id)} | {indicator} | {Escape(p.A.ValueText)} | {Escape(p.B.ValueText)} | {p.A.QuoteAt?.LinesText} |");
        }
        o.Line();
        Only(o, c, "A", c.Alignment.OnlyA, h);
        Only(o, c, "B", c.Alignment.OnlyB, h);
    }

    private static void Only(TextOutput o, CodingComparison c, string coder, IReadOnlyList<Finding> findings, string h)
    {
        o.Line($"{h} Only {coder} coded ({findings.Count})");
        o.Line();
        if (findings.Count == 0) return;
        o.Line($"| | Finding | Indicator | Value | Lines |");
        o.Line($"|---|---|---|---|---|");
        foreach (var f in findings) o.Line($"| {c.DisagreementOf(f)?.Id} | {Escape(f.Id)} | {Code(f.IndicatorId)} | {Escape(f.ValueText)} | {f.QuoteAt?.LinesText} |");
        o.Line();
    }
}
