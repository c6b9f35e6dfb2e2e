using System.Globalization;
using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

/// <summary>
/// Reads one findings file (YAML or JSON) and types every finding by the codebook: unknown
/// indicators, judgements off the scale, values of the wrong type and quotes absent from the
/// declared report are all errors, reported together.
/// </summary>
internal static class InspectionLoader
{
    public static Inspection? Load(string path, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        var errorsBefore = bag.ErrorCount;
        var root = YamlReader.ReadFile(path, limits, bag, out var source);
        var m = MappingReader.Open(root, "findings file", bag, "inspection", ForceKey, OrganisationKey, "framework", "report", "findings", "proposed", "carried");
        if (m is null || source is null) return null;
        var id = m.Id("inspection");
        var force = Organisation(m, bag);
        var framework = m.Scalar("framework", required: true);
        if (framework is not null && framework.Value != rulebook.Id)
        {
            bag.Error(DiagnosticCodes.FrameworkMismatch, framework.Span, $"findings are for framework `{framework.Value}`, but the rulebook is `{rulebook.Id}`",
                "grade them with the rulebook they were coded for (`--rules`)");
        }
        var report = ReadReport(path, m, limits, bag);
        var findings = ReadFindings(m.Sequence("findings", required: true, nonEmpty: false), rulebook, report, bag);
        var proposed = m.Has("proposed") ? ReadGrades(m.Mapping("proposed", required: true), rulebook, bag) : null;
        var carried = m.HasKey("carried") ? ReadCarried(m.Mapping("carried", required: true), m.KeySpanOf("carried"), rulebook, findings, bag) : [];
        m.Finish();
        if (bag.ErrorCount > errorsBefore)
        {
            return null;
        }
        return new Inspection(id ?? "", force ?? "", framework?.Value ?? "", path, findings, proposed, source.Sha256)
        {
            ReportFile = report is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path))!, report.Path),
            ReportSha256 = report?.Sha256,
            Carried = carried,
        };
    }

    /// <summary>
    /// `carried: {source: ..., grades: {question: grade}}`: the earlier grades of questions not inspected this time, for
    /// a roll-up that takes them (`carried-grades: true`). A question with findings is graded from them, never carried.
    /// </summary>
    public static IReadOnlyList<CarriedGrade> ReadCarried(YMapping? map, SourceSpan at, Rulebook rulebook, IReadOnlyList<Finding> findings, DiagnosticBag bag)
    {
        var m = MappingReader.Open(map, "`carried`", bag, "source", "grades");
        if (m is null) return [];
        var source = m.String("source");
        if (source is not null && string.IsNullOrWhiteSpace(source))
        {
            bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("source"), "`source` is empty", "say where the carried grades were published, e.g. the earlier report");
        }
        var grades = m.Mapping("grades", required: true);
        m.Finish();
        if (rulebook.Rollup is not { } rollup || !rollup.CarriedGrades)
        {
            bag.Error(DiagnosticCodes.InvalidValue, at,
                rulebook.Rollup is null
                    ? $"rulebook `{rulebook.Id}` has no overall grade, so a carried grade has nothing to count in"
                    : $"rulebook `{rulebook.Id}` does not take carried grades",
                rulebook.Rollup is null ? "remove `carried`" : "its rollup.yaml must allow them: `ungraded-questions: {carried-grades: true}`");
            return [];
        }
        if (grades is null || source is null) return [];
        var carried = new List<CarriedGrade>();
        foreach (var entry in grades.Entries)
        {
            var question = rulebook.Questions.FirstOrDefault(q => q.Id == entry.Key.Value);
            if (question is null)
            {
                bag.Error(DiagnosticCodes.UnknownQuestion, entry.Key.Span, $"unknown question `{entry.Key.Value}`",
                    NameSuggester.Help(entry.Key.Value, rulebook.Questions.Select(q => q.Id)));
                continue;
            }
            if (GradeId(entry.Value, rulebook, notGraded: false, bag) is not { } scalar) continue;
            var grade = rulebook.Scale.Find(scalar.Value)!;
            var own = findings.Count(f => f.QuestionId == question.Id);
            if (own > 0)
            {
                bag.Error(DiagnosticCodes.InvalidValue, entry.Key.Span,
                    $"question `{question.Id}` has {own} finding{(own == 1 ? "" : "s")} here and a carried grade: it is graded from its findings",
                    "carry only the grades of questions this inspection did not look at");
                continue;
            }
            carried.Add(new CarriedGrade(question.Id, grade, source, entry.Key.Span));
        }
        return carried;
    }

    public const string ForceKey = "force";

    /// <summary>The neutral name of `force:`, for frameworks that inspect schools or care homes rather than police forces.</summary>
    public const string OrganisationKey = "organisation";

    /// <summary>The organisation inspected: under `force:` or `organisation:`, exactly one of them.</summary>
    private static string? Organisation(MappingReader m, DiagnosticBag bag)
    {
        var (force, organisation) = (m.HasKey(ForceKey), m.HasKey(OrganisationKey));
        if (force && organisation)
        {
            bag.Error(DiagnosticCodes.InvalidValue, m.KeySpanOf(OrganisationKey), "a findings file names the organisation inspected under `force` or `organisation`, not both",
                "`organisation` is `force` by its neutral name: keep one");
            return null;
        }
        if (!force && !organisation)
        {
            bag.Error(DiagnosticCodes.MissingKey, m.Span, "missing required key `force` (or `organisation`) in findings file",
                "name the organisation inspected: `force:` for a police force, `organisation:` for any other");
            return null;
        }
        return m.String(organisation ? OrganisationKey : ForceKey);
    }

    /// <summary>A declared report, read for finding quotes in, with the hash a decision record keeps of it.</summary>
    internal sealed record Report(string Path, Quotes.ReportText Text, string Sha256);

    /// <summary>
    /// The items of a `findings:` list, typed by the codebook, without a report to check quotes
    /// against. Rulebook test cases write findings inline and must read them exactly as a file's.
    /// </summary>
    internal static IReadOnlyList<Finding> ReadFindings(YSequence? sequence, Rulebook rulebook, DiagnosticBag bag) =>
        ReadFindings(sequence, rulebook, null, bag);

    /// <summary>
    /// Every finding of one inspection, typed by the codebook with ids checked unique. CSV findings
    /// build one mapping per row (cells as values at their row and column) so they are typed by this same code.
    /// </summary>
    internal static List<Finding> ReadFindings(YSequence? sequence, Rulebook rulebook, Report? report, DiagnosticBag bag)
    {
        var findings = new List<Finding>();
        var ids = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var once = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var node in sequence?.Items ?? [])
        {
            if (ReadFinding(node, rulebook, report, bag) is not { } finding) continue;
            if (!ids.TryAdd(finding.Id, finding.Span))
            {
                bag.Error(DiagnosticCodes.DuplicateId, finding.Fields["id"], $"duplicate finding id `{finding.Id}`", $"first defined at {ids[finding.Id]}");
                continue;
            }
            if (rulebook.Codebook.Find(finding.IndicatorId) is { Once: true } indicator && !once.TryAdd(indicator.Id, finding))
            {
                bag.Error(DiagnosticCodes.DuplicateId, finding.Fields["indicator"],
                    $"indicator `{indicator.Id}` takes one finding per inspection, and `{once[indicator.Id].Id}` has it already",
                    $"give one finding for it (the codebook says `once: true`, at {indicator.Span}); first at {once[indicator.Id].Span}");
                continue;
            }
            findings.Add(finding);
        }
        return findings;
    }

    private static Report? ReadReport(string findingsPath, MappingReader m, LoadLimits limits, DiagnosticBag bag)
    {
        var scalar = m.Scalar("report", required: false);
        return scalar is null ? null : ReadReport(findingsPath, scalar, limits, bag);
    }

    /// <summary>
    /// The report named by <paramref name="scalar"/>, relative to the findings file and inside its folder (links
    /// resolved): a findings file cannot make the engine read, quote-check or record any other file. Errors point at the name.
    /// </summary>
    internal static Report? ReadReport(string findingsPath, YScalar scalar, LoadLimits limits, DiagnosticBag bag)
    {
        var folder = Path.GetDirectoryName(findingsPath) is { Length: > 0 } d ? d : ".";
        var reportPath = Path.Combine(folder, scalar.Value);
        if (InputFile.Check(reportPath, folder, scalar.Span, $"report `{scalar.Value}`", "the findings file's folder") is { } refused)
        {
            bag.Add(refused with
            {
                Help = refused.Code == DiagnosticCodes.OutsideFolder
                    ? "`report` names a file in the findings file's folder or a folder below it"
                    : refused.Help ?? "`report` is relative to the findings file",
            });
            return null;
        }
        var reportBag = new DiagnosticBag();
        var source = YamlReader.ReadSource(reportPath, limits with { MaxFileBytes = limits.MaxReportBytes }, reportBag, within: folder);
        if (source is null)
        {
            var problem = reportBag.ToSortedList().FirstOrDefault(d => d.IsError);
            bag.Error(problem?.Code ?? DiagnosticCodes.FileNotFound, scalar.Span, $"report `{scalar.Value}`: {problem?.Message ?? "cannot read it"}", problem?.Help);
            return null;
        }
        return new Report(reportPath, Quotes.ReportText.Parse(reportPath, source.Text), source.Sha256);
    }

    /// <summary>Every run of whitespace becomes one space, so quotes may span the report's line and page breaks.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static Finding? ReadFinding(YNode node, Rulebook rulebook, Report? report, DiagnosticBag bag)
    {
        var m = MappingReader.Open(node, "finding", bag, "id", "question", "indicator", "judgement", "value", "quote", "source", "kind");
        if (m is null) return null;
        var id = m.Id("id");
        var questionScalar = m.Scalar("question", required: true);
        var indicatorScalar = m.Scalar("indicator", required: true);
        var quote = m.Scalar("quote", required: true);
        var source = m.String("source");
        Indicator? indicator = null;
        if (indicatorScalar is not null)
        {
            indicator = rulebook.Codebook.Find(indicatorScalar.Value);
            if (indicator is null)
            {
                var inQuestion = rulebook.Codebook.Indicators.Where(i => questionScalar is null || i.QuestionId == questionScalar.Value).Select(i => i.Id);
                bag.Error(DiagnosticCodes.UnknownIndicator, indicatorScalar.Span, $"unknown indicator `{indicatorScalar.Value}`",
                    NameSuggester.Help(indicatorScalar.Value, inQuestion) ?? NameSuggester.Help(indicatorScalar.Value, rulebook.Codebook.Indicators.Select(i => i.Id)));
            }
        }
        if (questionScalar is not null)
        {
            if (rulebook.FindQuestion(questionScalar.Value) is null)
            {
                bag.Error(DiagnosticCodes.UnknownQuestion, questionScalar.Span, $"unknown question `{questionScalar.Value}`",
                    NameSuggester.Help(questionScalar.Value, rulebook.Questions.Select(q => q.Id)));
            }
            else if (indicator is not null && indicator.QuestionId != questionScalar.Value)
            {
                bag.Error(DiagnosticCodes.QuestionMismatch, questionScalar.Span,
                    $"finding is filed under `{questionScalar.Value}`, but indicator `{indicator.Id}` belongs to `{indicator.QuestionId}`");
            }
        }
        var (judgement, number, flag, valueOk) = indicator is null ? (null, null, null, false) : ReadValue(m, indicator, bag);
        var kind = ReadKind(m, indicator, rulebook.Codebook, bag);
        QuoteLocation? location = null;
        if (quote is not null && quote.Value.Trim().Length == 0)
        {
            bag.Error(DiagnosticCodes.InvalidValue, quote.Span, "quote is empty");
        }
        else if (quote is not null && report is not null)
        {
            location = Locate(quote, report, bag);
        }
        m.Finish();
        if (id is null || questionScalar is null || indicator is null || quote is null || source is null || !valueOk)
        {
            return null;
        }
        return new Finding(id, questionScalar.Value, indicator.Id, judgement, number, flag, quote.Value, source, m.Fields) { Kind = kind, QuoteAt = location };
    }

    /// <summary>The finding's `kind:`, if any: one the codebook declares and its indicator allows.</summary>
    private static string? ReadKind(MappingReader m, Indicator? indicator, Codebook codebook, DiagnosticBag bag)
    {
        var scalar = m.Scalar("kind", required: false);
        if (scalar is null) return null;
        if (codebook.FindKind(scalar.Value) is null)
        {
            bag.Error(DiagnosticCodes.UnknownKind, scalar.Span, $"unknown finding kind `{scalar.Value}`",
                codebook.Kinds.Count == 0
                    ? "the codebook declares no kinds"
                    : NameSuggester.Help(scalar.Value, codebook.Kinds.Select(k => k.Id)) ?? $"kinds are: {string.Join(", ", codebook.Kinds.Select(k => $"`{k.Id}`"))}");
            return null;
        }
        if (indicator is not null && !indicator.Allows(scalar.Value))
        {
            bag.Error(DiagnosticCodes.UnknownKind, scalar.Span, $"indicator `{indicator.Id}` does not allow findings of kind `{scalar.Value}`",
                $"it allows: {string.Join(", ", indicator.Kinds.Select(k => $"`{k}`"))}");
            return null;
        }
        return scalar.Value;
    }

    /// <summary>Where the quote is in the report; else an error at the quote, or at the word where it leaves the report.</summary>
    internal static QuoteLocation? Locate(YScalar quote, Report report, DiagnosticBag bag)
    {
        var location = report.Text.Locate(quote.Value, out var matched, out var departure);
        if (location is not null) return location;
        var file = Path.GetFileName(report.Path);
        const string help = "quotes are verbatim: only what PDF-to-text conversion changes may differ (docs/findings-format.md)";
        if (matched < 2 || departure < 0)
        {
            bag.Error(DiagnosticCodes.QuoteNotInReport, quote.Span, $"quote does not occur in report `{file}`", help);
            return null;
        }
        // A cell of a CSV file has no source text to walk: its location is the cell.
        var at = quote.Source is null ? quote.Span : quote.SpanAt(departure);
        var word = quote.Value[departure..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
        bag.Error(DiagnosticCodes.QuoteNotInReport, at,
            FormattableString.Invariant($"quote does not occur in report `{file}`: its first {matched} words do, but `{word}` does not follow them"), help);
        return null;
    }

    private static (string? Judgement, decimal? Number, bool? Flag, bool Ok) ReadValue(MappingReader m, Indicator indicator, DiagnosticBag bag)
    {
        if (indicator.Type == IndicatorType.Judgement)
        {
            if (m.Has("value"))
            {
                bag.Error(DiagnosticCodes.ValueTypeMismatch, m.SpanOf("value"), $"indicator `{indicator.Id}` takes a `judgement`, not a `value`",
                    indicator.Scale!.LevelsHelp);
                return (null, null, null, false);
            }
            var judgement = m.Scalar("judgement", required: true);
            if (judgement is null) return (null, null, null, false);
            if (indicator.Scale!.RankOf(judgement.Value) < 0)
            {
                bag.Error(DiagnosticCodes.UnknownLevel, judgement.Span,
                    $"`{judgement.Value}` is not a {(indicator.Scale.IsNumeric ? "score" : "level")} of scale `{indicator.Scale.Id}`",
                    (indicator.Scale.IsNumeric ? null : NameSuggester.Help(judgement.Value, indicator.Scale.Levels)) ?? indicator.Scale.LevelsHelp);
                return (null, null, null, false);
            }
            return (judgement.Value, null, null, true);
        }
        if (m.Has("judgement"))
        {
            bag.Error(DiagnosticCodes.ValueTypeMismatch, m.SpanOf("judgement"), $"indicator `{indicator.Id}` takes a {(indicator.Type == IndicatorType.Number ? "number" : "yes/no")} `value`, not a `judgement`");
            return (null, null, null, false);
        }
        var value = m.Scalar("value", required: true);
        if (value is null) return (null, null, null, false);
        if (indicator.Type == IndicatorType.Number)
        {
            if (!value.IsPlain || !decimal.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                // Digits that parse as no decimal are too many, not a wrong type: name the limit.
                var unsigned = value.Value.TrimStart('+', '-');
                var digits = value.IsPlain && unsigned.Any(char.IsAsciiDigit) && unsigned.All(c => char.IsAsciiDigit(c) || c == '.') && unsigned.Count(c => c == '.') <= 1;
                bag.Error(digits ? DiagnosticCodes.InvalidValue : DiagnosticCodes.WrongType, value.Span, digits
                    ? $"indicator `{indicator.Id}` takes a number of at most {decimal.MaxValue.ToString(CultureInfo.InvariantCulture)} in size, found `{value.Value}`"
                    : $"indicator `{indicator.Id}` takes a number, found `{value.Value}`");
                return (null, null, null, false);
            }
            return (null, number, null, true);
        }
        var flag = YesNo(value);
        if (flag is null)
        {
            bag.Error(DiagnosticCodes.WrongType, value.Span, $"indicator `{indicator.Id}` takes `yes` or `no`, found {Describe(value)}",
                "`yes`, `no`, `true` and `false` are accepted, quoted or not");
            return (null, null, null, false);
        }
        return (null, null, flag, true);
    }

    /// <summary>
    /// A yes-no value: `yes`, `no`, `true` or `false` in any case, quoted or not. Quoted too, because YAML
    /// writers such as PyYAML quote `'yes'` to keep YAML 1.1 readers from taking it for a boolean.
    /// </summary>
    internal static bool? YesNo(YScalar value) => value.Value.ToLowerInvariant() switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => null,
    };

    /// <summary>What a value is, for an error that names it: `the number 3`, `the text "maybe"`.</summary>
    private static string Describe(YScalar value) =>
        value.Value.Length == 0 ? "empty text"
        : value.IsPlain && decimal.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? $"the number {value.Value}"
        : $"the text \"{value.Value}\"";

    /// <summary>A `grades:`-style map from question ids and `overall` (when the rulebook has one) to grade ids or `not-graded`.</summary>
    public static ProposedGrades? ReadGrades(YMapping? map, Rulebook rulebook, DiagnosticBag bag)
    {
        if (map is null) return null;
        var grades = new SortedDictionary<string, (string, SourceSpan)>(StringComparer.Ordinal);
        var keys = rulebook.Questions.Select(q => q.Id).ToList();
        if (rulebook.Rollup is not null) keys.Add(ProposedGrades.OverallKey);
        foreach (var entry in map.Entries)
        {
            var ok = true;
            if (entry.Key.Value == ProposedGrades.OverallKey && rulebook.Rollup is null)
            {
                bag.Error(DiagnosticCodes.UnknownQuestion, entry.Key.Span, "this rulebook has no overall grade", "grade its questions only: it has no `rollup.yaml`");
                ok = false;
            }
            else if (!keys.Contains(entry.Key.Value))
            {
                bag.Error(DiagnosticCodes.UnknownQuestion, entry.Key.Span, $"unknown question `{entry.Key.Value}`",
                    NameSuggester.Help(entry.Key.Value, keys) ?? $"keys are: {string.Join(", ", keys.Select(k => $"`{k}`"))}");
                ok = false;
            }
            // The grade is checked whatever the key, so that every problem is reported.
            if (GradeId(entry.Value, rulebook, notGraded: true, bag) is { } grade && ok) grades[entry.Key.Value] = (grade.Value, grade.Span);
        }
        return new ProposedGrades(grades);
    }

    /// <summary>A grade id of the scale (or `not-graded` when <paramref name="notGraded"/>), as written; null when it is not one (reported).</summary>
    private static YScalar? GradeId(YNode value, Rulebook rulebook, bool notGraded, DiagnosticBag bag)
    {
        if (value is not YScalar grade)
        {
            bag.Error(DiagnosticCodes.WrongType, value.Span, $"expected a grade id, found {value.KindName}");
            return null;
        }
        if (rulebook.Scale.Find(grade.Value) is not null || (notGraded && grade.Value == ProposedGrades.NotGradedId)) return grade;
        var ids = rulebook.Scale.Grades.Select(g => g.Id).Concat(notGraded ? [ProposedGrades.NotGradedId] : []).ToList();
        bag.Error(DiagnosticCodes.UnknownGrade, grade.Span, $"unknown grade `{grade.Value}`",
            NameSuggester.Help(grade.Value, ids) ?? $"grades are: {string.Join(", ", ids.Select(g => $"`{g}`"))}");
        return null;
    }

    /// <summary>A separate proposed-grades file: `inspection:` (checked when given) and `grades:`.</summary>
    /// <param name="within">A folder the file must lie inside (links resolved): for a file found beside the findings, not named by the user.</param>
    public static ProposedGrades? LoadProposed(string path, Rulebook rulebook, string? inspectionId, LoadLimits limits, DiagnosticBag bag, string? within = null)
    {
        var m = MappingReader.Open(YamlReader.ReadFile(path, limits, bag, out _, within), "proposed-grades file", bag, "inspection", "grades");
        if (m is null) return null;
        var inspection = m.Scalar("inspection", required: false);
        if (inspection is not null && inspectionId is not null && inspection.Value != inspectionId)
        {
            bag.Error(DiagnosticCodes.InspectionMismatch, inspection.Span, $"proposed grades are for inspection `{inspection.Value}`, but the findings are for `{inspectionId}`");
        }
        var grades = ReadGrades(m.Mapping("grades", required: true), rulebook, bag);
        m.Finish();
        return grades;
    }
}
