using GradingEngine.Model;
using static GradingEngine.Render.HtmlText;

namespace GradingEngine.Render;

public static partial class HtmlRenderer
{
    /// <summary>Every finding of the inspection once, by question, each with the anchor that mentions of it link to.</summary>
    private static void FindingsIndex(TextOutput o, HtmlReportScope s)
    {
        var inspection = s.Result.Inspection;
        o.Line($"<section class=\"findings-index\" aria-labelledby=\"{s.Id("findings")}\">");
        o.Line($"<h2 id=\"{s.Id("findings")}\">Findings ({inspection.Findings.Count})</h2>");
        o.Line($"<p class=\"meta\">Every finding of the inspection, by question, as coded: a finding's id anywhere in this report links here.</p>");
        foreach (var group in inspection.Findings.GroupBy(f => f.QuestionId).OrderBy(g => QuestionOrder(s.Result.Rulebook, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            o.Line($"<details class=\"findings-of\" id=\"{s.Id("findings-" + group.Key)}\">");
            o.Line($"<summary>{Encode(group.Key)}: {ReportParts.Plural(group.Count(), "finding")}</summary>");
            o.Line($"<ol class=\"finding-list\">");
            foreach (var f in group.OrderBy(f => f.Id, StringComparer.Ordinal))
            {
                o.Line($"<li class=\"indexed-finding\" id=\"{s.FindingId(f)}\"><span class=\"fid\">{Encode(f.Id)}</span> <code>{Encode(f.IndicatorId)}</code> = <strong class=\"value\">{Encode(f.ValueText)}</strong>");
                o.Line($"<blockquote class=\"quote\">{Encode(f.Quote)}</blockquote>");
                o.Line($"<p class=\"source\">Source: {Encode(f.Source)}</p></li>");
            }
            o.Line($"</ol>");
            o.Line($"</details>");
        }
        o.Line($"</section>");
    }

    private static int QuestionOrder(Rulebook rulebook, string questionId)
    {
        var index = rulebook.Questions.ToList().FindIndex(q => q.Id == questionId);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>
    /// The rulebook's files as graded, line-numbered, each line an anchor that the report's rule references link
    /// to: they work offline and when the page is e-mailed, and show exactly the text that decided.
    /// </summary>
    private static void RuleFiles(TextOutput o, Rulebook rulebook, string prefix)
    {
        var heading = prefix + "rule-files";
        o.Line($"<section class=\"rule-files\" aria-labelledby=\"{heading}\">");
        o.Line($"<h2 id=\"{heading}\">Rule files: <code>{Encode(rulebook.Id)}</code> version {Encode(rulebook.Version)}</h2>");
        o.Line($"<p class=\"meta\">The rulebook's files exactly as they were read for grading (content hash <code>sha256:{Encode(rulebook.ContentHash)}</code>). Every rule reference in the report links to its line here.</p>");
        foreach (var file in rulebook.Files)
        {
            var lines = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            var id = HtmlReportScope.RuleFileId(prefix, file.RelativePath);
            o.Line($"<details class=\"rule-file\" id=\"{id}\">");
            o.Line($"<summary><code>{Encode(RenderPaths.Named(rulebook, file.RelativePath))}</code> <span class=\"meta\">{ReportParts.Plural(count, "line")}, sha256 {Encode(file.Sha256[..12])}</span></summary>");
            o.Line($"<ol class=\"source\">");
            for (var i = 0; i < count; i++)
            {
                o.Line($"<li id=\"{id}-L{i + 1}\"><code>{Encode(lines[i])}</code></li>");
            }
            o.Line($"</ol>");
            o.Line($"</details>");
        }
        o.Line($"</section>");
    }
}
