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
            o.Line($"{c.Subject,-10}{Id(c.Proposed),-24}{Id(c.Computed),-24}{(c.Agrees ? "agree" : "DIFFER")}");
        }
        o.Line();
        foreach (var c in validation.Comparisons.Where(c => !c.Agrees))
        {
            o.Line($"{c.Subject}: proposed `{Id(c.Proposed)}`, computed `{Id(c.Computed)}`");
            if (c.Decision is { } decision)
            {
                TextRenderer.Decision(o, validation.Result.Rulebook, decision, profile: c.Subject != ProposedGrades.OverallKey);
                if (c.Proposed is not null) Alternatives(o, c);
            }
            else
            {
                TextRenderer.NotGraded(o, validation.Result.Rulebook, c.NotGraded!);
            }
            o.Line();
        }
        var differ = validation.Comparisons.Count(c => !c.Agrees);
        o.Line($"{validation.Comparisons.Count - differ} agree, {differ} differ");
        return o.ToString();
    }

    /// <summary>A grade's id, or `not-graded`.</summary>
    private static string Id(Grade? grade) => grade?.Id ?? ProposedGrades.NotGradedId;

    private static void Alternatives(TextOutput o, GradeComparison c)
    {
        if (c.CriterionAlternatives.Count == 0 && c.QuestionAlternatives.Count == 0)
        {
            o.Line($"    no change of up to {Counterfactuals.MaxFlips} criterion outcomes gives `{Id(c.Proposed)}`");
            return;
        }
        o.Line($"    for `{Id(c.Proposed)}` to hold, {(c.CriterionAlternatives.Count + c.QuestionAlternatives.Count > 1 ? "one of these would have to differ" : "this would have to differ")}:");
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
        FormattableString.Invariant($"`{change.Criterion.Id}` ({change.Criterion.EffectId}, weight {change.Criterion.Weight}) {(change.BecomesMet ? "met" : "not met")}");

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
            w.WriteString("proposed", Id(c.Proposed));
            if (c.Computed is { } computed) w.WriteString("computed", computed.Id);
            else w.WriteNull("computed");
            w.WriteBoolean("agree", c.Agrees);
            if (c.Decision is { } decision) JsonRenderer.WriteDecision(w, validation.Result.Rulebook, decision);
            else JsonRenderer.WriteNotGraded(w, validation.Result.Rulebook, c.NotGraded!);
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
