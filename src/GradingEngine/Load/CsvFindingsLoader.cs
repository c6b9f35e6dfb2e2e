using System.Text;
using CsvHelper;
using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

/// <summary>
/// Reads a CSV findings file: a header row, then one row per finding, with an `inspection` column so
/// one file holds many inspections. Each row becomes the mapping a YAML finding would be (cells as
/// values located at row and column), so findings are typed by exactly the code that types YAML ones.
/// Errors are located as `file.csv:ROW:COL`: the line the record starts on and the 1-based field index.
/// </summary>
internal static class CsvFindingsLoader
{
    /// <summary>Columns every CSV findings file must have, in the documented order.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
        ["inspection", "force", "framework", "id", "question", "indicator", "judgement", "value", "quote", "source"];

    /// <summary>Columns a CSV findings file may have.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["report", "kind"];

    /// <summary>A file may name the `force` column `organisation` instead (schools, care homes), as YAML may: one of the two.</summary>
    private const string OrganisationColumn = InspectionLoader.OrganisationKey;

    /// <summary>The per-finding columns, handed to the YAML finding reader under the same names.</summary>
    internal static readonly string[] FindingColumns = ["id", "question", "indicator", "judgement", "value", "quote", "source"];

    /// <summary>Every inspection of the file, in order of first appearance; null when any error was found.</summary>
    public static IReadOnlyList<Inspection>? Load(string path, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        var errorsBefore = bag.ErrorCount;
        Dictionary<string, int>? columns = null;
        var table = CsvTable.Read(path, limits, bag, header => (columns = CheckHeader(path, header, bag)) is not null);
        if (table is null || columns is null) return null;
        if (table.Rows.Count == 0 && bag.ErrorCount == errorsBefore)
        {
            bag.Error(DiagnosticCodes.EmptyList, SourceSpan.FileStart(path), "a CSV findings file must have at least one row after its header");
        }
        var inspections = new List<Inspection>();
        foreach (var group in Group(table, columns, bag))
        {
            if (ReadInspection(table, group, columns, rulebook, limits, bag) is { } inspection)
            {
                inspections.Add(inspection);
            }
        }
        return bag.ErrorCount > errorsBefore ? null : inspections;
    }

    /// <summary>The header row's names, or null when it cannot be read; for telling findings files from other CSV files.</summary>
    internal static IReadOnlyList<string>? ReadHeader(string text)
    {
        try
        {
            using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(text), CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
            return reader.Headers.ToArray();
        }
        catch (CsvFormatException)
        {
            return null;
        }
    }

    /// <summary>Column names: each known and given once, every required one present.</summary>
    private static Dictionary<string, int>? CheckHeader(string path, string[] header, DiagnosticBag bag)
    {
        if (CsvTable.IsEmptyHeader(header))
        {
            bag.Error(DiagnosticCodes.WrongType, SourceSpan.FileStart(path), "file is empty",
                $"expected a header row: {string.Join(",", RequiredColumns)}");
            return null;
        }
        var known = RequiredColumns.Concat(OptionalColumns).Append(OrganisationColumn).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Length; i++)
        {
            var span = new SourceSpan(path, 1, i + 1);
            if (!known.Contains(header[i]))
            {
                // A typo in a column name must never be ignored: its values would silently go missing.
                bag.Error(DiagnosticCodes.UnknownKey, span, $"unknown column `{header[i]}`",
                    NameSuggester.Help(header[i], known) ?? $"columns are: {string.Join(", ", known.Select(k => $"`{k}`"))}");
                ok = false;
            }
            else if (!columns.TryAdd(header[i], i))
            {
                bag.Error(DiagnosticCodes.DuplicateKey, span, $"duplicate column `{header[i]}`", $"first given in column {columns[header[i]] + 1}");
                ok = false;
            }
        }
        if (columns.ContainsKey(InspectionLoader.ForceKey) && columns.TryGetValue(OrganisationColumn, out var organisation))
        {
            bag.Error(DiagnosticCodes.InvalidValue, new SourceSpan(path, 1, organisation + 1), "a CSV findings file names the organisation inspected in a `force` or an `organisation` column, not both",
                "`organisation` is `force` by its neutral name: keep one");
            ok = false;
        }
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c) && !(c == InspectionLoader.ForceKey && columns.ContainsKey(OrganisationColumn))).ToList();
        if (missing.Count > 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, SourceSpan.FileStart(path),
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(c => $"`{c}`"))}",
                $"a CSV findings file has the columns: {string.Join(",", RequiredColumns)} (and optionally `report` and `kind`; `organisation` may replace `force`)");
            ok = false;
        }
        return ok ? columns : null;
    }

    /// <summary>Rows by their `inspection` cell, in order of first appearance; rows without one are errors.</summary>
    private static IEnumerable<List<CsvTable.Row>> Group(CsvTable table, Dictionary<string, int> columns, DiagnosticBag bag)
    {
        var column = columns["inspection"];
        var groups = new Dictionary<string, List<CsvTable.Row>>(StringComparer.Ordinal);
        var order = new List<List<CsvTable.Row>>();
        foreach (var row in table.Rows)
        {
            var id = row.Cells[column];
            if (id.Length == 0)
            {
                bag.Error(DiagnosticCodes.MissingKey, table.Cell(row, column), "column `inspection` is empty", "every row names the inspection its finding belongs to");
                continue;
            }
            if (!groups.TryGetValue(id, out var group))
            {
                groups.Add(id, group = []);
                order.Add(group);
            }
            group.Add(row);
        }
        return order;
    }

    private static Inspection? ReadInspection(CsvTable table, List<CsvTable.Row> rows, Dictionary<string, int> columns, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        var path = table.Path;
        var errorsBefore = bag.ErrorCount;
        var first = rows[0];
        var id = first.Cells[columns["inspection"]];
        if (!MappingReader.IsId(id))
        {
            bag.Error(DiagnosticCodes.InvalidId, table.Cell(first, columns["inspection"]), $"`{id}` is not a valid id", "use letters, digits, `.`, `-` and `_`, starting with a letter or digit");
        }
        var force = Shared(table, id, rows, columns, columns.ContainsKey(OrganisationColumn) ? OrganisationColumn : InspectionLoader.ForceKey, required: true, bag);
        var framework = Shared(table, id, rows, columns, "framework", required: true, bag);
        if (framework is not null && framework != rulebook.Id)
        {
            bag.Error(DiagnosticCodes.FrameworkMismatch, table.Cell(first, columns["framework"]), $"findings are for framework `{framework}`, but the rulebook is `{rulebook.Id}`",
                "grade them with the rulebook they were coded for (`--rules`)");
        }
        InspectionLoader.Report? report = null;
        if (columns.TryGetValue("report", out var reportColumn) && Shared(table, id, rows, columns, "report", required: false, bag) is { Length: > 0 } reportName)
        {
            report = InspectionLoader.ReadReport(path, new YScalar(table.Cell(first, reportColumn), reportName, ScalarKind.Quoted), limits, bag);
        }
        var items = rows.Select(row => (YNode)FindingMapping(table, row, columns)).ToList();
        var findings = InspectionLoader.ReadFindings(new YSequence(table.Cell(first, 0), items), rulebook, report, bag);
        if (bag.ErrorCount > errorsBefore || force is null || framework is null)
        {
            return null;
        }
        return new Inspection(id, force, framework, path, findings, null, table.Sha256)
        {
            ReportFile = report is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path))!, report.Path),
            ReportSha256 = report?.Sha256,
        };
    }

    /// <summary>A value every row of an inspection must repeat: the first row's, with an error at each row that differs.</summary>
    private static string? Shared(CsvTable table, string id, List<CsvTable.Row> rows, Dictionary<string, int> columns, string name, bool required, DiagnosticBag bag)
    {
        var column = columns[name];
        var first = rows[0];
        var value = first.Cells[column];
        foreach (var row in rows.Skip(1).Where(r => r.Cells[column] != value))
        {
            bag.Error(DiagnosticCodes.InconsistentRows, table.Cell(row, column),
                $"inspection `{id}` has {name} `{value}` on line {first.Line}, but `{row.Cells[column]}` here", "every row of one inspection gives the same organisation (`force`), framework and report");
        }
        if (required && value.Length == 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, table.Cell(first, column), $"column `{name}` is empty");
            return null;
        }
        return value;
    }

    /// <summary>
    /// One row as the mapping a YAML finding would be. A CSV cell is text as written, so cells are quoted
    /// scalars, except `value`, which is read like a plain YAML value (numbers, yes/no); an empty cell is
    /// an absent value, reported at the cell when required.
    /// </summary>
    private static YMapping FindingMapping(CsvTable table, CsvTable.Row row, Dictionary<string, int> columns)
    {
        var entries = new List<YEntry>();
        foreach (var name in FindingColumns.Append("kind"))
        {
            if (!columns.TryGetValue(name, out var column)) continue;
            var span = table.Cell(row, column);
            var text = row.Cells[column];
            var style = text.Length == 0 || name == "value" ? ScalarKind.Plain : ScalarKind.Quoted;
            entries.Add(new YEntry(new YScalar(span, name, ScalarKind.Plain), new YScalar(span, text, style)));
        }
        return new YMapping(new SourceSpan(table.Path, row.Line, 1), entries);
    }

}
