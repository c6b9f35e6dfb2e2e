using GradingEngine.Model;
using GradingEngine.Trace;
using static GradingEngine.Render.HtmlText;

namespace GradingEngine.Render;

public static partial class HtmlRenderer
{
    private static void Question(TextOutput o, HtmlReportScope s, QuestionResult question)
    {
        var result = s.Result;
        var rulebook = result.Rulebook;
        var id = s.Id("q-" + question.Question.Id);
        o.Line($"<details class=\"question\" id=\"{id}\" data-question=\"{Encode(question.Question.Id)}\" data-grade=\"{Encode(question.Grade?.Id ?? ProposedGrades.NotGradedId)}\">");
        o.Line($"<summary><span class=\"qid\">{Encode(question.Question.Id)}</span> {GradeBadge(rulebook, question.Grade)} <span class=\"qtitle\">{Encode(question.Question.Title)}</span></summary>");
        o.Line($"<div class=\"body\">");
        if (question.Decision is { } decision)
        {
            Definition(o, rulebook, decision.Grade);
            Balance(o, s, question, id + "-balance");
            Decision(o, s, decision, profile: true);
        }
        else
        {
            NotGraded(o, s, question.NotGraded!);
            if (question.Carried is { } carried) o.Line($"<p class=\"carried\">{Encode(ReportParts.Carried(carried))}</p>");
        }
        Values(o, s, question);
        o.Line($"<h3>Criteria met</h3>");
        foreach (var effect in rulebook.Effects)
        {
            var met = ReportParts.Met(question, effect);
            o.Line($"<h4>{Encode(effect.Title)} ({met.Count})</h4>");
            if (met.Count == 0) o.Line($"<p class=\"muted\">None.</p>");
            foreach (var outcome in met) Criterion(o, s, outcome);
        }
        var notMet = question.Criteria.Where(c => !c.Met).ToList();
        o.Line($"<h3>Criteria not met ({notMet.Count})</h3>");
        if (notMet.Count == 0) o.Line($"<p class=\"muted\">None.</p>");
        foreach (var outcome in notMet) Criterion(o, s, outcome);
        if (question.Decision is { } graded) Outlook(o, s, graded, result.OutlookOf(question.Question.Id));
        var notConsidered = ReportParts.NotConsideredOf(result, question.Question.Id);
        o.Line($"<section class=\"not-considered\">");
        o.Line($"<h3>Findings not considered ({notConsidered.Count})</h3>");
        if (notConsidered.Count == 0)
        {
            o.Line($"<p class=\"muted\">Every finding of {Encode(question.Question.Id)} was read by at least one criterion.</p>");
        }
        else
        {
            o.Line($"<p>No criterion of {Encode(question.Question.Id)} reads the indicators of these findings, so they did not affect the grade.</p>");
            Findings(o, s, notConsidered);
        }
        o.Line($"</section>");
        o.Line($"</div>");
        o.Line($"</details>");
    }

    /// <summary>Why a question or the overall judgement has no grade: the requirements for evidence it did not meet.</summary>
    private static void NotGraded(TextOutput o, HtmlReportScope s, NotGraded notGraded)
    {
        o.Line($"<section class=\"not-graded\">");
        o.Line($"<h3>Not graded</h3>");
        o.Line($"<p>{Encode(notGraded.Reason)}</p>");
        if (notGraded.Unmet.Count > 0)
        {
            o.Line($"<ul>");
            foreach (var unmet in notGraded.Unmet)
            {
                var seen = unmet.Seen.Count == 0 ? "" : $"; it saw {string.Join(", ", unmet.Seen.Select(Code))}";
                o.Line($"<li>Requirement {RuleLink(s, unmet.Requirement.Span)} not met: <code>{Encode(unmet.Requirement.When.Text)}</code>{seen}</li>");
            }
            o.Line($"</ul>");
        }
        o.Line($"</section>");
    }

    /// <summary>The question's named values, each with what it computed and its definition, linked to where it is written.</summary>
    private static void Values(TextOutput o, HtmlReportScope s, QuestionResult question)
    {
        if (question.Values.Count == 0) return;
        o.Line($"<section class=\"values\">");
        o.Line($"<h3>Values</h3>");
        o.Line($"<table><thead><tr><th scope=\"col\">Value</th><th scope=\"col\">Computed</th><th scope=\"col\">Definition</th></tr></thead><tbody>");
        foreach (var value in question.Values)
        {
            var band = ReportParts.Band(value) is var (text, at)
                ? $"; bands: {Encode(text)}{(at is { } span ? $" ({RuleLink(s, span)})" : "")}"
                : "";
            o.Line($"<tr data-value=\"{Encode(value.Definition.Id)}\"><td><code>{Encode(value.Definition.Id)}</code></td><td class=\"num\">{Encode(value.Text)}</td><td><code>{Encode(value.Definition.Definition.Text)}</code> ({RuleLink(s, value.Definition.Span)}){band}</td></tr>");
        }
        o.Line($"</tbody></table>");
        o.Line($"</section>");
    }

    /// <summary>Engine text with its `code` parts marked up.</summary>
    private static string Code(string text) =>
        string.Concat(ReportParts.Segments(text).Select(p => p.Code ? $"<code>{Encode(p.Text)}</code>" : Encode(p.Text)));

    private static void Definition(TextOutput o, Rulebook rulebook, Grade grade)
    {
        var onScale = ReportParts.OnScale(rulebook, grade);
        o.Line($"<p class=\"definition\"><strong>Annex A, {Encode(onScale.Name)}:</strong> {Encode(onScale.Definition)}</p>");
    }

    /// <summary>One criterion, met or not: what it says, where it is written, its condition, and its evidence.</summary>
    private static void Criterion(TextOutput o, HtmlReportScope s, CriterionOutcome outcome)
    {
        var c = outcome.Criterion;
        var rulebook = s.Result.Rulebook;
        var effect = c.EffectId;
        var state = outcome.Met ? "met" : "not-met";
        o.Line($"<details class=\"criterion {state} {effect}\" data-criterion=\"{Encode(c.Id)}\" data-outcome=\"{(outcome.Met ? "met" : "not met")}\" data-effect=\"{effect}\">");
        var headline = outcome.Met ? outcome.Message ?? c.Title : c.Title;
        var findings = outcome.Met ? $" · {ReportParts.Plural(outcome.Evidence.Count, "finding")}" : "";
        o.Line($"<summary><span class=\"message\">{Encode(headline)}</span> <span class=\"meta\"><code>{Encode(c.Id)}</code> · {(outcome.Met ? "" : "not met · ")}{effect}, weight {c.Weight}{findings}</span></summary>");
        o.Line($"<div class=\"body\">");
        var template = c.Template is { } t
            ? $" (template, for <code>{Encode(t.QuestionId)}</code>{(t.AreaId is { } area ? $", area <code>{Encode(area)}</code>" : "")})"
            : "";
        o.Line($"<p>{RuleLink(s, c.Span)}{template}, area <code>{Encode(c.AreaId)}</code>: {(outcome.Met ? "met" : "would be met")} when <code>{Encode(c.When.Text)}</code></p>");
        o.Line($"<p class=\"meta\">{Encode(c.Title)}. {Encode(c.Rationale)}</p>");
        if (outcome.Met) Findings(o, s, outcome.Evidence);
        o.Line($"</div>");
        o.Line($"</details>");
    }

    /// <summary>`criteria/q1.yaml:22` (`ID/criteria/q1.yaml:22` when embedded), linked to that line of the page's copy of the rule file.</summary>
    private static string RuleLink(HtmlReportScope s, Diagnostics.SourceSpan span)
    {
        var rulebook = s.Result.Rulebook;
        return $"<a class=\"rule\" href=\"#{s.RuleLineId(RenderPaths.RelativeFile(rulebook, span), span.Line)}\">{Encode(RenderPaths.RuleLocation(rulebook, span))}</a>";
    }

    /// <summary>A finding's id, linked to the finding in the report's findings section.</summary>
    private static string FindingLink(HtmlReportScope s, Finding finding) =>
        $"<a class=\"fid\" href=\"#{s.FindingId(finding)}\">{Encode(finding.Id)}</a>";

    /// <summary>Each finding with its quote as the inspector wrote it, its source, and where in the report the quote was found; each id linked to the finding's anchor.</summary>
    private static void Findings(TextOutput o, HtmlReportScope s, IReadOnlyList<Finding> findings)
    {
        o.Line($"<ul class=\"findings\">");
        foreach (var f in findings)
        {
            o.Line($"<li class=\"finding\" data-finding=\"{Encode(f.Id)}\">{FindingLink(s, f)} <code>{Encode(f.IndicatorId)}</code> = <strong class=\"value\">{Encode(f.ValueText)}</strong>");
            o.Line($"<blockquote class=\"quote\">{Encode(f.Quote)}</blockquote>");
            var found = f.QuoteAt is { } at
                ? $"\n<p class=\"source found\" data-line=\"{at.Line}\">Found in {Encode(ReportParts.FoundAt(at, s.Result.Inspection.ReportFile))}</p>"
                : "";
            o.Line($"<p class=\"source\">Source: {Encode(f.Source)}</p>{found}</li>");
        }
        o.Line($"</ul>");
    }

    /// <summary>
    /// The evidence balance as bars: weight of strengths, areas for improvement, causes of concern and notable
    /// practice, on the report's common scale, with the numbers written out and a title for screen readers.
    /// Each bound that the deciding row, and the rows above and below it, put on a weight is marked on its bar
    /// (solid for the deciding row) and listed under the chart. Geometry is integer arithmetic, so the markup
    /// is the same everywhere.
    /// </summary>
    private static void Balance(TextOutput o, HtmlReportScope s, QuestionResult question, string titleId)
    {
        const int label = 190, track = 220, row = 24, bar = 16;
        var effects = s.Result.Rulebook.Effects;
        var height = row * effects.Count + 4;
        var width = label + track + 90;
        var parts = effects.Select(e => (Effect: e,
            Count: ReportParts.Value(question.Decision!, e.Plural + ".count"),
            Weight: ReportParts.Value(question.Decision!, e.Plural + ".weight"))).ToList();
        var marks = ThresholdMarks.Of(s.Result.Rulebook, question);
        var summary = string.Join(", ", parts.Select(p => FormattableString.Invariant($"{Encode(p.Effect.Title.ToLowerInvariant())} weight {p.Weight} from {p.Count} {(p.Count == 1 ? "criterion" : "criteria")}")));
        var bounds = marks.Count == 0 ? "" : "; marked: " + string.Join("; ", marks.Select(m => FormattableString.Invariant($"{m.Grade.Name} (rule {m.RuleIndex + 1}) needs {m.Text}")));
        o.Line($"<svg class=\"balance\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{titleId}\">");
        o.Line($"<title id=\"{titleId}\">Evidence balance of {Encode(question.Question.Id)}: {summary}{Encode(bounds)}</title>");
        for (var i = 0; i < parts.Count; i++)
        {
            var (effect, count, weight) = parts[i];
            var y = 4 + i * row;
            var length = weight <= 0 ? 0 : Math.Max(2, weight * track / s.MaxWeight);
            o.Line($"<text x=\"0\" y=\"{y + 13}\">{Encode(effect.Title)}</text>");
            o.Line($"<rect class=\"track\" x=\"{label}\" y=\"{y}\" width=\"{track}\" height=\"{bar}\"></rect>");
            o.Line($"<rect class=\"bar {Encode(effect.Id)}\" x=\"{label}\" y=\"{y}\" width=\"{length}\" height=\"{bar}\"></rect>");
            foreach (var mark in marks.Where(m => m.Effect.Id == effect.Id))
            {
                var x = label + (int)Math.Round(Math.Clamp(mark.Value, 0, s.MaxWeight) * track / s.MaxWeight, MidpointRounding.AwayFromZero);
                o.Line($"<line class=\"mark {(mark.Deciding ? "deciding" : "neighbour")}\" data-rule=\"{mark.RuleIndex + 1}\" x1=\"{x}\" x2=\"{x}\" y1=\"{y - 3}\" y2=\"{y + bar + 3}\"></line>");
            }
            o.Line($"<text x=\"{label + track + 6}\" y=\"{y + 13}\">{weight} ({count})</text>");
        }
        o.Line($"</svg>");
        o.Line($"<p class=\"meta\">Evidence balance: total weight of the criteria met, with their number in brackets.</p>");
        if (marks.Count == 0) return;
        o.Line($"<ul class=\"marks\">");
        foreach (var rule in marks.GroupBy(m => m.RuleIndex).OrderBy(g => g.Key))
        {
            var m = rule.First();
            var role = m.Deciding ? "the deciding row, solid line" : "a neighbouring row, dashed line";
            o.Line($"<li class=\"{(m.Deciding ? "deciding" : "neighbour")}\">{Encode(m.Grade.Name)}, rule {rule.Key + 1} ({role}): {Encode(string.Join(", ", rule.Select(x => x.Text)))}</li>");
        }
        o.Line($"</ul>");
    }
}
