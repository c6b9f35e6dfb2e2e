using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Render;

/// <summary>
/// The grading trace as JSON, documented in docs/json-output.md. Keys are written in a fixed order
/// and nothing depends on culture, time or machine: same inputs, same bytes.
/// </summary>
public static class JsonRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(GradingResult result) => Write(w => WriteResult(w, result));

    /// <summary>Several inspections: `{"inspections": [...]}` in the order the files were given.</summary>
    public static string RenderMany(IEnumerable<GradingResult> results) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("inspections");
        foreach (var result in results) WriteResult(w, result);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One question's trace, with the rulebook and inspection it belongs to.</summary>
    public static string RenderQuestion(GradingResult result, QuestionResult question) => Write(w =>
    {
        w.WriteStartObject();
        WriteRulebook(w, result.Rulebook);
        WriteInspection(w, result.Inspection);
        w.WritePropertyName("question");
        WriteQuestion(w, result.Rulebook, question, result.OutlookOf(question.Question.Id));
        w.WriteStartArray("notConsidered");
        foreach (var finding in result.NotConsidered.Where(f => f.QuestionId == question.Question.Id)) WriteFinding(w, finding, withQuestion: true);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    internal static void WriteResult(Utf8JsonWriter w, GradingResult result)
    {
        w.WriteStartObject();
        WriteRulebook(w, result.Rulebook);
        WriteInspection(w, result.Inspection);
        w.WriteStartArray("questions");
        foreach (var question in result.Questions)
        {
            WriteQuestion(w, result.Rulebook, question, result.OutlookOf(question.Question.Id));
        }
        w.WriteEndArray();
        if (!result.HasOverall)
        {
            // The framework has no overall judgement: there is nothing to report, not even "not graded".
            w.WriteNull("overall");
        }
        else
        {
            w.WriteStartObject("overall");
            WriteOutcome(w, result.Rulebook, result.Overall, result.OverallNotGraded);
            WriteOutlook(w, result.Rulebook, result.OutlookOf(ProposedGrades.OverallKey));
            w.WriteEndObject();
        }
        w.WriteStartArray("notConsidered");
        foreach (var finding in result.NotConsidered)
        {
            WriteFinding(w, finding, withQuestion: true);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteRulebook(Utf8JsonWriter w, Rulebook rulebook)
    {
        w.WriteStartObject("rulebook");
        w.WriteString("id", rulebook.Id);
        w.WriteString("version", rulebook.Version);
        w.WriteString("title", rulebook.Title);
        w.WriteString("contentHash", "sha256:" + rulebook.ContentHash);
        w.WriteEndObject();
    }

    internal static void WriteInspection(Utf8JsonWriter w, Inspection inspection) =>
        WriteInspection(w, inspection.Id, inspection.Force, inspection.Framework, inspection.Path, inspection.Sha256, inspection.Findings.Count, inspection.ReportFile);

    /// <param name="report">The report the quotes were found in, relative to the findings file: written only when declared.</param>
    internal static void WriteInspection(Utf8JsonWriter w, string id, string force, string framework, string path, string sha256, int findings, string? report = null)
    {
        w.WriteStartObject("inspection");
        w.WriteString("id", id);
        w.WriteString("force", force);
        w.WriteString("framework", framework);
        w.WriteString("file", path.Replace('\\', '/'));
        w.WriteString("sha256", sha256);
        w.WriteNumber("findings", findings);
        if (report is not null) w.WriteString("report", report.Replace('\\', '/'));
        w.WriteEndObject();
    }

    internal static void WriteQuestion(Utf8JsonWriter w, Rulebook rulebook, QuestionResult question, GradeOutlook? outlook)
    {
        w.WriteStartObject();
        w.WriteString("id", question.Question.Id);
        w.WriteString("title", question.Question.Title);
        WriteOutcome(w, rulebook, question.Decision, question.NotGraded);
        if (question.Carried is { } carried)
        {
            w.WriteStartObject("carried");
            w.WriteString("grade", carried.Grade.Id);
            w.WriteString("source", carried.Source);
            w.WriteNumber("line", carried.Span.Line);
            w.WriteEndObject();
        }
        WriteOutlook(w, rulebook, outlook);
        if (!rulebook.Values.IsEmpty) WriteValues(w, rulebook, question.Values);
        w.WriteStartArray("criteria");
        foreach (var outcome in question.Criteria)
        {
            var c = outcome.Criterion;
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("area", c.AreaId);
            w.WriteString("effect", c.EffectId);
            w.WriteNumber("weight", c.Weight);
            w.WriteString("outcome", outcome.Met ? "met" : "not met");
            w.WriteString("rule", RenderPaths.RuleLocation(rulebook, c.Span));
            if (c.Template is { } template)
            {
                w.WriteString("templateFor", template.QuestionId);
                if (template.AreaId is { } area) w.WriteString("templateArea", area);
            }
            if (outcome.Met)
            {
                w.WriteString("message", outcome.Message);
                w.WriteStartArray("findings");
                foreach (var finding in outcome.Evidence)
                {
                    WriteFinding(w, finding, withQuestion: false);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The question's named values: id, title, the value computed (null when undefined), and the definition where written.</summary>
    internal static void WriteValues(Utf8JsonWriter w, Rulebook rulebook, IReadOnlyList<ComputedValue> values)
    {
        w.WriteStartArray("values");
        foreach (var value in values)
        {
            w.WriteStartObject();
            w.WriteString("id", value.Definition.Id);
            w.WriteString("title", value.Definition.Title);
            if (value.Value is { } v) w.WriteNumber("value", v);
            else w.WriteNull("value");
            w.WriteString("definition", value.Definition.Definition.Text);
            w.WriteString("file", RenderPaths.RuleFile(rulebook, value.Definition.Span));
            w.WriteNumber("line", value.Definition.Span.Line);
            if (value.Definition.Bands.Count > 0)
            {
                // A banded value: the number its band was found for, and the band (null when none: undefined or below every band).
                if (value.Input is { } input) w.WriteNumber("input", input);
                else w.WriteNull("input");
                if (value.Band is { } band)
                {
                    w.WriteStartObject("band");
                    w.WriteNumber("from", band.From);
                    w.WriteNumber("value", band.Value);
                    w.WriteNumber("line", band.Span.Line);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("band");
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>`grade` and `decidedBy` (and `limitedBy` when a limit moved the grade), or `grade: null` and `notGraded`.</summary>
    internal static void WriteOutcome(Utf8JsonWriter w, Rulebook rulebook, GradeDecision? decision, NotGraded? notGraded)
    {
        if (decision is null)
        {
            w.WriteNull("grade");
            WriteNotGraded(w, rulebook, notGraded!);
            return;
        }
        w.WriteString("grade", decision.Grade.Id);
        WriteDecision(w, rulebook, decision);
        if (decision.UngradedQuestions.Count > 0)
        {
            w.WriteStartArray("ungradedQuestions");
            foreach (var question in decision.UngradedQuestions) w.WriteStringValue(question);
            w.WriteEndArray();
        }
        if (decision.CarriedQuestions.Count > 0)
        {
            w.WriteStartArray("carriedQuestions");
            foreach (var carried in decision.CarriedQuestions)
            {
                w.WriteStartObject();
                w.WriteString("question", carried.QuestionId);
                w.WriteString("grade", carried.Grade.Id);
                w.WriteString("source", carried.Source);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (decision.LimitedBy is { } limit)
        {
            w.WriteStartObject("limitedBy");
            w.WriteString("limit", limit.Limit.KindText);
            w.WriteString("grade", limit.Bound.Id);
            w.WriteString("file", RenderPaths.RuleFile(rulebook, limit.Limit.Span));
            w.WriteNumber("line", limit.Limit.Span.Line);
            w.WriteString("condition", limit.Limit.When.Text);
            if (limit.Limit.Because is { } because) w.WriteString("because", because);
            w.WriteString("rowGrade", decision.RowGrade.Id);
            w.WriteEndObject();
        }
    }

    internal static void WriteNotGraded(Utf8JsonWriter w, Rulebook rulebook, NotGraded notGraded)
    {
        w.WriteStartObject("notGraded");
        w.WriteString("reason", notGraded.Reason);
        if (notGraded.UngradedQuestions.Count > 0)
        {
            w.WriteStartArray("ungradedQuestions");
            foreach (var question in notGraded.UngradedQuestions) w.WriteStringValue(question);
            w.WriteEndArray();
        }
        w.WriteStartArray("requirements");
        foreach (var unmet in notGraded.Unmet)
        {
            w.WriteStartObject();
            w.WriteString("file", RenderPaths.RuleFile(rulebook, unmet.Requirement.Span));
            w.WriteNumber("line", unmet.Requirement.Span.Line);
            w.WriteString("condition", unmet.Requirement.When.Text);
            w.WriteString("because", unmet.Requirement.Because);
            w.WriteStartArray("seen");
            foreach (var seen in unmet.Seen) w.WriteStringValue(seen);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteDecision(Utf8JsonWriter w, Rulebook rulebook, GradeDecision decision)
    {
        w.WriteStartObject("decidedBy");
        w.WriteString("table", decision.Table);
        w.WriteNumber("rule", decision.RuleIndex + 1);
        w.WriteString("file", RenderPaths.RuleFile(rulebook, decision.Rule.Span));
        w.WriteNumber("line", decision.Rule.Span.Line);
        w.WriteString("condition", decision.Rule.ConditionText);
        if (decision.Rule.Because is { } because)
        {
            w.WriteString("because", because);
        }
        w.WriteStartObject("values");
        foreach (var (name, value) in decision.Values)
        {
            w.WriteNumber(name, value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>`outlook`: `higher` (why not the next better grade) and `lower` (how close the next worse one is).</summary>
    internal static void WriteOutlook(Utf8JsonWriter w, Rulebook rulebook, GradeOutlook? outlook)
    {
        if (outlook is null) return;
        w.WriteStartObject("outlook");
        WriteStep(w, rulebook, "higher", outlook.Higher);
        WriteStep(w, rulebook, "lower", outlook.Lower);
        w.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter w, Rulebook rulebook, string name, GradeStep? step)
    {
        if (step is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("grade", step.Grade.Id);
        w.WriteNumber("rule", step.RuleIndex + 1);
        w.WriteString("file", RenderPaths.RuleFile(rulebook, step.Rule.Span));
        w.WriteNumber("line", step.Rule.Span.Line);
        w.WriteString("condition", step.Rule.ConditionText);
        w.WriteStartArray("gaps");
        foreach (var gap in step.Gaps) w.WriteStringValue(gap);
        w.WriteEndArray();
        WriteChangeSets(w, "changes", step.CriterionChanges, step.QuestionChanges);
        if (step.ValuesRead.Count > 0)
        {
            // The row reads named values, which the findings set: no set of criterion changes may reach it.
            w.WriteStartArray("valuesRead");
            foreach (var value in step.ValuesRead) w.WriteStringValue(value);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Alternative sets of changes: criterion outcomes (for a question) or question grades (for the overall grade).</summary>
    internal static void WriteChangeSets(
        Utf8JsonWriter w,
        string name,
        IReadOnlyList<IReadOnlyList<CriterionChange>> criterionChanges,
        IReadOnlyList<IReadOnlyList<QuestionChange>> questionChanges)
    {
        w.WriteStartArray(name);
        foreach (var set in criterionChanges)
        {
            w.WriteStartArray();
            foreach (var change in set)
            {
                w.WriteStartObject();
                w.WriteString("criterion", change.Criterion.Id);
                w.WriteString("effect", change.Criterion.EffectId);
                w.WriteNumber("weight", change.Criterion.Weight);
                w.WriteString("outcome", change.BecomesMet ? "met" : "not met");
                w.WriteStartArray("findings");
                foreach (var f in change.Findings) w.WriteStringValue(f.Id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        foreach (var set in questionChanges)
        {
            w.WriteStartArray();
            foreach (var change in set)
            {
                w.WriteStartObject();
                w.WriteString("question", change.Question.Id);
                w.WriteString("from", change.From.Id);
                w.WriteString("to", change.To.Id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <param name="located">Also where the quote was found in the report (the trace); the inputs of a decision record hold only what was written.</param>
    internal static void WriteFinding(Utf8JsonWriter w, Finding finding, bool withQuestion, bool located = true)
    {
        w.WriteStartObject();
        w.WriteString("id", finding.Id);
        if (withQuestion)
        {
            w.WriteString("question", finding.QuestionId);
        }
        w.WriteString("indicator", finding.IndicatorId);
        if (finding.Judgement is { } j) w.WriteString("judgement", j);
        if (finding.Number is { } n) w.WriteNumber("value", n);
        if (finding.Flag is { } f) w.WriteBoolean("value", f);
        if (finding.Kind is { } kind) w.WriteString("kind", kind);
        w.WriteString("quote", finding.Quote);
        if (located && finding.QuoteAt is { } at) WriteQuoteAt(w, at);
        w.WriteString("source", finding.Source);
        w.WriteEndObject();
    }

    /// <summary>`quoteAt`: the report lines a quote was found on and what it needed to match there (docs/findings-format.md).</summary>
    internal static void WriteQuoteAt(Utf8JsonWriter w, QuoteLocation at)
    {
        w.WriteStartObject("quoteAt");
        w.WriteNumber("line", at.Line);
        w.WriteNumber("endLine", at.EndLine);
        w.WriteStartArray("normalised");
        foreach (var name in at.NormalisedNames) w.WriteStringValue(name);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
