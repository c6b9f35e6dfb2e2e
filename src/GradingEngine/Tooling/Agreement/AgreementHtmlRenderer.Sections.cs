using System.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Render;
using static GradingEngine.Render.HtmlText;
using static GradingEngine.Tooling.Agreement.AgreementWords;

namespace GradingEngine.Tooling.Agreement;

internal static partial class AgreementHtmlRenderer
{
    private static void Figures(TextOutput o, IReadOnlyList<SubjectFigures> figures, string h)
    {
        o.Line($"<{h}>Agreement</{h}>");
        o.Line($"<div class=\"scroll\"><table class=\"passages-count\">");
        o.Line($"<caption>Findings each coder made, passages both coded, and findings only one coder made</caption>");
        o.Line($"<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\" class=\"num\">A</th><th scope=\"col\" class=\"num\">B</th><th scope=\"col\" class=\"num\">Both</th><th scope=\"col\" class=\"num\">Only A</th><th scope=\"col\" class=\"num\">Only B</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var f in figures)
        {
            o.Line($"<tr data-subject=\"{Encode(f.Subject)}\"><td>{Encode(f.Subject)}</td><td class=\"num\">{f.FindingsA}</td><td class=\"num\">{f.FindingsB}</td><td class=\"num\">{f.Passages}</td><td class=\"num\">{f.OnlyA}</td><td class=\"num\">{f.OnlyB}</td></tr>");
        }
        o.Line($"</tbody></table></div>");
        o.Line($"<p>Indicator choice on the passages both coded, with Cohen's kappa; <em>n</em> is the number of passages a figure rests on.</p>");
        o.Line($"<div class=\"scroll\"><table class=\"indicator-kappa\">");
        o.Line($"<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Agree</th><th scope=\"col\" class=\"num\">Kappa</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var f in figures)
        {
            o.Line($"<tr data-subject=\"{Encode(f.Subject)}\"><td>{Encode(f.Subject)}</td><td class=\"num\">{f.Indicators.Items}</td><td class=\"num\">{Percent(f.Indicators.Percent)}</td><td class=\"num kappa\">{Kappa(f.Indicators.Kappa)}</td></tr>");
        }
        o.Line($"</tbody></table></div>");
        o.Line($"<p>Judgements of passages coded to the same indicator, with weighted kappa (linear and quadratic weights), one table per judgement scale.</p>");
        var scales = figures.SelectMany(f => f.Judgements.Select(j => j.Scale)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (scales.Count == 0) o.Line($"<p class=\"muted\">No passage was coded to the same judgement indicator by both.</p>");
        foreach (var scale in scales)
        {
            o.Line($"<div class=\"scroll\"><table class=\"judgement-kappa\" data-scale=\"{Encode(scale)}\">");
            o.Line($"<caption>Scale <code>{Encode(scale)}</code></caption>");
            o.Line($"<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Agree</th><th scope=\"col\" class=\"num\">Linear</th><th scope=\"col\" class=\"num\">Quadratic</th></tr></thead>");
            o.Line($"<tbody>");
            foreach (var f in figures)
            {
                var j = f.Judgements.FirstOrDefault(x => x.Scale == scale);
                o.Line($"<tr data-subject=\"{Encode(f.Subject)}\"><td>{Encode(f.Subject)}</td><td class=\"num\">{j?.Items ?? 0}</td><td class=\"num\">{Percent(j?.Percent)}</td><td class=\"num\">{Kappa(j?.Linear)}</td><td class=\"num\">{Kappa(j?.Quadratic)}</td></tr>");
            }
            o.Line($"</tbody></table></div>");
        }
        o.Line($"<p>Values of number and yes-no indicators on passages coded to the same indicator.</p>");
        o.Line($"<div class=\"scroll\"><table class=\"values\">");
        o.Line($"<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Agree</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var f in figures) o.Line($"<tr data-subject=\"{Encode(f.Subject)}\"><td>{Encode(f.Subject)}</td><td class=\"num\">{f.Values.Items}</td><td class=\"num\">{Percent(f.Values.Percent)}</td></tr>");
        o.Line($"</tbody></table></div>");
        o.Line($"<p class=\"meta\">A kappa is n/a when there are no items, or when both coders put every item in one category.</p>");
    }

    private static void Impacts(TextOutput o, Rulebook rulebook, CodingComparison c, string h)
    {
        var changing = c.Impacts.Where(i => i.ChangesGrades).ToList();
        o.Line($"<{h}>Disagreements that change a grade</{h}>");
        o.Line($"<p>{changing.Count} of {ReportParts.Plural(c.Disagreements.Count, "disagreement")}, most grades changed first. Each is tried both ways: A regraded with B's version of it, and B with A's.</p>");
        if (changing.Count > 0)
        {
            o.Line($"<ol class=\"impacts\">");
            foreach (var impact in changing)
            {
                var d = impact.Disagreement;
                o.Line($"<li class=\"disagreement\" data-disagreement=\"{d.Id}\" data-kind=\"{Id(d.Kind)}\"><strong>{d.Id}</strong> {Encode(string.Join(", ", d.Questions))}: {Describe(d.Kind)}");
                o.Line($"<div class=\"sides\">");
                Side(o, c, "A", d.A);
                Side(o, c, "B", d.B);
                o.Line($"</div>");
                o.Line($"<p class=\"shift\" data-side=\"a\">A with B's version: {Encode(Shifts(rulebook, impact.OnA, "B"))}</p>");
                o.Line($"<p class=\"shift\" data-side=\"b\">B with A's version: {Encode(Shifts(rulebook, impact.OnB, "A"))}</p>");
                o.Line($"</li>");
            }
            o.Line($"</ol>");
        }
        var quiet = c.Impacts.Where(i => !i.ChangesGrades).Select(i => i.Disagreement.Id).ToList();
        if (quiet.Count > 0) o.Line($"<p>Change no grade: {string.Join(", ", quiet)}.</p>");
    }

    /// <summary>One coder's finding on a passage: the quote as written, and where it was found.</summary>
    private static void Side(TextOutput o, CodingComparison c, string coder, Finding? f)
    {
        o.Line($"<div class=\"side\" data-coder=\"{coder}\">");
        if (f is null)
        {
            o.Line($"<p>{coder}: <span class=\"muted\">not coded</span></p>");
        }
        else
        {
            o.Line($"<p>{coder}: <span class=\"fid\">{Encode(f.Id)}</span> <code>{Encode(f.IndicatorId)}</code> = <strong class=\"value\">{Encode(f.ValueText)}</strong></p>");
            o.Line($"<blockquote class=\"quote\">{Encode(f.Quote)}</blockquote>");
            if (f.QuoteAt is { } at) o.Line($"<p class=\"source found\" data-line=\"{at.Line}\">Found in {Encode(ReportParts.FoundAt(at, c.Report))}</p>");
        }
        o.Line($"</div>");
    }

    private static void Explanations(TextOutput o, Rulebook rulebook, CodingComparison c, string h)
    {
        if (c.Explanations.Count == 0) return;
        o.Line($"<{h}>Why the grades differ</{h}>");
        o.Line($"<p>For each grade that differs, the smallest sets of disagreements that give A the grade B gives (sets of up to {ExplanationSearch.MaxSetSize}, at most {ExplanationSearch.MaxRegrades} regrades).</p>");
        o.Line($"<ul class=\"explanations\">");
        foreach (var e in c.Explanations)
        {
            o.Line($"<li data-subject=\"{Encode(e.Grades.Subject)}\" data-search=\"{Id(e.End)}\"><strong>{Encode(e.Grades.Subject)}</strong>: {Encode(WhyDiffers(rulebook, e))}</li>");
        }
        o.Line($"</ul>");
    }

    private static void Passages(TextOutput o, CodingComparison c, string h)
    {
        o.Line($"<{h}>Passages both coded ({c.Alignment.Pairs.Count})</{h}>");
        o.Line($"<ul class=\"passages\">");
        foreach (var p in c.Alignment.Pairs)
        {
            var values = p.Kind switch
            {
                PairKind.Agree => $"<code>{Encode(p.A.IndicatorId)}</code> = {Encode(p.A.ValueText)}",
                PairKind.ValueDiffers => $"<code>{Encode(p.A.IndicatorId)}</code> = {Encode(p.A.ValueText)} / {Encode(p.B.ValueText)}",
                PairKind.IndicatorDiffers => $"<code>{Encode(p.A.IndicatorId)}</code> = {Encode(p.A.ValueText)} / <code>{Encode(p.B.IndicatorId)}</code> = {Encode(p.B.ValueText)}",
                _ => throw new UnreachableException(p.Kind.ToString()),
            };
            var id = c.DisagreementOf(p) is { } d ? $"<strong>{d.Id}</strong> " : "";
            var lines = p.A.QuoteAt is { } at ? $" <span class=\"muted\">{at.LinesText}</span>" : "";
            o.Line($"<li data-agreement=\"{Id(p.Kind)}\"{(p.Kind == PairKind.Agree ? "" : " class=\"differ\"")}>{id}A <span class=\"fid\">{Encode(p.A.Id)}</span>, B <span class=\"fid\">{Encode(p.B.Id)}</span>: {values}{lines}</li>");
        }
        o.Line($"</ul>");
        Only(o, c, "A", c.Alignment.OnlyA, h);
        Only(o, c, "B", c.Alignment.OnlyB, h);
    }

    private static void Only(TextOutput o, CodingComparison c, string coder, IReadOnlyList<Finding> findings, string h)
    {
        o.Line($"<{h}>Only {coder} coded ({findings.Count})</{h}>");
        if (findings.Count == 0) return;
        o.Line($"<ul class=\"findings only\" data-coder=\"{coder}\">");
        foreach (var f in findings)
        {
            o.Line($"<li class=\"finding\" data-finding=\"{Encode(f.Id)}\"><strong>{c.DisagreementOf(f)?.Id}</strong> <span class=\"fid\">{Encode(f.Id)}</span> <code>{Encode(f.IndicatorId)}</code> = <strong class=\"value\">{Encode(f.ValueText)}</strong>");
            o.Line($"<blockquote class=\"quote\">{Encode(f.Quote)}</blockquote>");
            if (f.QuoteAt is { } at) o.Line($"<p class=\"source found\" data-line=\"{at.Line}\">Found in {Encode(ReportParts.FoundAt(at, c.Report))}</p>");
            o.Line($"</li>");
        }
        o.Line($"</ul>");
    }
}
