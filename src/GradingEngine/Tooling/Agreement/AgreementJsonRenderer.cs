using System.Text.Json;
using GradingEngine.Model;
using GradingEngine.Render;

namespace GradingEngine.Tooling.Agreement;

/// <summary>The agreement report as JSON (docs/json-output.md, "agree"): keys in a fixed order, numbers rounded, the same bytes for the same inputs.</summary>
internal static class AgreementJsonRenderer
{
    public static string Render(AgreementReport report) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        JsonRenderer.WriteRulebook(w, report.Rulebook);
        w.WriteStartArray("pairs");
        foreach (var c in report.Comparisons) Comparison(w, c);
        w.WriteEndArray();
        if (report.Sample is { } sample)
        {
            w.WriteStartObject("sample");
            w.WriteNumber("pairs", report.PairCount);
            w.WriteStartArray("grades");
            foreach (var t in sample.Grades)
            {
                w.WriteStartObject();
                w.WriteString("subject", t.Subject);
                w.WriteNumber("pairs", t.Grades.Items);
                w.WriteNumber("agreed", t.Grades.Agreed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Figures(w, sample.Figures);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("sample");
        }
        w.WriteEndObject();
    });

    private static void Comparison(Utf8JsonWriter w, CodingComparison c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        Coding(w, "a", c.A);
        Coding(w, "b", c.B);
        w.WriteString("alignedBy", AgreementWords.Id(c.Alignment.Basis));
        if (c.Report is null) w.WriteNull("report");
        else w.WriteString("report", c.Report);
        w.WriteBoolean("gradesDiffer", c.GradesDiffer);
        w.WriteStartArray("grades");
        foreach (var g in c.Grades)
        {
            w.WriteStartObject();
            w.WriteString("subject", g.Subject);
            w.WriteString("a", g.AId);
            w.WriteString("b", g.BId);
            w.WriteBoolean("differ", g.Differ);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Figures(w, c.Figures);
        w.WriteStartArray("passages");
        foreach (var p in c.Alignment.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("agreement", AgreementWords.Id(p.Kind));
            Id(w, "disagreement", c.DisagreementOf(p));
            w.WriteNumber("sharedWords", p.SharedWords);
            w.WritePropertyName("a");
            JsonRenderer.WriteFinding(w, p.A, withQuestion: true);
            w.WritePropertyName("b");
            JsonRenderer.WriteFinding(w, p.B, withQuestion: true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Only(w, "onlyA", c, c.Alignment.OnlyA);
        Only(w, "onlyB", c, c.Alignment.OnlyB);
        w.WriteStartArray("disagreements");
        foreach (var impact in c.Impacts) Impact(w, impact);
        w.WriteEndArray();
        w.WriteStartArray("explanations");
        foreach (var e in c.Explanations) Explanation(w, e);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Coding(Utf8JsonWriter w, string name, Inspection inspection)
    {
        w.WriteStartObject(name);
        w.WriteString("id", inspection.Id);
        w.WriteString("force", inspection.Force);
        w.WriteString("file", inspection.Path.Replace('\\', '/'));
        w.WriteString("sha256", inspection.Sha256);
        w.WriteNumber("findings", inspection.Findings.Count);
        w.WriteEndObject();
    }

    private static void Id(Utf8JsonWriter w, string name, CodingDisagreement? d)
    {
        if (d is null) w.WriteNull(name);
        else w.WriteString(name, d.Id);
    }

    private static void Only(Utf8JsonWriter w, string name, CodingComparison c, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            Id(w, "disagreement", c.DisagreementOf(f));
            w.WritePropertyName("finding");
            JsonRenderer.WriteFinding(w, f, withQuestion: true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Figures(Utf8JsonWriter w, IReadOnlyList<SubjectFigures> figures)
    {
        w.WriteStartArray("figures");
        foreach (var f in figures)
        {
            w.WriteStartObject();
            w.WriteString("subject", f.Subject);
            w.WriteNumber("findingsA", f.FindingsA);
            w.WriteNumber("findingsB", f.FindingsB);
            w.WriteNumber("passages", f.Passages);
            w.WriteNumber("onlyA", f.OnlyA);
            w.WriteNumber("onlyB", f.OnlyB);
            w.WriteStartObject("indicators");
            Tally(w, f.Indicators.Items, f.Indicators.Agreed, f.Indicators.Percent);
            Number(w, "kappa", f.Indicators.Kappa);
            w.WriteEndObject();
            w.WriteStartArray("judgements");
            foreach (var j in f.Judgements)
            {
                w.WriteStartObject();
                w.WriteString("scale", j.Scale);
                w.WriteNumber("levels", j.Levels);
                Tally(w, j.Items, j.Agreed, j.Percent);
                Number(w, "linearKappa", j.Linear);
                Number(w, "quadraticKappa", j.Quadratic);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("values");
            Tally(w, f.Values.Items, f.Values.Agreed, f.Values.Percent);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Tally(Utf8JsonWriter w, int items, int agreed, double? percent)
    {
        w.WriteNumber("items", items);
        w.WriteNumber("agreed", agreed);
        Number(w, "percent", percent is { } p ? Math.Round(p, 1) : null);
    }

    /// <summary>A figure rounded to 4 places, or null when it is undefined.</summary>
    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, Math.Round(v, 4));
        else w.WriteNull(name);
    }

    private static void Impact(Utf8JsonWriter w, DisagreementImpact impact)
    {
        var d = impact.Disagreement;
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("kind", AgreementWords.Id(d.Kind));
        w.WriteStartArray("questions");
        foreach (var q in d.Questions) w.WriteStringValue(q);
        w.WriteEndArray();
        Finding(w, "a", d.A);
        Finding(w, "b", d.B);
        w.WriteBoolean("changesGrades", impact.ChangesGrades);
        Shifts(w, "aWithB", impact.OnA);
        Shifts(w, "bWithA", impact.OnB);
        w.WriteEndObject();
    }

    private static void Finding(Utf8JsonWriter w, string name, Finding? f)
    {
        if (f is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WritePropertyName(name);
        JsonRenderer.WriteFinding(w, f, withQuestion: true);
    }

    private static void Shifts(Utf8JsonWriter w, string name, IReadOnlyList<GradeShift> shifts)
    {
        w.WriteStartArray(name);
        foreach (var s in shifts)
        {
            w.WriteStartObject();
            w.WriteString("subject", s.Subject);
            w.WriteString("from", s.From);
            w.WriteString("to", s.To);
            w.WriteNumber("steps", s.Steps);
            w.WriteBoolean("toOther", s.ToOther);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Explanation(Utf8JsonWriter w, Explanation e)
    {
        w.WriteStartObject();
        w.WriteString("subject", e.Grades.Subject);
        w.WriteString("a", e.Grades.AId);
        w.WriteString("b", e.Grades.BId);
        w.WriteString("search", AgreementWords.Id(e.End));
        w.WriteNumber("size", e.Size);
        w.WriteStartArray("sets");
        foreach (var set in e.Sets)
        {
            w.WriteStartArray();
            foreach (var d in set) w.WriteStringValue(d.Id);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteNumber("candidates", e.Candidates);
        w.WriteNumber("tried", e.Tried);
        w.WriteBoolean("allTogether", e.AllTogether);
        w.WriteBoolean("bothWays", e.BothWays);
        w.WriteEndObject();
    }
}
