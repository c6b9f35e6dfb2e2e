using System.Diagnostics;
using System.Text.Json;
using GradingEngine.Model;
using GradingEngine.Trace;
using GradingEngine.Render;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// `rules test` output. Text reads like a test runner: `PASS name` / `FAIL name` per case, what
/// differed and why for each failure, then `N passed, N failed`, then coverage when asked.
/// JSON carries the same for tools, keys in a fixed order.
/// </summary>
public static class RuleTestRenderer
{
    public static string RenderText(RuleTestReport report, bool coverage, decimal? minimumCoverage)
    {
        var o = new TextOutput();
        var rulebook = report.Rulebook;
        foreach (var result in report.Cases)
        {
            o.Line($"{(result.Passed ? "PASS" : "FAIL")} {result.Case.Name}");
            foreach (var failure in result.Failures)
            {
                Failure(o, rulebook, result, failure);
            }
        }
        foreach (var table in report.Published)
        {
            Published(o, rulebook, table);
        }
        o.Line($"{report.PassedCount} passed, {report.FailedCount} failed");
        if (coverage)
        {
            o.Line();
            Coverage(o, report);
        }
        if (minimumCoverage is { } minimum)
        {
            var below = report.Coverage.Below(minimum);
            if (below.Count > 0)
            {
                o.Line();
                o.Line($"coverage below {minimum}%: {string.Join(", ", below.Select(b => FormattableString.Invariant($"{b.Key} {b.Value.Percent:0.0}%")))}");
            }
        }
        return o.ToString();
    }

    private static void Failure(TextOutput o, Rulebook rulebook, RuleCaseResult result, ExpectationResult failure)
    {
        var where = RenderPaths.RuleLocation(rulebook, failure.Span);
        switch (failure.Kind)
        {
            case ExpectationKind.Grade when failure.Subject == ProposedGrades.OverallKey:
                o.Line($"  {failure.Subject}: expected {failure.Expected}, got {failure.Actual}  ({where})");
                if (result.Result.Overall is { } overall) TextRenderer.Decision(o, rulebook, overall, profile: false);
                else TextRenderer.NotGraded(o, rulebook, result.Result.OverallNotGraded!);
                o.Wrapped("    Question grades: ", string.Join(", ", result.Result.Questions.Select(q => $"{q.Question.Id} {q.Grade?.Id ?? ProposedGrades.NotGradedId}")));
                break;
            case ExpectationKind.Grade:
                var question = result.Result.Find(failure.Subject)!;
                o.Line($"  {failure.Subject}: expected {failure.Expected}, got {failure.Actual}  ({where})");
                if (question.Decision is { } decision) TextRenderer.Decision(o, rulebook, decision, profile: true);
                else TextRenderer.NotGraded(o, rulebook, question.NotGraded!);
                CriteriaMet(o, question);
                break;
            default:
                var outcome = result.Result.Questions.SelectMany(q => q.Criteria).First(c => c.Criterion.Id == failure.Subject);
                var c = outcome.Criterion;
                o.Line($"  {failure.Subject}: expected {failure.Expected}, got {failure.Actual}  ({where})");
                o.Wrapped($"    {RenderPaths.RuleLocation(rulebook, c.Span)}: when ", c.When.Text, "      ");
                if (outcome.Met)
                {
                    o.Wrapped("    met on ", $"{string.Join(", ", outcome.Evidence.Select(f => f.Id))}: {outcome.Message}");
                }
                break;
        }
    }

    /// <summary>
    /// A published-grades table in one line (`PASS name: N published rows, N agree, ...`), then each row that is not as
    /// the table expects: its grades as published, what the roll-up gives, and the roll-up row that decided it.
    /// </summary>
    private static void Published(TextOutput o, Rulebook rulebook, PublishedTableResult result)
    {
        o.Line($"{(result.Passed ? "PASS" : "FAIL")} {result.Table.Name}: {PublishedSummary(result)}");
        foreach (var row in result.Failures)
        {
            var published = row.Row.Overall!.Id;
            o.Line($"  {row.Row.Name}  ({RenderPaths.RuleLocation(rulebook, row.Row.Span)})");
            o.Wrapped("    published ", string.Join(", ", rulebook.Questions.Select((q, i) => $"{q.Id} {row.Row.Questions[i]?.Id ?? "?"}").Append($"overall {published}")));
            if (row.ExpectedToDisagree)
            {
                var listed = result.Table.Disagree.First(d => d.RowName == row.Row.Name);
                o.Line($"    listed in `disagree` ({RenderPaths.RuleLocation(rulebook, listed.Span)}), but the roll-up agrees: {RolledUp(result.Table, row)}");
            }
            else
            {
                o.Line($"    the roll-up gives {RolledUp(result.Table, row)}");
            }
            if (row.Decision is { } decision) TextRenderer.Decision(o, rulebook, decision, profile: false);
        }
    }

    private static string PublishedSummary(PublishedTableResult result)
    {
        var parts = new List<string> { Count(result.Rows.Count, "published row", "published rows"), $"{result.AgreeingCount} agree" };
        var listed = result.Rows.Count(r => r.Tested && !r.Agrees && r.ExpectedToDisagree);
        if (listed > 0) parts.Add($"{listed} disagree as listed");
        var unexpected = result.DisagreeingCount - listed;
        if (unexpected > 0) parts.Add(Count(unexpected, "disagrees", "disagree"));
        var untested = result.Rows.Count - result.TestedCount;
        if (untested > 0) parts.Add($"{untested} without an overall grade");
        var reading = result.Table.UnknownReadAs is { } grade ? $"unknown question grades read as {grade.Id}" : "unknown question grades: some grade";
        return $"{string.Join(", ", parts)} ({reading})";
    }

    private static string Count(int n, string one, string many) =>
        FormattableString.Invariant($"{n} {(n == 1 ? one : many)}");

    /// <summary>What the roll-up gives for a row: its grade, or every grade some choice of the unknown grades gives.</summary>
    private static string RolledUp(PublishedTable table, PublishedRowResult row)
    {
        if (row.Decision is not null) return row.Possible[0].Id;
        var grades = row.Possible.Select(g => g.Id).ToList();
        var listed = grades.Count == 1 ? grades[0] : $"{string.Join(", ", grades[..^1])} or {grades[^1]}";
        return $"{listed} for the grades the unknown questions can have";
    }

    /// <summary>The met criteria behind a grade, one per line with effect, weight and evidence.</summary>
    private static void CriteriaMet(TextOutput o, QuestionResult question)
    {
        var met = question.Criteria.Where(c => c.Met).ToList();
        o.Line($"    Criteria met: {met.Count} of {question.Criteria.Count}");
        foreach (var outcome in met)
        {
            var c = outcome.Criterion;
            o.Line($"      {c.Id}  {c.EffectId}, weight {c.Weight}  [{string.Join(", ", outcome.Evidence.Select(f => f.Id))}]");
        }
    }

    private static void Coverage(TextOutput o, RuleTestReport report)
    {
        var coverage = report.Coverage;
        var rulebook = report.Rulebook;
        o.Line($"Coverage over {Cases(report.Cases.Count)}");
        // Question ids such as `leadership-management` widen the first column; short ids keep it at 10.
        var column = Math.Max(10, coverage.Questions.Select(q => q.Question.Id.Length + 2).DefaultIfEmpty(0).Max());
        Row(o, column, "question", "criteria", "threshold rules", "cases");
        foreach (var q in coverage.Questions)
        {
            Row(o, column, q.Question.Id, Figure(q.CriteriaFigure), Figure(q.Thresholds.Figure), q.ExercisedBy.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Row(o, column, "total", Figure(coverage.Criteria), Figure(coverage.Thresholds), "");
        foreach (var q in coverage.Questions)
        {
            var neverMet = q.Criteria.Where(c => c.MetIn.Count == 0).Select(c => c.Criterion.Id).ToList();
            var neverNotMet = q.Criteria.Where(c => c.MetIn.Count > 0 && c.NotMetIn.Count == 0).Select(c => c.Criterion.Id).ToList();
            var rows = q.Thresholds.Rules.Where(r => !r.Covered).ToList();
            var limits = q.Limits.Where(l => !l.Covered).ToList();
            if (neverMet.Count + neverNotMet.Count + rows.Count + limits.Count == 0) continue;
            o.Line($"  {q.Question.Id} not covered:");
            if (neverMet.Count > 0) o.Wrapped("    criteria never met: ", string.Join(", ", neverMet));
            if (neverNotMet.Count > 0) o.Wrapped("    criteria never not met: ", string.Join(", ", neverNotMet));
            foreach (var row in rows)
            {
                o.Line($"    threshold rule never deciding: {Rule(rulebook, q.Thresholds.Table, row)}");
            }
            foreach (var limit in limits)
            {
                o.Line($"    limit never setting the grade: {Limit(rulebook, limit)}");
            }
        }
        if (coverage.Questions.Any(q => q.Limits.Count > 0) || coverage.RollupLimits.Count > 0)
        {
            o.Line($"Limits: {Figure(coverage.Limits)}");
        }
        if (coverage.Rollup is not { } rollup) return;
        o.Line();
        o.Line($"Roll-up rules: {Figure(rollup.Figure)} over {Cases(coverage.RollupExercisedBy.Count)}");
        var names = rollup.Rules.Select(r => Rule(rulebook, rollup.Table, r)).ToList();
        var width = names.Max(n => n.Length) + 2;
        foreach (var (row, name) in rollup.Rules.Zip(names))
        {
            o.Line($"  {name.PadRight(width)}{Cases(row.DecidedIn.Count)}{(row.Covered ? "" : "  (never decides)")}");
        }
        foreach (var limit in coverage.RollupLimits)
        {
            o.Line($"  {Limit(rulebook, limit)}: sets the grade in {Cases(limit.SetIn.Count)}{(limit.Covered ? "" : "  (never sets it)")}");
        }
    }

    private static string Limit(Rulebook rulebook, LimitCoverage limit) =>
        $"{RenderPaths.RuleLocation(rulebook, limit.Limit.Span)} ({limit.Limit.KindText}: {limit.Bound.Id})";

    /// <summary>One row of the coverage table: fixed columns, no trailing spaces.</summary>
    private static void Row(TextOutput o, int width, string subject, string criteria, string thresholds, string cases) =>
        o.Line($"{$"  {subject.PadRight(width)}{criteria,-20}{thresholds,-20}{cases,5}".TrimEnd()}");

    private static string Cases(int count) => count == 1 ? "1 case" : FormattableString.Invariant($"{count} cases");

    private static string Figure(CoverageFigure figure) =>
        FormattableString.Invariant($"{figure.Covered}/{figure.Total} {figure.Percent:0.0}%");

    private static string Rule(Rulebook rulebook, string table, RuleCoverage row) =>
        $"{RenderPaths.RuleLocation(rulebook, row.Rule.Span)} ({table} rule {row.Index + 1}, {row.Grade.Id})";

    public static string RenderJson(RuleTestReport report, bool coverage, decimal? minimumCoverage) => JsonRenderer.Write(w =>
    {
        var rulebook = report.Rulebook;
        w.WriteStartObject();
        JsonRenderer.WriteRulebook(w, rulebook);
        w.WriteNumber("passed", report.PassedCount);
        w.WriteNumber("failed", report.FailedCount);
        w.WriteStartArray("cases");
        foreach (var result in report.Cases)
        {
            WriteCase(w, rulebook, result);
        }
        w.WriteEndArray();
        w.WriteStartArray("published");
        foreach (var table in report.Published)
        {
            WritePublished(w, rulebook, table);
        }
        w.WriteEndArray();
        if (coverage || minimumCoverage is not null)
        {
            WriteCoverage(w, report, minimumCoverage);
        }
        w.WriteEndObject();
    });

    private static void WriteCase(Utf8JsonWriter w, Rulebook rulebook, RuleCaseResult result)
    {
        w.WriteStartObject();
        w.WriteString("name", result.Case.Name);
        w.WriteString("description", result.Case.Description);
        w.WriteString("file", RenderPaths.RuleFile(rulebook, result.Case.Span));
        w.WriteNumber("line", result.Case.Span.Line);
        w.WriteBoolean("passed", result.Passed);
        w.WriteStartObject("grades");
        foreach (var q in result.Result.Questions) w.WriteString(q.Question.Id, q.Grade?.Id ?? ProposedGrades.NotGradedId);
        if (result.Result.HasOverall) w.WriteString(ProposedGrades.OverallKey, result.Result.Overall?.Grade.Id ?? ProposedGrades.NotGradedId);
        w.WriteEndObject();
        w.WriteStartArray("failures");
        foreach (var failure in result.Failures)
        {
            w.WriteStartObject();
            w.WriteString("kind", failure.Kind switch
            {
                ExpectationKind.Grade => "grade",
                ExpectationKind.Met => "met",
                ExpectationKind.NotMet => "notMet",
                _ => throw new UnreachableException(failure.Kind.ToString()),
            });
            w.WriteString("subject", failure.Subject);
            w.WriteString("expected", failure.Expected);
            w.WriteString("actual", failure.Actual);
            w.WriteString("file", RenderPaths.RuleFile(rulebook, failure.Span));
            w.WriteNumber("line", failure.Span.Line);
            if (failure.Kind == ExpectationKind.Grade)
            {
                var (decision, notGraded) = failure.Subject == ProposedGrades.OverallKey
                    ? (result.Result.Overall, result.Result.OverallNotGraded)
                    : (result.Result.Find(failure.Subject)!.Decision, result.Result.Find(failure.Subject)!.NotGraded);
                if (decision is not null) JsonRenderer.WriteDecision(w, rulebook, decision);
                else JsonRenderer.WriteNotGraded(w, rulebook, notGraded!);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePublished(Utf8JsonWriter w, Rulebook rulebook, PublishedTableResult result)
    {
        var table = result.Table;
        w.WriteStartObject();
        w.WriteString("name", table.Name);
        w.WriteString("description", table.Description);
        w.WriteString("file", RenderPaths.RuleFile(rulebook, table.Span));
        w.WriteNumber("line", table.Span.Line);
        w.WriteString("csv", RenderPaths.RuleFile(rulebook, new Diagnostics.SourceSpan(table.CsvFile, 1, 1)));
        w.WriteString("unknown", table.UnknownReadAs?.Id ?? PublishedTableLoader.SomeGrade);
        w.WriteBoolean("passed", result.Passed);
        w.WriteNumber("rows", result.Rows.Count);
        w.WriteNumber("tested", result.TestedCount);
        w.WriteNumber("agree", result.AgreeingCount);
        w.WriteNumber("disagree", result.DisagreeingCount);
        w.WriteStartArray("failures");
        foreach (var row in result.Failures)
        {
            w.WriteStartObject();
            w.WriteString("row", row.Row.Name);
            w.WriteNumber("line", row.Row.Span.Line);
            w.WriteStartObject("published");
            for (var i = 0; i < rulebook.Questions.Count; i++)
            {
                if (row.Row.Questions[i] is { } grade) w.WriteString(rulebook.Questions[i].Id, grade.Id);
                else w.WriteNull(rulebook.Questions[i].Id);
            }
            w.WriteString(ProposedGrades.OverallKey, row.Row.Overall!.Id);
            w.WriteEndObject();
            w.WriteBoolean("listedInDisagree", row.ExpectedToDisagree);
            w.WriteStartArray("possible");
            foreach (var grade in row.Possible) w.WriteStringValue(grade.Id);
            w.WriteEndArray();
            if (row.Decision is { } decision) JsonRenderer.WriteDecision(w, rulebook, decision);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter w, RuleTestReport report, decimal? minimumCoverage)
    {
        var coverage = report.Coverage;
        var rulebook = report.Rulebook;
        w.WriteStartObject("coverage");
        w.WriteStartArray("questions");
        foreach (var q in coverage.Questions)
        {
            w.WriteStartObject();
            w.WriteString("id", q.Question.Id);
            w.WriteNumber("cases", q.ExercisedBy.Count);
            w.WriteStartObject("criteria");
            WriteFigure(w, q.CriteriaFigure);
            w.WriteStartArray("uncovered");
            foreach (var c in q.Criteria.Where(c => !c.Covered))
            {
                w.WriteStartObject();
                w.WriteString("id", c.Criterion.Id);
                w.WriteNumber("metIn", c.MetIn.Count);
                w.WriteNumber("notMetIn", c.NotMetIn.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("thresholdRules");
            WriteTable(w, rulebook, q.Thresholds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("total");
        w.WriteStartObject("criteria");
        WriteFigure(w, coverage.Criteria);
        w.WriteEndObject();
        w.WriteStartObject("thresholdRules");
        WriteFigure(w, coverage.Thresholds);
        w.WriteEndObject();
        w.WriteStartObject("limits");
        WriteFigure(w, coverage.Limits);
        w.WriteEndObject();
        w.WriteEndObject();
        if (coverage.Rollup is { } rollup)
        {
            w.WritePropertyName("rollupRules");
            WriteTable(w, rulebook, rollup);
        }
        else
        {
            w.WriteNull("rollupRules");
        }
        if (minimumCoverage is { } minimum)
        {
            w.WriteNumber("minimum", minimum);
            w.WriteStartArray("belowMinimum");
            foreach (var below in coverage.Below(minimum)) w.WriteStringValue(below.Key);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, CoverageFigure figure)
    {
        w.WriteNumber("covered", figure.Covered);
        w.WriteNumber("total", figure.Total);
        w.WriteNumber("percent", figure.Percent);
    }

    private static void WriteTable(Utf8JsonWriter w, Rulebook rulebook, TableCoverage table)
    {
        w.WriteStartObject();
        w.WriteString("table", table.Table);
        WriteFigure(w, table.Figure);
        w.WriteStartArray("rules");
        foreach (var row in table.Rules)
        {
            w.WriteStartObject();
            w.WriteNumber("rule", row.Index + 1);
            w.WriteString("grade", row.Grade.Id);
            w.WriteString("file", RenderPaths.RuleFile(rulebook, row.Rule.Span));
            w.WriteNumber("line", row.Rule.Span.Line);
            w.WriteStartArray("cases");
            foreach (var name in row.DecidedIn) w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
