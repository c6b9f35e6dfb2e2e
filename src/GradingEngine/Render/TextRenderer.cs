using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>
/// A terminal report: a summary first (each question's grade and the row that decided it, the overall grade,
/// the findings no criterion read), then one screen per question and the overall grade in full. Brief, it
/// stops after the summary and the deciding rows.
/// </summary>
public static class TextRenderer
{
    public static string Render(GradingResult result) => Render(result, TextLayout.Default);

    public static string Render(GradingResult result, TextLayout layout)
    {
        var o = new TextOutput(layout.Width);
        Header(o, result);
        Summary(o, result);
        if (layout.Brief)
        {
            foreach (var question in result.Questions) Deciding(o, result.Rulebook, question);
            Overall(o, result, outlook: false);
            return o.ToString();
        }
        foreach (var question in result.Questions)
        {
            Question(o, result.Rulebook, question, full: false, result.OutlookOf(question.Question.Id));
        }
        Overall(o, result, outlook: true);
        NotConsidered(o, result);
        return o.ToString();
    }

    /// <summary>The full trace of one question: every criterion, its condition, and every finding with its quote.</summary>
    public static string Explain(GradingResult result, QuestionResult question) => Explain(result, question, TextLayout.Default);

    /// <inheritdoc cref="Explain(GradingResult, QuestionResult)"/>
    public static string Explain(GradingResult result, QuestionResult question, TextLayout layout)
    {
        var o = new TextOutput(layout.Width);
        Header(o, result);
        Question(o, result.Rulebook, question, full: true, result.OutlookOf(question.Question.Id));
        var notConsidered = result.NotConsidered.Where(f => f.QuestionId == question.Question.Id).ToList();
        if (notConsidered.Count > 0)
        {
            o.Line($"  Not considered by any criterion ({notConsidered.Count}):");
            foreach (var f in notConsidered) Finding(o, f, "    ");
            o.Line();
        }
        return o.ToString();
    }

    /// <summary>
    /// Every question and the overall judgement on one line each: the grade and the row that decided it (and the
    /// limit that capped it), or "Not graded" and why; then how many findings no criterion read.
    /// </summary>
    private static void Summary(TextOutput o, GradingResult result)
    {
        var rows = result.Questions.Select(q => (Subject: q.Question.Id, Outcome: Carried(Outcome(result.Rulebook, q.Grade, q.Decision, q.NotGraded), q)))
            .Concat(result.HasOverall ? [(Subject: "Overall", Outcome: Outcome(result.Rulebook, result.Overall?.Grade, result.Overall, result.OverallNotGraded))] : [])
            .ToList();
        var subjects = rows.Max(r => r.Subject.Length);
        var grades = rows.Max(r => r.Outcome.Grade.Length);
        o.Line($"Summary");
        foreach (var (subject, (grade, why)) in rows)
        {
            o.Wrapped($"  {subject.PadRight(subjects)}  {grade.PadRight(grades)}  ", why);
        }
        var notGraded = result.Questions.Where(q => !q.IsGraded).Select(q => q.Question.Id).ToList();
        if (notGraded.Count > 0) GradedOn(o, "  ", result, notGraded);
        o.Wrapped("  ", result.NotConsidered.Count == 0
            ? "Every finding was considered by at least one criterion."
            : FormattableString.Invariant($"{result.NotConsidered.Count} of {result.Inspection.Findings.Count} findings were not considered by any criterion (listed at the end)."));
        o.Line();
    }

    private static (string Grade, string Why) Carried((string Grade, string Why) outcome, QuestionResult question) =>
        question is { IsGraded: false, Carried: { } carried } ? (outcome.Grade, $"{outcome.Why}; carried into the overall: {carried.Grade.Name}") : outcome;

    /// <summary>A summary row's grade and its reason in a few words.</summary>
    private static (string Grade, string Why) Outcome(Rulebook rulebook, Grade? grade, GradeDecision? decision, NotGraded? notGraded)
    {
        if (grade is null || decision is null) return ("Not graded", notGraded?.Reason ?? "no grade");
        var why = FormattableString.Invariant($"decided by {RenderPaths.RuleLocation(rulebook, decision.Rule.Span)} ({decision.Table} table, rule {decision.RuleIndex + 1})");
        return (grade.Name, decision.LimitedBy is { } limit ? $"{why}, limited by {RenderPaths.RuleLocation(rulebook, limit.Limit.Span)}" : why);
    }

    /// <summary>A question's grade and only the row that decided it, or why it is not graded.</summary>
    private static void Deciding(TextOutput o, Rulebook rulebook, QuestionResult question)
    {
        o.Line($"{question.Question.Id}  {(question.Grade is { } grade ? grade.Name : "Not graded")}");
        o.Wrapped("    ", question.Question.Title);
        if (question.NotGraded is { } notGraded) NotGraded(o, rulebook, notGraded);
        else Decision(o, rulebook, question.Decision!, profile: true);
        if (question.Carried is { } carried) o.Wrapped("    ", ReportParts.Carried(carried), "      ");
        o.Line();
    }

    internal static void Header(TextOutput o, GradingResult result)
    {
        o.Wrapped("", FormattableString.Invariant($"{result.Inspection.Force} - inspection {result.Inspection.Id} ({result.Inspection.Findings.Count} findings)"), "  ");
        o.Wrapped("", $"Rulebook {result.Rulebook.Id} {result.Rulebook.Version} (sha256:{result.Rulebook.ContentHash[..12]})", "  ");
        o.Line();
    }

    private static string Name(Rulebook rulebook, Grade grade) => grade.Name;

    internal static void Question(TextOutput o, Rulebook rulebook, QuestionResult question, bool full, GradeOutlook? outlook)
    {
        o.Line($"{question.Question.Id}  {(question.Grade is { } grade ? Name(rulebook, grade) : "Not graded")}");
        o.Wrapped("    ", question.Question.Title);
        if (question.NotGraded is { } notGraded)
        {
            NotGraded(o, rulebook, notGraded);
            if (question.Carried is { } carried) o.Wrapped("    ", ReportParts.Carried(carried), "      ");
        }
        else
        {
            Decision(o, rulebook, question.Decision!, profile: true);
        }
        Values(o, rulebook, question);
        Outlook(o, rulebook, outlook);
        var met = question.Criteria.Where(c => c.Met).ToList();
        o.Line($"    Criteria met: {met.Count} of {question.Criteria.Count}");
        foreach (var outcome in full ? question.Criteria : met)
        {
            var c = outcome.Criterion;
            var mark = !outcome.Met ? " " : rulebook.FindEffect(c.EffectId)!.Symbol;
            var evidence = outcome.Evidence.Count == 0 || full ? "" : $"[{string.Join(", ", outcome.Evidence.Select(f => f.Id))}]";
            o.Wrapped($"      {mark} {c.Id}  ", $"{c.EffectId}, weight {c.Weight}  {evidence}", "            ");
            o.Wrapped("          ", outcome.Met ? outcome.Message ?? "" : c.Title);
            if (!full) continue;
            o.Wrapped($"          {(outcome.Met ? "met" : "not met")}, {ReportParts.CriterionLocation(rulebook, c)}: when ", c.When.Text, "            ");
            foreach (var f in outcome.Evidence) Finding(o, f, "            ");
        }
        if (!full)
        {
            var notMet = question.Criteria.Where(c => !c.Met).Select(c => c.Criterion.Id).ToList();
            if (notMet.Count > 0)
            {
                o.Wrapped("      not met: ", string.Join(", ", notMet));
            }
        }
        o.Line();
    }

    internal static void Decision(TextOutput o, Rulebook rulebook, GradeDecision decision, bool profile)
    {
        o.Wrapped("    ", FormattableString.Invariant($"Decided by {RenderPaths.RuleLocation(rulebook, decision.Rule.Span)} ({decision.Table} table, rule {decision.RuleIndex + 1}, {decision.RowGrade.Id}):"), "      ");
        o.Wrapped("      when ", decision.Rule.ConditionText);
        if (decision.Rule.Because is { } because)
        {
            o.Wrapped("      because ", because);
        }
        var values = profile
            ? string.Join(", ", rulebook.Effects.Select(e => $"{e.Plural} {Value(decision, e.Plural + ".count")} (weight {Value(decision, e.Plural + ".weight")})")
                .Concat(decision.Values.Where(v => v.Key.StartsWith("findings.", StringComparison.Ordinal)).Select(v => $"{v.Key} {v.Value}")))
            : string.Join(", ", decision.Values.Select(v => $"{v.Key} {v.Value}"));
        o.Wrapped("      saw ", values);
        foreach (var limit in decision.Limits.Where(l => l.SetGrade))
        {
            o.Line($"    Limited by {RenderPaths.RuleLocation(rulebook, limit.Limit.Span)} ({limit.Limit.KindText} {limit.Bound.Id}): {decision.RowGrade.Id} becomes {decision.Grade.Id}");
            o.Wrapped("      when ", limit.Limit.When.Text);
            if (limit.Limit.Because is { } reason) o.Wrapped("      because ", reason);
        }
    }

    /// <summary>The question's named values, each with what it computed and how it is defined.</summary>
    internal static void Values(TextOutput o, Rulebook rulebook, QuestionResult question)
    {
        if (question.Values.Count == 0) return;
        o.Line($"    Values:");
        foreach (var value in question.Values)
        {
            o.Wrapped($"      {value.Definition.Id} = {value.Text}  ({RenderPaths.RuleLocation(rulebook, value.Definition.Span)}: ", value.Definition.Definition.Text + ")", "        ");
            if (ReportParts.Band(value) is var (band, at))
            {
                o.Wrapped("        bands: ", at is { } span ? $"{band} ({RenderPaths.RuleLocation(rulebook, span)})" : band, "          ");
            }
        }
    }

    /// <summary>Why there is no grade: each requirement for evidence that was not met, and what it saw.</summary>
    internal static void NotGraded(TextOutput o, Rulebook rulebook, NotGraded notGraded)
    {
        o.Wrapped("    Not graded: ", notGraded.Reason);
        foreach (var unmet in notGraded.Unmet)
        {
            o.Line($"    Requirement at {RenderPaths.RuleLocation(rulebook, unmet.Requirement.Span)} not met:");
            o.Wrapped("      when ", unmet.Requirement.When.Text);
            if (unmet.Seen.Count > 0) o.Wrapped("      saw ", string.Join(", ", unmet.Seen));
        }
    }

    /// <summary>Why not the next better grade, and how few changes would give the next worse one.</summary>
    internal static void Outlook(TextOutput o, Rulebook rulebook, GradeOutlook? outlook)
    {
        if (outlook?.Higher is { } higher)
        {
            o.Wrapped("    ", $"Why not {higher.Grade.Id} ({RenderPaths.RuleLocation(rulebook, higher.Rule.Span)}):", "      ");
            foreach (var gap in higher.Gaps) o.Wrapped("      - ", gap);
            Changes(o, higher, "      to get it: ");
        }
        if (outlook?.Lower is { } lower)
        {
            Changes(o, lower, $"    Closest to {lower.Grade.Id}: ");
        }
    }

    private static void Changes(TextOutput o, GradeStep step, string label)
    {
        var first = step.CriterionChanges.Count > 0
            ? string.Join("; and ", step.CriterionChanges[0].Select(c => $"`{c.Criterion.Id}` {(c.BecomesMet ? "met" : "not met")}{(c.Findings.Count > 0 ? $" [{string.Join(", ", c.Findings.Select(f => f.Id))}]" : "")}"))
            : step.QuestionChanges.Count > 0
                ? string.Join("; and ", step.QuestionChanges[0].Select(q => $"`{q.Question.Id}` {q.To.Id}"))
                : null;
        if (first is null)
        {
            o.Wrapped(label, step.QuestionChanges.Count == 0 && step.CriterionChanges.Count == 0
                ? $"no change of up to {Counterfactuals.MaxFlips} outcomes gives it{(ReportParts.ThroughValues(step) is { } values ? $"; {values}" : "")}"
                : "");
            return;
        }
        var count = step.CriterionChanges.Count > 0 ? step.CriterionChanges[0].Count : step.QuestionChanges[0].Count;
        var more = Math.Max(step.CriterionChanges.Count, step.QuestionChanges.Count) - 1;
        o.Wrapped(label, FormattableString.Invariant($"{count} change{(count == 1 ? "" : "s")}, e.g. {first}{(more > 0 ? $" (or {more} other way{(more == 1 ? "" : "s")})" : "")}"));
    }

    private static int Value(GradeDecision decision, string name) => decision.Values.First(v => v.Key == name).Value;

    private static void Overall(TextOutput o, GradingResult result, bool outlook)
    {
        if (!result.HasOverall) return;
        if (result.OverallNotGraded is { } notGraded)
        {
            o.Line($"Overall  Not graded");
            NotGraded(o, result.Rulebook, notGraded);
            o.Line();
            return;
        }
        o.Line($"Overall  {result.Overall!.Grade.Name}");
        if (result.Overall.UngradedQuestions is { Count: > 0 } left) GradedOn(o, "    ", result, left);
        if (result.Overall.CarriedQuestions is { Count: > 0 } carried) o.Wrapped("    ", ReportParts.CarriedOverall(carried), "      ");
        Decision(o, result.Rulebook, result.Overall, profile: false);
        if (outlook) Outlook(o, result.Rulebook, result.OutlookOf(ProposedGrades.OverallKey));
        o.Line();
    }

    /// <summary>How many questions were graded, and which were not: under the summary, and under an overall graded on the rest.</summary>
    private static void GradedOn(TextOutput o, string indent, GradingResult result, IReadOnlyList<string> left) =>
        o.Wrapped(indent, FormattableString.Invariant($"Graded on {result.Questions.Count - left.Count} of {result.Questions.Count} questions: {string.Join(", ", left.Select(q => $"`{q}`"))} not graded"));

    private static void NotConsidered(TextOutput o, GradingResult result)
    {
        if (result.NotConsidered.Count == 0)
        {
            o.Line($"Every finding was considered by at least one criterion.");
            return;
        }
        o.Line($"Not considered by any criterion ({result.NotConsidered.Count}):");
        foreach (var f in result.NotConsidered) Finding(o, f, "  ");
    }

    internal static void Finding(TextOutput o, Finding f, string indent)
    {
        o.Wrapped(indent, $"{f.Id} {f.IndicatorId} = {f.ValueText} ({f.Source})", indent + "    ");
        o.Wrapped(indent + "  \"", f.Quote + "\"");
    }
}
