using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Reads one `published:` entry of a test file (docs/rulebook-tests.md) and the CSV file it names: which column
/// holds each question's grade and the overall grade, which columns name a row, how an unknown grade is read, and
/// the rows expected to disagree. Every cell is checked against the scale, located at `file.csv:LINE:COLUMN`.
/// </summary>
internal static class PublishedTableLoader
{
    /// <summary>How `unknown:` says "whichever grade gives the published overall grade".</summary>
    public const string SomeGrade = "some-grade";

    /// <param name="resolve">Turns the `file:` value into the path to read, or reports why it may not be read.</param>
    public static PublishedTable? Read(YNode node, string testFile, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag,
        Func<YScalar, string?> resolve, Func<MappingReader, string?> readName)
    {
        var m = MappingReader.Open(node, "published grades", bag, "name", "description", "file", "label", "columns", "unknown", "disagree");
        if (m is null) return null;
        var errorsBefore = bag.ErrorCount;
        var name = readName(m);
        var description = m.String("description");
        var unknown = ReadUnknown(m, rulebook, bag);
        var file = m.Scalar("file", required: true);
        var path = file is null ? null : resolve(file);
        var table = path is null ? null : CsvTable.Read(path, limits, bag, header => CheckHeader(path, header, bag));
        var columns = table is null ? null : ReadColumns(m, table, rulebook, bag);
        var label = table is null ? null : ReadLabel(m, table, bag);
        var rows = table is null || columns is null || label is null ? null : ReadRows(table, columns, label, rulebook, bag);
        var disagree = ReadDisagree(m, rows, bag);
        m.Finish();
        if (bag.ErrorCount > errorsBefore || name is null || description is null || rows is null || unknown is null)
        {
            return null;
        }
        return new PublishedTable(name, description, path!, unknown.Value.Grade, rows, disagree, testFile, m.SpanOf("name"));
    }

    /// <summary>`unknown:` is required: how a missing grade is read is the team's decision, never a default.</summary>
    private static (Grade? Grade, bool Read)? ReadUnknown(MappingReader m, Rulebook rulebook, DiagnosticBag bag)
    {
        if (m.Scalar("unknown", required: true) is not { } scalar) return null;
        if (scalar.Value == SomeGrade) return (null, true);
        if (rulebook.Scale.Find(scalar.Value) is { } grade) return (grade, true);
        var known = rulebook.Scale.Grades.Select(g => g.Id).Prepend(SomeGrade).ToList();
        bag.Error(DiagnosticCodes.UnknownGrade, scalar.Span, $"`unknown` must be `{SomeGrade}` or a grade of the scale, found `{scalar.Value}`",
            NameSuggester.Help(scalar.Value, known) ?? $"one of: {string.Join(", ", known.Select(k => $"`{k}`"))}");
        return null;
    }

    private static bool CheckHeader(string path, string[] header, DiagnosticBag bag)
    {
        if (CsvTable.IsEmptyHeader(header))
        {
            bag.Error(DiagnosticCodes.WrongType, SourceSpan.FileStart(path), "file is empty", "expected a header row naming the columns");
            return false;
        }
        var ok = true;
        for (var i = 0; i < header.Length; i++)
        {
            var first = Array.IndexOf(header, header[i]);
            if (first < i)
            {
                bag.Error(DiagnosticCodes.DuplicateKey, new SourceSpan(path, 1, i + 1), $"duplicate column `{header[i]}`", $"first given in column {first + 1}");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>
    /// The column of each question, in rulebook order, then of `overall`. Without `columns:` the header names them by
    /// question id and `overall`; with it, every question and `overall` must be given a column of the header.
    /// </summary>
    private static int[]? ReadColumns(MappingReader m, CsvTable table, Rulebook rulebook, DiagnosticBag bag)
    {
        var subjects = rulebook.Questions.Select(q => q.Id).Append(ProposedGrades.OverallKey).ToList();
        var named = subjects.ToDictionary(s => s, s => (Name: s, Span: m.SpanOf("file")), StringComparer.Ordinal);
        if (m.Mapping("columns", required: false) is { } map)
        {
            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                if (!subjects.Contains(entry.Key.Value))
                {
                    bag.Error(DiagnosticCodes.UnknownQuestion, entry.Key.Span, $"unknown question `{entry.Key.Value}`",
                        NameSuggester.Help(entry.Key.Value, subjects) ?? $"keys are: {string.Join(", ", subjects.Select(k => $"`{k}`"))}");
                }
                else if (entry.Value is not YScalar { IsNull: false } column)
                {
                    bag.Error(DiagnosticCodes.WrongType, entry.Value.Span, $"expected the name of a column for `{entry.Key.Value}`, found {entry.Value.KindName}");
                }
                else
                {
                    given.Add(entry.Key.Value);
                    named[entry.Key.Value] = (column.Value, column.Span);
                }
            }
            foreach (var missing in subjects.Where(s => !given.Contains(s)))
            {
                bag.Error(DiagnosticCodes.MissingKey, map.Span, $"`columns` gives no column for `{missing}`",
                    "name the column of every question and of `overall`: a grade is never assumed");
            }
            if (given.Count < subjects.Count) return null;
        }
        var columns = new int[subjects.Count];
        var ok = true;
        for (var i = 0; i < subjects.Count; i++)
        {
            var (name, span) = named[subjects[i]];
            columns[i] = Column(table, name, span, bag);
            ok &= columns[i] >= 0;
        }
        return ok ? columns : null;
    }

    /// <summary>The columns whose cells, joined with spaces, name a row; none: rows are named by their line.</summary>
    private static int[]? ReadLabel(MappingReader m, CsvTable table, DiagnosticBag bag)
    {
        var columns = new List<int>();
        var ok = true;
        foreach (var item in m.Sequence("label", required: false)?.Items ?? [])
        {
            if (item is not YScalar { IsNull: false } scalar)
            {
                bag.Error(DiagnosticCodes.WrongType, item.Span, $"expected a column name in `label`, found {item.KindName}");
                ok = false;
                continue;
            }
            var column = Column(table, scalar.Value, scalar.Span, bag);
            ok &= column >= 0;
            columns.Add(column);
        }
        return ok ? [.. columns] : null;
    }

    private static int Column(CsvTable table, string name, SourceSpan span, DiagnosticBag bag)
    {
        var column = table.Header.ToList().IndexOf(name);
        if (column < 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, span, $"column `{name}` is not in the header of `{table.Path}`",
                NameSuggester.Help(name, table.Header) ?? $"its columns are: {string.Join(", ", table.Header.Select(h => $"`{h}`"))}");
        }
        return column;
    }

    /// <summary>Every row: each cell empty (unknown) or a grade id of the scale.</summary>
    private static List<PublishedRow>? ReadRows(CsvTable table, int[] columns, int[] label, Rulebook rulebook, DiagnosticBag bag)
    {
        var errorsBefore = bag.ErrorCount;
        var rows = new List<PublishedRow>();
        foreach (var row in table.Rows)
        {
            var grades = columns.Select(c => Grade(table, row, c, rulebook, bag)).ToList();
            var name = label.Length == 0
                ? $"line {row.Line}"
                : string.Join(" ", label.Select(c => row.Cells[c]).Where(c => c.Length > 0));
            rows.Add(new PublishedRow(name, new SourceSpan(table.Path, row.Line, 1), grades[..^1], grades[^1]));
        }
        if (rows.Count == 0 && bag.ErrorCount == errorsBefore)
        {
            bag.Error(DiagnosticCodes.EmptyList, SourceSpan.FileStart(table.Path), "a published grades file must have at least one row after its header");
        }
        return bag.ErrorCount > errorsBefore ? null : rows;
    }

    private static Grade? Grade(CsvTable table, CsvTable.Row row, int column, Rulebook rulebook, DiagnosticBag bag)
    {
        var text = row.Cells[column];
        if (text.Length == 0) return null;
        if (rulebook.Scale.Find(text) is { } grade) return grade;
        var known = rulebook.Scale.Grades.Select(g => g.Id).ToList();
        bag.Error(DiagnosticCodes.UnknownGrade, table.Cell(row, column), $"unknown grade `{text}` in column `{table.Header[column]}`",
            NameSuggester.Help(text, known) ?? $"a cell is empty (not known) or one of: {string.Join(", ", known.Select(k => $"`{k}`"))}");
        return null;
    }

    /// <summary>`disagree:` names rows as `label` does; each name must match a row, once.</summary>
    private static List<ExpectedDisagreement> ReadDisagree(MappingReader m, List<PublishedRow>? rows, DiagnosticBag bag)
    {
        var expected = new List<ExpectedDisagreement>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in m.Sequence("disagree", required: false, nonEmpty: false)?.Items ?? [])
        {
            if (item is not YScalar { IsNull: false } scalar)
            {
                bag.Error(DiagnosticCodes.WrongType, item.Span, $"expected a row name in `disagree`, found {item.KindName}");
                continue;
            }
            if (!seen.TryAdd(scalar.Value, scalar.Span))
            {
                bag.Error(DiagnosticCodes.DuplicateId, scalar.Span, $"row `{scalar.Value}` is listed twice in `disagree`", $"first listed at {seen[scalar.Value]}");
                continue;
            }
            if (rows is not null && !rows.Any(r => r.Name == scalar.Value))
            {
                bag.Error(DiagnosticCodes.InvalidValue, scalar.Span, $"no published row is named `{scalar.Value}`",
                    NameSuggester.Help(scalar.Value, rows.Select(r => r.Name).Distinct()) ?? "rows are named by the `label` columns, joined with spaces");
                continue;
            }
            expected.Add(new ExpectedDisagreement(scalar.Value, scalar.Span));
        }
        return expected;
    }
}
