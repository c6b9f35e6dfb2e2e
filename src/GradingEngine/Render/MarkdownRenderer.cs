using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Model;
using static GradingEngine.Render.MarkdownText;

namespace GradingEngine.Render;

/// <summary>
/// The grading trace as a Markdown report an inspector can paste into a document: the grades, and
/// per question the Annex A definition, the deciding rule, the evidence with its quotes, what stands
/// between this grade and its neighbours, and the hashes that identify the rulebook and findings.
/// All user text is escaped; output is invariant and uses `\n`.
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(GradingResult result)
    {
        var o = TextOutput.ForMarkup();
        Title(o, result);
        Summary(o, result);
        foreach (var question in result.Questions)
        {
            Question(o, result, question);
        }
        Overall(o, result);
        Footer(o, result);
        return o.ToString();
    }

    /// <summary>Several inspections: the reports one after another, in the order given.</summary>
    public static string RenderMany(IEnumerable<GradingResult> results) => string.Join("\n", results.Select(Render));

    private static void Title(TextOutput o, GradingResult result)
    {
        var i = result.Inspection;
        o.Line($"# {Escape(i.Force)}: inspection {Escape(i.Id)}");
        o.Line();
        o.Line($"Graded with {Escape(result.Rulebook.Title)} (rulebook {Code(result.Rulebook.Id)}, version {Escape(result.Rulebook.Version, lineStart: false)}) from {ReportParts.Plural(i.Findings.Count, "finding")}.");
        o.Line();
    }

    private static void Summary(TextOutput o, GradingResult result)
    {
        o.Line($"## Summary");
        o.Line();
        o.Line($"| Question | Title | Grade |");
        o.Line($"|---|---|---|");
        foreach (var q in result.Questions)
        {
            o.Line($"| {Escape(q.Question.Id)} | {Escape(q.Question.Title)} | {Escape(q.Grade?.Name ?? "Not graded")} |");
        }
        if (result.HasOverall) o.Line($"| **Overall** | | **{Escape(result.Overall?.Grade.Name ?? "Not graded")}** |");
        o.Line();
    }

    private static void Question(TextOutput o, GradingResult result, QuestionResult question)
    {
        var rulebook = result.Rulebook;
        o.Line($"## {Escape(question.Question.Id)}: {Escape(question.Grade?.Name ?? "Not graded")}");
        o.Line();
        o.Line($"{Escape(question.Question.Title)}");
        o.Line();
        if (question.Decision is { } decision)
        {
            Definition(o, rulebook, decision.Grade);
            Decision(o, rulebook, decision, profile: true);
        }
        else
        {
            NotGraded(o, rulebook, question.NotGraded!);
            if (question.Carried is { } carried)
            {
                o.Line($"{Escape(ReportParts.Carried(carried))}");
                o.Line();
            }
        }
        Values(o, rulebook, question);
        foreach (var effect in rulebook.Effects)
        {
            Evidence(o, rulebook, effect, ReportParts.Met(question, effect));
        }
        var notMet = question.Criteria.Where(c => !c.Met).ToList();
        o.Line($"### Criteria not met ({notMet.Count})");
        o.Line();
        o.Line($"{(notMet.Count == 0 ? "None." : string.Join(", ", notMet.Select(c => Code(c.Criterion.Id))))}");
        o.Line();
        if (question.Decision is { } graded) Outlook(o, rulebook, graded, result.OutlookOf(question.Question.Id));
        var notConsidered = ReportParts.NotConsideredOf(result, question.Question.Id);
        o.Line($"### Findings not considered ({notConsidered.Count})");
        o.Line();
        if (notConsidered.Count == 0)
        {
            o.Line($"Every finding of {Escape(question.Question.Id)} was read by at least one criterion.");
            o.Line();
            return;
        }
        foreach (var f in notConsidered) Finding(o, f, "");
        o.Line();
    }

    /// <summary>The question's named values, each with what it computed and its definition.</summary>
    private static void Values(TextOutput o, Rulebook rulebook, QuestionResult question)
    {
        if (question.Values.Count == 0) return;
        o.Line($"### Values");
        o.Line();
        o.Line($"| Value | Computed | Definition |");
        o.Line($"|---|---:|---|");
        foreach (var value in question.Values)
        {
            var band = ReportParts.Band(value) is var (text, at)
                ? $"; bands: {Escape(text, lineStart: false)}{(at is { } span ? $" ({Code(RenderPaths.RuleLocation(rulebook, span))})" : "")}"
                : "";
            o.Line($"| {Code(value.Definition.Id)} | {Escape(value.Text, lineStart: false)} | {Code(value.Definition.Definition.Text)} ({Code(RenderPaths.RuleLocation(rulebook, value.Definition.Span))}){band} |");
        }
        o.Line();
    }

    private static void Definition(TextOutput o, Rulebook rulebook, Grade grade)
    {
        var onScale = ReportParts.OnScale(rulebook, grade);
        o.Line($"**Annex A, {Escape(onScale.Name)}:** {Escape(onScale.Definition)}");
        o.Line();
    }

    private static void Decision(TextOutput o, Rulebook rulebook, GradeDecision decision, bool profile)
    {
        o.Line($"### Decided by");
        o.Line();
        o.Line($"Rule {decision.RuleIndex + 1} of the {ReportParts.TableName(decision.Table)}, {Code(RenderPaths.RuleLocation(rulebook, decision.Rule.Span))}:");
        o.Line();
        o.Line($"- when: {(decision.Rule.IsFallback ? "no rule above it holds (`otherwise`)" : Code(decision.Rule.ConditionText))}");
        if (decision.Rule.Because is { } because)
        {
            o.Line($"- because: {Escape(because)}");
        }
        if (!profile)
        {
            o.Line($"- saw: {string.Join(", ", decision.Values.Select(v => FormattableString.Invariant($"{Seen(rulebook, v.Key)} {v.Value}")))}");
            Limited(o, rulebook, decision);
            o.Line();
            return;
        }
        o.Line($"- saw:");
        o.Line();
        o.Line($"  | Evidence | Criteria met | Weight |");
        o.Line($"  |---|---:|---:|");
        foreach (var effect in rulebook.Effects)
        {
            var name = effect.Plural;
            o.Line($"  | {Escape(effect.Title)} | {ReportParts.Value(decision, name + ".count")} | {ReportParts.Value(decision, name + ".weight")} |");
        }
        foreach (var (key, value) in decision.Values.Where(v => v.Key.StartsWith("findings.", StringComparison.Ordinal)))
        {
            o.Line($"  | {Code(key)} | {value} | |");
        }
        Limited(o, rulebook, decision);
        o.Line();
    }

    /// <summary>The limit that moved the grade off the row's, if one did.</summary>
    private static void Limited(TextOutput o, Rulebook rulebook, GradeDecision decision)
    {
        if (decision.LimitedBy is not { } limit) return;
        o.Line();
        o.Line($"Limited by {Code(RenderPaths.RuleLocation(rulebook, limit.Limit.Span))}: {Code($"{limit.Limit.KindText}: {limit.Bound.Id}")} when {Code(limit.Limit.When.Text)}, so {Escape(decision.RowGrade.Name)} becomes {Escape(decision.Grade.Name)}.{(limit.Limit.Because is { } why ? $" Because: {Escape(why)}" : "")}");
    }

    /// <summary>Why there is no grade: the requirements for evidence that were not met, and what each saw.</summary>
    private static void NotGraded(TextOutput o, Rulebook rulebook, NotGraded notGraded)
    {
        o.Line($"**Not graded:** {Escape(notGraded.Reason)}");
        o.Line();
        foreach (var unmet in notGraded.Unmet)
        {
            var seen = unmet.Seen.Count == 0 ? "" : $"; it saw {string.Join(", ", unmet.Seen.Select(s => Escape(s)))}";
            o.Line($"- requirement {Code(RenderPaths.RuleLocation(rulebook, unmet.Requirement.Span))} not met: {Code(unmet.Requirement.When.Text)}{seen}");
        }
        if (notGraded.Unmet.Count > 0) o.Line();
    }

    /// <summary>A grade id of the roll-up's values as its name; any other key as it is.</summary>
    private static string Name(Rulebook rulebook, string gradeId) => rulebook.Scale.Find(gradeId)?.Name ?? gradeId;

    /// <summary>What an overall row saw, by name: a grade, or a findings count of the inspection as written (`findings.count`).</summary>
    private static string Seen(Rulebook rulebook, string key) => rulebook.Scale.Find(key) is { } grade ? Escape(grade.Name) : Code(key);

    private static void Evidence(TextOutput o, Rulebook rulebook, Effect effect, IReadOnlyList<CriterionOutcome> met)
    {
        o.Line($"### {Escape(effect.Title)} ({met.Count})");
        o.Line();
        if (met.Count == 0)
        {
            o.Line($"None.");
            o.Line();
            return;
        }
        foreach (var outcome in met)
        {
            var c = outcome.Criterion;
            o.Line($"- {Escape(outcome.Message ?? c.Title)} ({Code(c.Id)}, weight {c.Weight}, {Code(RenderPaths.RuleLocation(rulebook, c.Span))})");
            foreach (var f in outcome.Evidence) Finding(o, f, "  ");
        }
        o.Line();
    }

    /// <summary>A finding as a list item with its quote as a block quote under it.</summary>
    private static void Finding(TextOutput o, Finding f, string indent)
    {
        o.Line($"{indent}- {Escape(f.Id)}: {Code(f.IndicatorId)} = {Escape(f.ValueText, lineStart: false)}; source: {Escape(f.Source)}");
        o.Line($"{indent}  > {Escape(f.Quote)}");
    }

    /// <summary>"Why not" the next better grade and "How close to" the next worse one.</summary>
    private static void Outlook(TextOutput o, Rulebook rulebook, GradeDecision decision, GradeOutlook? outlook)
    {
        // A result built without outlooks (they are computed by GradingPipeline.Grade) has nothing to say here.
        if (outlook is null) return;
        var scale = rulebook.Scale.Grades;
        var rank = decision.Grade.Rank;
        if (rank > 0)
        {
            o.Line($"### Why not {Escape(scale[rank - 1].Name)}");
            o.Line();
            Step(o, rulebook, decision, outlook.Higher, scale[rank - 1]);
        }
        if (rank < scale.Count - 1)
        {
            o.Line($"### How close to {Escape(scale[rank + 1].Name)}");
            o.Line();
            Step(o, rulebook, decision, outlook.Lower, scale[rank + 1]);
        }
    }

    private static void Step(TextOutput o, Rulebook rulebook, GradeDecision decision, GradeStep? step, Grade neighbour)
    {
        if (step is null)
        {
            o.Line($"No rule of the {ReportParts.TableName(decision.Table)} gives {Escape(neighbour.Name)}.");
            o.Line();
            return;
        }
        var name = Escape(ReportParts.OnScale(rulebook, step.Grade).Name);
        var when = step.Rule.IsFallback ? "when no rule above it holds" : "when " + Code(step.Rule.ConditionText);
        o.Line($"Rule {step.RuleIndex + 1} of the {ReportParts.TableName(decision.Table)} ({Code(RenderPaths.RuleLocation(rulebook, step.Rule.Span))}) gives {name} {when}.");
        o.Line();
        if (step.Gaps.Count > 0)
        {
            o.Line($"What does not hold now:");
            o.Line();
            foreach (var gap in step.Gaps) o.Line($"- {Rich(gap)}");
            o.Line();
        }
        var sets = ReportParts.ChangeSetCount(step);
        if (sets == 0)
        {
            o.Line($"No set of up to {ReportParts.Plural(Counterfactuals.MaxFlips, "change")} gives {name}.{(ReportParts.ThroughValues(step, sentence: true) is { } values ? $" {Rich(values)}." : "")}");
            o.Line();
            return;
        }
        var size = ReportParts.ChangeSetSize(step);
        o.Line($"The smallest changes that give {name} ({ReportParts.Plural(size, "change")}, {ReportParts.Plural(sets, "way")}):");
        o.Line();
        var n = 1;
        foreach (var set in step.CriterionChanges)
        {
            o.Line($"{n++}. {string.Join("; ", set.Select(CriterionChange))}");
        }
        foreach (var set in step.QuestionChanges)
        {
            o.Line($"{n++}. {string.Join("; ", set.Select(q => $"{Escape(q.Question.Id)} {Escape(q.From.Name)} to {Escape(q.To.Name)}"))}");
        }
        o.Line();
    }

    /// <summary>"`Q1.x` not met (findings Q1-15, Q1-20)": the change mapped to the findings it involves.</summary>
    private static string CriterionChange(CriterionChange change)
    {
        var findings = change.Findings.Count == 0 ? "no findings" : "findings " + string.Join(", ", change.Findings.Select(f => Escape(f.Id)));
        return $"{Code(change.Criterion.Id)} {(change.BecomesMet ? "met" : "not met")} ({findings})";
    }

    private static void Overall(TextOutput o, GradingResult result)
    {
        if (!result.HasOverall) return;
        o.Line($"## Overall: {Escape(result.Overall?.Grade.Name ?? "Not graded")}");
        o.Line();
        if (result.Overall is not { } overall)
        {
            NotGraded(o, result.Rulebook, result.OverallNotGraded!);
            return;
        }
        Definition(o, result.Rulebook, overall.Grade);
        if (overall.UngradedQuestions is { Count: > 0 } left)
        {
            o.Line($"Graded on {result.Questions.Count - left.Count} of {result.Questions.Count} questions: {string.Join(", ", left.Select(Code))} not graded.");
            o.Line();
        }
        if (overall.CarriedQuestions is { Count: > 0 } carried)
        {
            o.Line($"{string.Concat(ReportParts.Segments(ReportParts.CarriedOverall(carried)).Select(p => p.Code ? Code(p.Text) : Escape(p.Text, lineStart: false)))}");
            o.Line();
        }
        Decision(o, result.Rulebook, overall, profile: false);
        Outlook(o, result.Rulebook, overall, result.OutlookOf(ProposedGrades.OverallKey));
    }

    private static void Footer(TextOutput o, GradingResult result)
    {
        var rulebook = result.Rulebook;
        var inspection = result.Inspection;
        o.Line($"---");
        o.Line();
        o.Line($"Rulebook {Code(rulebook.Id)} version {Escape(rulebook.Version, lineStart: false)}, content hash {Code("sha256:" + rulebook.ContentHash)}.  ");
        o.Line($"Findings file {Code(inspection.Path.Replace('\\', '/'))}, SHA-256 {Code(inspection.Sha256)}.");
    }
}
