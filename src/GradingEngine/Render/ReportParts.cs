using System.Diagnostics;
using GradingEngine.Trace;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>
/// What the Markdown and HTML reports read from a <see cref="GradingResult"/> in the same way:
/// headings, grade definitions, table names and the code parts of gap texts, so both say the same.
/// </summary>
internal static class ReportParts
{

    /// <summary>
    /// How a banded value found its band, as (text before the location, the band's location or null): `input 75 is in the
    /// band from 63` at values.yaml:24, or why it has none. Null for a value without bands.
    /// </summary>
    public static (string Text, SourceSpan? At)? Band(ComputedValue value)
    {
        if (value.Definition.Bands.Count == 0) return null;
        if (value.Input is null) return ("input undefined, so no band", null);
        if (value.Band is { } band) return ($"input {value.InputText} is in the band from {Numbers.Text(band.From)}", band.Span);
        return ($"input {value.InputText} is below the first band, from {Numbers.Text(value.Definition.Bands[0].From)}, so no band", null);
    }

    /// <summary>Under a question not graded whose earlier grade the roll-up counts: `Carried into the overall grade: Good, from ...`.</summary>
    public static string Carried(CarriedGrade carried) => $"Carried into the overall grade: {carried.Grade.Name}, from {carried.Source}";

    /// <summary>Under an overall grade that counted carried grades: which, and from where.</summary>
    public static string CarriedOverall(IReadOnlyList<CarriedGrade> carried) =>
        $"Counts grades carried from an earlier inspection for questions not inspected: {string.Join(", ", carried.Select(c => $"`{c.QuestionId}` {c.Grade.Name}"))} (from {string.Join("; ", carried.Select(c => c.Source).Distinct(StringComparer.Ordinal))})";

    /// <summary>
    /// When no set of criterion changes reaches a row that reads named values: what would (other findings, through the
    /// values); null for a row that reads none.
    /// </summary>
    public static string? ThroughValues(GradeStep step, bool sentence = false) => step.ValuesRead.Count == 0
        ? null
        : $"{(sentence ? "It" : "it")} reads {string.Join(", ", step.ValuesRead.Select(v => $"`{v}`"))}, which only different findings change (see the gaps above)";

    /// <summary>The grade as the scale defines it: the decision's grade may be a copy without the Annex A text.</summary>
    public static Grade OnScale(Rulebook rulebook, Grade grade) => rulebook.Scale.Find(grade.Id) ?? grade;

    /// <summary>"default thresholds table", "thresholds table of Q3", "overall roll-up table".</summary>
    public static string TableName(string table) => table switch
    {
        "default" => "default thresholds table",
        ProposedGrades.OverallKey => "overall roll-up table",
        _ => $"thresholds table of {table}",
    };

    public static int Value(GradeDecision decision, string name) =>
        decision.Values.FirstOrDefault(v => v.Key == name).Value;

    /// <summary>`criteria/q1.yaml:12`, and for a template's copy `criteria/t.yaml:12 (template, for `Q3`)`.</summary>
    public static string CriterionLocation(Rulebook rulebook, Criterion criterion) =>
        RenderPaths.RuleLocation(rulebook, criterion.Span) + (criterion.Template is { } t ? $" (template, for `{t.QuestionId}`{(t.AreaId is { } area ? $", area `{area}`" : "")})" : "");

    public static IReadOnlyList<Finding> NotConsideredOf(GradingResult result, string questionId) =>
        result.NotConsidered.Where(f => f.QuestionId == questionId).ToList();

    public static IReadOnlyList<CriterionOutcome> Met(QuestionResult question, Effect effect) =>
        question.Criteria.Where(c => c.Met && c.Criterion.EffectId == effect.Id).ToList();

    /// <summary>How many alternative sets of changes a step offers, criterion or question changes alike.</summary>
    public static int ChangeSetCount(GradeStep step) => step.CriterionChanges.Count + step.QuestionChanges.Count;

    /// <summary>How many changes each of those sets holds (all are the smallest, so all the same size).</summary>
    public static int ChangeSetSize(GradeStep step) =>
        step.CriterionChanges.Count > 0 ? step.CriterionChanges[0].Count : step.QuestionChanges.Count > 0 ? step.QuestionChanges[0].Count : 0;

    /// <summary>"1 change" / "3 changes", invariant.</summary>
    public static string Plural(int count, string noun) =>
        FormattableString.Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>
    /// Splits engine text such as a gap ("`a == 0` does not hold: a is 2") into prose and code parts,
    /// so each renderer can mark the code up its own way. Unbalanced backticks: all prose.
    /// </summary>
    public static IReadOnlyList<(string Text, bool Code)> Segments(string text)
    {
        var parts = text.Split('`');
        if (parts.Length % 2 == 0) return [(text, false)];
        var segments = new List<(string, bool)>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0) segments.Add((parts[i], i % 2 == 1));
        }
        return segments;
    }

    /// <summary>
    /// Where a quote was found and what it took: `report.txt, lines 885-886 (a word hyphenated at a line
    /// end read whole)`. The quote itself is always shown as the inspector wrote it.
    /// </summary>
    public static string FoundAt(QuoteLocation at, string? reportFile)
    {
        var where = $"{(reportFile ?? "the report").Replace('\\', '/')}, {at.LinesText}";
        var needed = QuoteNormalisations.All.Where(n => at.Normalised.HasFlag(n)).Select(Needed).ToList();
        return needed.Count == 0 ? where : $"{where} ({string.Join("; ", needed)})";
    }

    private static string Needed(QuoteNormalisation normalisation) => normalisation switch
    {
        QuoteNormalisation.LineEndHyphen => "a word hyphenated at a line end read whole",
        QuoteNormalisation.FootnoteNumber => "a footnote number left out",
        QuoteNormalisation.PageBreak => "runs on over a page break",
        QuoteNormalisation.Typography => "typographic characters read as plain ones",
        _ => throw new UnreachableException(normalisation.ToString()),
    };

    /// <summary>Collapses runs of white space (line breaks included) to one space: report text is inline.</summary>
    public static string Inline(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
