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

    /// <summary>The per-finding columns, handed to the YAML finding reader under the same names.</summary>
    internal static readonly string[] FindingColumns = ["id", "question", "indicator", "judgement", "value", "quote", "source"];

    private sealed record Row(int Line, string[] Cells);

    /// <summary>Every inspection of the file, in order of first appearance; null when any error was found.</summary>
    public static IReadOnlyList<Inspection>? Load(string path, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        var errorsBefore = bag.ErrorCount;
        // Strict UTF-8, the size limit and the SHA-256, exactly as for YAML findings.
        var source = YamlReader.ReadSource(path, limits, bag);
        if (source is null) return null;
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var rows = ReadRows(path, bytes, limits, bag, out var columns);
        if (rows is null || columns is null) return null;
        if (rows.Count == 0 && bag.ErrorCount == errorsBefore)
        {
            bag.Error(DiagnosticCodes.EmptyList, SourceSpan.FileStart(path), "a CSV findings file must have at least one row after its header");
        }
        var inspections = new List<Inspection>();
        foreach (var group in Group(path, rows, columns, bag))
        {
            if (ReadInspection(path, group, columns, rulebook, limits, source.Sha256, bag) is { } inspection)
            {
                inspections.Add(inspection);
            }
        }
        return bag.ErrorCount > errorsBefore ? null : inspections;
    }

    /// <summary>The header checked against the format and every data row; null when the file cannot be read as findings at all.</summary>
    private static List<Row>? ReadRows(string path, byte[] bytes, LoadLimits limits, DiagnosticBag bag, out Dictionary<string, int>? columns)
    {
        columns = null;
        var malformed = new List<CsvMalformedRecord>();
        // CsvHelper is well kept and handles RFC 4180 quoting, line breaks inside quoted fields and byte
        // order marks (ReadSource has already dropped ours, as for YAML). The separator is fixed, never
        // guessed from the data, and a record with bad quoting is skipped and reported, so one stray
        // quote gives one located error, not a cascade.
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
        };
        var rows = new List<Row>();
        try
        {
            using var reader = CsvReader.Create(bytes, options);
            var header = reader.Headers.ToArray();
            columns = CheckHeader(path, header, bag);
            if (columns is null)
            {
                return null;
            }
            var cells = 0L;
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                cells += reader.FieldCount;
                if (cells > limits.MaxNodes)
                {
                    // The same guard as YAML's node limit: a located error instead of running out of memory.
                    bag.Error(DiagnosticCodes.FileTooLarge, new SourceSpan(path, line, 1), $"file has more than {limits.MaxNodes} cells");
                    return null;
                }
                if (reader.FieldCount != header.Length)
                {
                    var column = reader.FieldCount > header.Length ? header.Length + 1 : reader.FieldCount + 1;
                    bag.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, line, column),
                        $"row has {reader.FieldCount} fields, the header has {header.Length}", "quote a field that contains a comma");
                    continue;
                }
                rows.Add(new Row(line, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
            }
        }
        catch (CsvFormatException e)
        {
            bag.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, (int)Math.Max(1, e.LineNumber), 1), "invalid CSV: " + e.Message);
            return null;
        }
        foreach (var record in malformed)
        {
            var line = (int)Math.Max(1, record.LineNumber);
            bag.Error(DiagnosticCodes.YamlSyntax, new SourceSpan(path, line, FieldAt(bytes, line, record.ByteOffset)),
                $"invalid CSV: {Describe(record.Reason)}", "a field with a comma, quote or line break must be enclosed in double quotes, with each quote inside doubled");
        }
        return rows;
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

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => "malformed record",
    };

    /// <summary>Column names: each known and given once, every required one present.</summary>
    private static Dictionary<string, int>? CheckHeader(string path, string[] header, DiagnosticBag bag)
    {
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            bag.Error(DiagnosticCodes.WrongType, SourceSpan.FileStart(path), "file is empty",
                $"expected a header row: {string.Join(",", RequiredColumns)}");
            return null;
        }
        var known = RequiredColumns.Concat(OptionalColumns).ToList();
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
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, SourceSpan.FileStart(path),
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(c => $"`{c}`"))}",
                $"a CSV findings file has the columns: {string.Join(",", RequiredColumns)} (and optionally `report` and `kind`)");
            ok = false;
        }
        return ok ? columns : null;
    }

    /// <summary>Rows by their `inspection` cell, in order of first appearance; rows without one are errors.</summary>
    private static IEnumerable<List<Row>> Group(string path, List<Row> rows, Dictionary<string, int> columns, DiagnosticBag bag)
    {
        var column = columns["inspection"];
        var groups = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<List<Row>>();
        foreach (var row in rows)
        {
            var id = row.Cells[column];
            if (id.Length == 0)
            {
                bag.Error(DiagnosticCodes.MissingKey, Cell(path, row, column), "column `inspection` is empty", "every row names the inspection its finding belongs to");
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

    private static Inspection? ReadInspection(string path, List<Row> rows, Dictionary<string, int> columns, Rulebook rulebook, LoadLimits limits, string sha256, DiagnosticBag bag)
    {
        var errorsBefore = bag.ErrorCount;
        var first = rows[0];
        var id = first.Cells[columns["inspection"]];
        if (!MappingReader.IsId(id))
        {
            bag.Error(DiagnosticCodes.InvalidId, Cell(path, first, columns["inspection"]), $"`{id}` is not a valid id", "use letters, digits, `.`, `-` and `_`, starting with a letter or digit");
        }
        var force = Shared(path, id, rows, columns, "force", required: true, bag);
        var framework = Shared(path, id, rows, columns, "framework", required: true, bag);
        if (framework is not null && framework != rulebook.Id)
        {
            bag.Error(DiagnosticCodes.FrameworkMismatch, Cell(path, first, columns["framework"]), $"findings are for framework `{framework}`, but the rulebook is `{rulebook.Id}`",
                "grade them with the rulebook they were coded for (`--rules`)");
        }
        InspectionLoader.Report? report = null;
        if (columns.TryGetValue("report", out var reportColumn) && Shared(path, id, rows, columns, "report", required: false, bag) is { Length: > 0 } reportName)
        {
            report = InspectionLoader.ReadReport(path, new YScalar(Cell(path, first, reportColumn), reportName, ScalarKind.Quoted), limits, bag);
        }
        var items = rows.Select(row => (YNode)FindingMapping(path, row, columns)).ToList();
        var findings = InspectionLoader.ReadFindings(new YSequence(Cell(path, first, 0), items), rulebook, report, bag);
        if (bag.ErrorCount > errorsBefore || force is null || framework is null)
        {
            return null;
        }
        return new Inspection(id, force, framework, path, findings, null, sha256)
        {
            ReportFile = report is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path))!, report.Path),
            ReportSha256 = report?.Sha256,
        };
    }

    /// <summary>A value every row of an inspection must repeat: the first row's, with an error at each row that differs.</summary>
    private static string? Shared(string path, string id, List<Row> rows, Dictionary<string, int> columns, string name, bool required, DiagnosticBag bag)
    {
        var column = columns[name];
        var first = rows[0];
        var value = first.Cells[column];
        foreach (var row in rows.Skip(1).Where(r => r.Cells[column] != value))
        {
            bag.Error(DiagnosticCodes.InconsistentRows, Cell(path, row, column),
                $"inspection `{id}` has {name} `{value}` on line {first.Line}, but `{row.Cells[column]}` here", "every row of one inspection gives the same force, framework and report");
        }
        if (required && value.Length == 0)
        {
            bag.Error(DiagnosticCodes.MissingKey, Cell(path, first, column), $"column `{name}` is empty");
            return null;
        }
        return value;
    }

    /// <summary>
    /// One row as the mapping a YAML finding would be. A CSV cell is text as written, so cells are quoted
    /// scalars, except `value`, which is read like a plain YAML value (numbers, yes/no); an empty cell is
    /// an absent value, reported at the cell when required.
    /// </summary>
    private static YMapping FindingMapping(string path, Row row, Dictionary<string, int> columns)
    {
        var entries = new List<YEntry>();
        foreach (var name in FindingColumns.Append("kind"))
        {
            if (!columns.TryGetValue(name, out var column)) continue;
            var span = Cell(path, row, column);
            var text = row.Cells[column];
            var style = text.Length == 0 || name == "value" ? ScalarKind.Plain : ScalarKind.Quoted;
            entries.Add(new YEntry(new YScalar(span, name, ScalarKind.Plain), new YScalar(span, text, style)));
        }
        return new YMapping(new SourceSpan(path, row.Line, 1), entries);
    }

    private static SourceSpan Cell(string path, Row row, int column) => new(path, row.Line, column + 1);

    /// <summary>
    /// The 1-based field of a malformed record that holds <paramref name="offset"/>: walks the record from
    /// the start of its line, tracking quotes, so a quote never closed is blamed on the field that opened it.
    /// </summary>
    internal static int FieldAt(byte[] bytes, int line, long offset)
    {
        var start = 0;
        for (var l = 1; l < line && start < bytes.Length; start++)
        {
            if (bytes[start] == '\n' || (bytes[start] == '\r' && (start + 1 >= bytes.Length || bytes[start + 1] != '\n'))) l++;
        }
        var field = 0;
        bool inQuotes = false, fieldStart = true;
        for (var i = start; i < Math.Min(offset, bytes.Length); i++)
        {
            var b = bytes[i];
            if (inQuotes)
            {
                if (b != '"') continue;
                if (i + 1 < bytes.Length && bytes[i + 1] == '"') { i++; continue; }
                inQuotes = false;
            }
            else if (b == ',')
            {
                field++;
                fieldStart = true;
                continue;
            }
            else if (b == '"' && fieldStart)
            {
                inQuotes = true;
            }
            fieldStart = false;
        }
        return field + 1;
    }
}
