using GradingEngine.Model;
using GradingEngine.Trace;
using static GradingEngine.Render.HtmlText;

namespace GradingEngine.Render;

/// <summary>
/// The grading trace as ONE self-contained HTML page for auditors: the grades at the top, each question an
/// expandable section down to its criteria and the quotes behind them, every finding once with an anchor that
/// each mention of it links to, the rule file and line of every decision linked to a line-numbered copy of the
/// rulebook inside the page (so links work offline and when the page is e-mailed), the outlook to the
/// neighbouring grades, and the record hashes. It loads nothing (inline CSS, a small inline script that only
/// enhances, a CSP that forbids the rest), lays out down to 360 px without sideways scrolling, and every piece
/// of user text is encoded. Same result, same bytes.
/// </summary>
public static partial class HtmlRenderer
{
    /// <summary>One inspection.</summary>
    public static string Render(GradingResult result) => RenderMany([result]);

    /// <summary>
    /// Several inspections on one page, one report each, in the order given; ids are prefixed `r1-`, `r2-`, ...
    /// Each distinct rulebook is copied into the page once.
    /// </summary>
    public static string RenderMany(IReadOnlyList<GradingResult> results)
    {
        if (results.Count == 0) throw new ArgumentException("at least one result is needed", nameof(results));
        var many = results.Count > 1;
        var o = TextOutput.ForMarkup();
        var first = results[0].Inspection;
        var title = many
            ? FormattableString.Invariant($"Grading reports: {results.Count} inspections")
            : $"{first.Force}: inspection {first.Id}";
        var rulebooks = results.Select(r => r.Rulebook).DistinctBy(r => r.ContentHash).ToList();
        string RulesPrefix(Rulebook rulebook) => rulebooks.Count == 1 ? "" : FormattableString.Invariant($"rb{rulebooks.FindIndex(r => r.ContentHash == rulebook.ContentHash) + 1}-");
        o.Line($"<!DOCTYPE html>");
        o.Line($"<html lang=\"en\">");
        o.Line($"<head>");
        o.Line($"<meta charset=\"utf-8\">");
        o.Line($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.Line($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Encode(HtmlAssets.ContentSecurityPolicy)}\">");
        o.Line($"<meta name=\"generator\" content=\"GradingEngine\">");
        o.Line($"<title>{Encode(title)}: grading report</title>");
        o.Line($"<style>{HtmlAssets.Style}</style>");
        o.Line($"</head>");
        o.Line($"<body>");
        o.Line($"<a class=\"skip\" href=\"#main\">Skip to the report</a>");
        o.Line($"<div class=\"toolbar\" hidden><button type=\"button\" data-action=\"expand\">Expand all</button><button type=\"button\" data-action=\"collapse\">Collapse all</button></div>");
        o.Line($"<main id=\"main\">");
        if (many)
        {
            o.Line($"<h1>{Encode(title)}</h1>");
            o.Line($"<nav aria-label=\"Inspections\"><ul>");
            for (var i = 0; i < results.Count; i++)
            {
                var inspection = results[i].Inspection;
                var overall = results[i].HasOverall ? $", overall {Encode(results[i].Overall?.Grade.Name ?? "not graded")}" : "";
                o.Line($"<li><a href=\"#r{i + 1}-report\">{Encode(inspection.Force)}: inspection {Encode(inspection.Id)}</a>{overall}</li>");
            }
            o.Line($"</ul></nav>");
        }
        for (var i = 0; i < results.Count; i++)
        {
            var prefix = many ? FormattableString.Invariant($"r{i + 1}-") : "";
            Report(o, new HtmlReportScope(results[i], prefix, RulesPrefix(results[i].Rulebook), ChartScale(results[i])));
        }
        foreach (var rulebook in rulebooks) RuleFiles(o, rulebook, RulesPrefix(rulebook));
        o.Line($"</main>");
        o.Line($"<script>{HtmlAssets.Script}</script>");
        o.Line($"</body>");
        o.Line($"</html>");
        return o.ToString();
    }

    /// <summary>The weight at the right end of every chart of a report: the largest weight or threshold mark drawn.</summary>
    private static int ChartScale(GradingResult result) =>
        Math.Max(MaxWeight(result), (int)Math.Ceiling(result.Questions.SelectMany(q => ThresholdMarks.Of(result.Rulebook, q)).Select(m => m.Value).DefaultIfEmpty(0).Max()));

    private static int MaxWeight(GradingResult result) =>
        Math.Max(1, result.Questions.Where(q => q.IsGraded)
            .SelectMany(q => result.Rulebook.Effects.Select(e => ReportParts.Value(q.Decision!, e.Plural + ".weight"))).DefaultIfEmpty(0).Max());

    private static void Report(TextOutput o, HtmlReportScope s)
    {
        var result = s.Result;
        var inspection = result.Inspection;
        o.Line($"<article class=\"report\" id=\"{s.Id("report")}\" data-inspection=\"{Encode(inspection.Id)}\">");
        o.Line($"<header>");
        o.Line($"<h1>{Encode(inspection.Force)}: inspection {Encode(inspection.Id)}</h1>");
        o.Line($"<p class=\"meta\">Graded with {Encode(result.Rulebook.Title)} (rulebook <code>{Encode(result.Rulebook.Id)}</code>, version {Encode(result.Rulebook.Version)}) from {ReportParts.Plural(inspection.Findings.Count, "finding")}. Open a question to see its criteria and the evidence behind them.</p>");
        o.Line($"</header>");
        Overview(o, s);
        o.Line($"<h2>Questions</h2>");
        foreach (var question in result.Questions)
        {
            Question(o, s, question);
        }
        Overall(o, s);
        FindingsIndex(o, s);
        Footer(o, s);
        o.Line($"</article>");
    }

    private static void Overview(TextOutput o, HtmlReportScope s)
    {
        var result = s.Result;
        o.Line($"<section class=\"overview\" aria-labelledby=\"{s.Id("overview")}\">");
        o.Line($"<h2 id=\"{s.Id("overview")}\">Grades</h2>");
        o.Line($"<table>");
        var effects = result.Rulebook.Effects;
        o.Line($"<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Title</th><th scope=\"col\">Grade</th>{string.Concat(effects.Select(e => $"<th scope=\"col\" class=\"num\">{Encode(e.Title)}</th>"))}</tr></thead>");
        o.Line($"<tbody>");
        foreach (var q in result.Questions)
        {
            // data-label heads each cell when the table is laid out as cards on a narrow screen.
            var cells = q.Decision is { } decision
                ? string.Concat(effects.Select(e => FormattableString.Invariant(
                    $"<td class=\"num\" data-label=\"{Encode(e.Title)}\">{ReportParts.Value(decision, e.Plural + ".count")} <span class=\"muted\">({ReportParts.Value(decision, e.Plural + ".weight")})</span></td>")))
                : $"<td colspan=\"{effects.Count}\" class=\"muted\">{Encode(q.NotGraded!.Reason)}</td>";
            o.Line($"<tr data-question=\"{Encode(q.Question.Id)}\" data-grade=\"{Encode(q.Grade?.Id ?? ProposedGrades.NotGradedId)}\"><td class=\"qid\"><a href=\"#{s.Id("q-" + q.Question.Id)}\">{Encode(q.Question.Id)}</a></td><td class=\"title\">{Encode(q.Question.Title)}</td><td class=\"grade-cell\">{GradeBadge(result.Rulebook, q.Grade)}</td>{cells}</tr>");
        }
        if (result.HasOverall)
        {
            o.Line($"<tr class=\"overall-row\" data-question=\"overall\" data-grade=\"{Encode(result.Overall?.Grade.Id ?? ProposedGrades.NotGradedId)}\"><td class=\"qid\"><a href=\"#{s.Id("overall")}\">Overall</a></td><td class=\"title\"></td><td class=\"grade-cell\">{GradeBadge(result.Rulebook, result.Overall?.Grade)}</td><td colspan=\"{effects.Count}\"></td></tr>");
        }
        o.Line($"</tbody>");
        o.Line($"</table>");
        o.Line($"<p class=\"meta\">Counts are criteria met, with their total weight in brackets. {(result.NotConsidered.Count == 0 ? "Every finding was read by at least one criterion." : $"{ReportParts.Plural(result.NotConsidered.Count, "finding")} no criterion read: listed under each question.")}</p>");
        o.Line($"</section>");
    }

    /// <summary>The grade name with its id as data; the colour comes from its rank on the scale. No grade: "Not graded".</summary>
    internal static string GradeBadge(Rulebook rulebook, Grade? grade) => grade is null
        ? $"<span class=\"grade not-graded\" data-grade=\"{ProposedGrades.NotGradedId}\">Not graded</span>"
        : $"<span class=\"grade rank-{RankClass(rulebook, grade)}\" data-grade=\"{Encode(grade.Id)}\">{Encode(grade.Name)}</span>";

    /// <summary>0 best to 3 worst, spread over scales of any length, for the four grade colours.</summary>
    private static int RankClass(Rulebook rulebook, Grade grade)
    {
        var last = Math.Max(1, rulebook.Scale.Grades.Count - 1);
        return Math.Clamp((int)Math.Round(grade.Rank * 3.0 / last, MidpointRounding.AwayFromZero), 0, 3);
    }

    private static void Footer(TextOutput o, HtmlReportScope s)
    {
        var rulebook = s.Result.Rulebook;
        var inspection = s.Result.Inspection;
        o.Line($"<footer>");
        o.Line($"<dl>");
        o.Line($"<dt>Rulebook</dt><dd><code>{Encode(rulebook.Id)}</code> version {Encode(rulebook.Version)}: {Encode(rulebook.Title)}</dd>");
        o.Line($"<dt>Rulebook content hash</dt><dd><code class=\"rulebook-hash\">sha256:{Encode(rulebook.ContentHash)}</code></dd>");
        o.Line($"<dt>Findings file</dt><dd><code>{Encode(inspection.Path.Replace('\\', '/'))}</code>, inspection <code>{Encode(inspection.Id)}</code></dd>");
        o.Line($"<dt>Findings SHA-256</dt><dd><code class=\"findings-hash\">{Encode(inspection.Sha256)}</code></dd>");
        o.Line($"</dl>");
        o.Line($"<p>Generated by GradingEngine from the rules and findings above; the same inputs give the same report. The page is self-contained and loads nothing from the network.</p>");
        o.Line($"</footer>");
    }
}
