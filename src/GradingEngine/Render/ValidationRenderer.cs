using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>Proposed against computed grades, and for each disagreement what would have to differ.</summary>
public static class ValidationRenderer
{
    public static string RenderText(Validation validation)
    {
        var o = new TextOutput();
        TextRenderer.Header(o, validation.Result);
        o.Line($"{"",-10}{"proposed",-24}{"computed",-24}");
        foreach (var c in validation.Comparisons)
        {
            o.Line($"{c.Subject,-10}{c.Proposed.Id,-24}{c.Computed.Id,-24}{(c.Agrees ? "agree" : "DIFFER")}");
        }
        o.Line();
        foreach (var c in validation.Comparisons.Where(c => !c.Agrees))
        {
            o.Line($"{c.Subject}: proposed `{c.Proposed.Id}`, computed `{c.Computed.Id}`");
            TextRenderer.Decision(o, validation.Result.Rulebook, c.Decision, profile: c.Subject != ProposedGrades.OverallKey);
            Alternatives(o, c);
            o.Line();
        }
        var differ = validation.Comparisons.Count(c => !c.Agrees);
        o.Line($"{validation.Comparisons.Count - differ} agree, {differ} differ");
        return o.ToString();
    }

    private static void Alternatives(TextOutput o, GradeComparison c)
    {
        if (c.CriterionAlternatives.Count == 0 && c.QuestionAlternatives.Count == 0)
        {
            o.Line($"    no change of up to {Counterfactuals.MaxFlips} criterion outcomes gives `{c.Proposed.Id}`");
            return;
        }
        o.Line($"    for `{c.Proposed.Id}` to hold, {(c.CriterionAlternatives.Count + c.QuestionAlternatives.Count > 1 ? "one of these would have to differ" : "this would have to differ")}:");
        foreach (var set in c.CriterionAlternatives)
        {
            o.Line($"      - {string.Join("; and ", set.Select(Describe))}");
        }
        foreach (var set in c.QuestionAlternatives)
        {
            o.Line($"      - {string.Join("; and ", set.Select(q => $"`{q.Question.Id}` graded `{q.To.Id}` instead of `{q.From.Id}`"))}");
        }
    }

    private static string Describe(CriterionChange change) =>
        FormattableString.Invariant($"`{change.Criterion.Id}` ({change.Criterion.Effect.Id()}, weight {change.Criterion.Weight}) {(change.BecomesMet ? "met" : "not met")}");

    public static string RenderJson(Validation validation) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        JsonRenderer.WriteRulebook(w, validation.Result.Rulebook);
        JsonRenderer.WriteInspection(w, validation.Result.Inspection);
        w.WriteBoolean("agree", validation.AllAgree);
        w.WriteStartArray("comparisons");
        foreach (var c in validation.Comparisons)
        {
            w.WriteStartObject();
            w.WriteString("subject", c.Subject);
            w.WriteString("proposed", c.Proposed.Id);
            w.WriteString("computed", c.Computed.Id);
            w.WriteBoolean("agree", c.Agrees);
            JsonRenderer.WriteDecision(w, validation.Result.Rulebook, c.Decision);
            if (!c.Agrees)
            {
                JsonRenderer.WriteChangeSets(w, "wouldHaveToDiffer", c.CriterionAlternatives, c.QuestionAlternatives);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
