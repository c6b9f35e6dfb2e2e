using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Model;
using static GradingEngine.Render.HtmlText;

namespace GradingEngine.Render;

public static partial class HtmlRenderer
{
    /// <summary>The table row that decided a grade: where it is written, its condition, its reason, and what it saw.</summary>
    private static void Decision(TextOutput o, HtmlReportScope s, GradeDecision decision, bool profile)
    {
        var rulebook = s.Result.Rulebook;
        o.Line($"<section class=\"decision\">");
        o.Line($"<h3>Decided by</h3>");
        o.Line($"<p>Rule {decision.RuleIndex + 1} of the {ReportParts.TableName(decision.Table)}, {RuleLink(s, decision.Rule.Span)}, gives {Encode(decision.RowGrade.Name)} {When(decision.Rule)}</p>");
        if (decision.Rule.Because is { } because)
        {
            o.Line($"<p>Because: {Encode(because)}</p>");
        }
        o.Line($"<table class=\"values\">");
        if (profile)
        {
            o.Line($"<thead><tr><th scope=\"col\">It saw</th><th scope=\"col\" class=\"num\">Criteria met</th><th scope=\"col\" class=\"num\">Weight</th></tr></thead>");
            o.Line($"<tbody>");
            foreach (var effect in rulebook.Effects)
            {
                var name = effect.Plural;
                o.Line($"<tr><th scope=\"row\">{Encode(effect.Title)}</th><td class=\"num\">{ReportParts.Value(decision, name + ".count")}</td><td class=\"num\">{ReportParts.Value(decision, name + ".weight")}</td></tr>");
            }
            foreach (var (key, value) in decision.Values.Where(v => v.Key.StartsWith("findings.", StringComparison.Ordinal)))
            {
                o.Line($"<tr><th scope=\"row\"><code>{Encode(key)}</code></th><td class=\"num\">{value}</td><td></td></tr>");
            }
        }
        else
        {
            // Questions per grade, then the inspection's findings counts when the roll-up reads them.
            var counts = decision.Values.Any(v => rulebook.Scale.Find(v.Key) is null);
            o.Line($"<thead><tr><th scope=\"col\">It saw</th><th scope=\"col\" class=\"num\">{(counts ? "Number" : "Questions")}</th></tr></thead>");
            o.Line($"<tbody>");
            foreach (var (key, value) in decision.Values)
            {
                var name = rulebook.Scale.Find(key) is { } grade ? Encode(grade.Name) : $"<code>{Encode(key)}</code>";
                o.Line($"<tr><th scope=\"row\">{name}</th><td class=\"num\">{value}</td></tr>");
            }
        }
        o.Line($"</tbody>");
        o.Line($"</table>");
        foreach (var limit in decision.Limits.Where(l => l.SetGrade))
        {
            o.Line($"<p class=\"limit\">Limited by {RuleLink(s, limit.Limit.Span)}: <code>{Encode(limit.Limit.KindText)}: {Encode(limit.Bound.Id)}</code> when <code>{Encode(limit.Limit.When.Text)}</code>, so {Encode(decision.RowGrade.Name)} becomes {Encode(decision.Grade.Name)}.{(limit.Limit.Because is { } why ? $" Because: {Encode(why)}" : "")}</p>");
        }
        o.Line($"</section>");
    }

    /// <summary>"Why not" the next better grade and "How close to" the next worse one.</summary>
    private static void Outlook(TextOutput o, HtmlReportScope s, GradeDecision decision, GradeOutlook? outlook)
    {
        // A result built without outlooks (they are computed by GradingPipeline.Grade) has nothing to say here.
        if (outlook is null) return;
        var scale = s.Result.Rulebook.Scale.Grades;
        var rank = decision.Grade.Rank;
        o.Line($"<section class=\"outlook\">");
        if (rank > 0)
        {
            o.Line($"<h3>Why not {Encode(scale[rank - 1].Name)}</h3>");
            Step(o, s, decision, outlook.Higher, scale[rank - 1], "higher");
        }
        if (rank < scale.Count - 1)
        {
            o.Line($"<h3>How close to {Encode(scale[rank + 1].Name)}</h3>");
            Step(o, s, decision, outlook.Lower, scale[rank + 1], "lower");
        }
        o.Line($"</section>");
    }

    private static void Step(TextOutput o, HtmlReportScope s, GradeDecision decision, GradeStep? step, Grade neighbour, string direction)
    {
        o.Line($"<div class=\"step {direction}\" data-grade=\"{Encode(neighbour.Id)}\">");
        if (step is null)
        {
            o.Line($"<p>No rule of the {ReportParts.TableName(decision.Table)} gives {Encode(neighbour.Name)}.</p>");
            o.Line($"</div>");
            return;
        }
        var name = Encode(ReportParts.OnScale(s.Result.Rulebook, step.Grade).Name);
        o.Line($"<p>Rule {step.RuleIndex + 1} of the {ReportParts.TableName(decision.Table)}, {RuleLink(s, step.Rule.Span)}, gives {name} {When(step.Rule)}</p>");
        if (step.Gaps.Count > 0)
        {
            o.Line($"<p>What does not hold now:</p>");
            o.Line($"<ul class=\"gaps\">");
            foreach (var gap in step.Gaps) o.Line($"<li>{Rich(gap)}</li>");
            o.Line($"</ul>");
        }
        var sets = ReportParts.ChangeSetCount(step);
        if (sets == 0)
        {
            o.Line($"<p>No set of up to {ReportParts.Plural(Counterfactuals.MaxFlips, "change")} gives {name}.{(ReportParts.ThroughValues(step, sentence: true) is { } values ? $" {Rich(values)}." : "")}</p>");
            o.Line($"</div>");
            return;
        }
        o.Line($"<p>The smallest changes that give {name} ({ReportParts.Plural(ReportParts.ChangeSetSize(step), "change")}, {ReportParts.Plural(sets, "way")}):</p>");
        o.Line($"<ol class=\"changes\">");
        foreach (var set in step.CriterionChanges)
        {
            o.Line($"<li>{string.Join("; ", set.Select(c => CriterionChange(s, c)))}</li>");
        }
        foreach (var set in step.QuestionChanges)
        {
            o.Line($"<li>{string.Join("; ", set.Select(q => $"{Encode(q.Question.Id)} from {Encode(q.From.Name)} to {Encode(q.To.Name)}"))}</li>");
        }
        o.Line($"</ol>");
        o.Line($"</div>");
    }

    /// <summary>"`Q1.x` not met (findings Q1-15, Q1-20)": the change mapped to the findings it involves.</summary>
    private static string CriterionChange(HtmlReportScope s, CriterionChange change)
    {
        var findings = change.Findings.Count == 0 ? "no findings" : "findings " + string.Join(", ", change.Findings.Select(f => FindingLink(s, f)));
        return $"<code>{Encode(change.Criterion.Id)}</code> <strong>{(change.BecomesMet ? "met" : "not met")}</strong> ({findings})";
    }

    private static string When(GradeRule rule) =>
        rule.IsFallback ? "when no rule above it holds (<code>otherwise</code>)" : $"when <code>{Encode(rule.ConditionText)}</code>";

    /// <summary>Engine text whose backticked parts are code (gaps).</summary>
    private static string Rich(string text) =>
        string.Concat(ReportParts.Segments(text).Select(p => p.Code ? $"<code>{Encode(p.Text)}</code>" : Encode(p.Text)));

    private static void Overall(TextOutput o, HtmlReportScope s)
    {
        var result = s.Result;
        if (!result.HasOverall) return;
        o.Line($"<section id=\"{s.Id("overall")}\" class=\"overall\" data-grade=\"{Encode(result.Overall?.Grade.Id ?? ProposedGrades.NotGradedId)}\">");
        o.Line($"<h2>Overall: {GradeBadge(result.Rulebook, result.Overall?.Grade)}</h2>");
        if (result.Overall is { } overall)
        {
            Definition(o, result.Rulebook, overall.Grade);
            if (overall.UngradedQuestions is { Count: > 0 } left)
            {
                o.Line($"<p class=\"ungraded\">Graded on {result.Questions.Count - left.Count} of {result.Questions.Count} questions: {string.Join(", ", left.Select(q => $"<code>{Encode(q)}</code>"))} not graded.</p>");
            }
            if (overall.CarriedQuestions is { Count: > 0 } carried)
            {
                o.Line($"<p class=\"carried\">{string.Concat(ReportParts.Segments(ReportParts.CarriedOverall(carried)).Select(p => p.Code ? $"<code>{Encode(p.Text)}</code>" : Encode(p.Text)))}</p>");
            }
            Decision(o, s, overall, profile: false);
            Outlook(o, s, overall, result.OutlookOf(ProposedGrades.OverallKey));
        }
        else
        {
            NotGraded(o, s, result.OverallNotGraded!);
        }
        o.Line($"</section>");
    }
}
