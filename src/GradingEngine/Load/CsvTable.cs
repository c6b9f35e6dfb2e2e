using System.Text;
using CsvHelper;
using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Load;

/// <summary>
/// A CSV file read as a header and rows of text cells, each row with the line it starts on, so a cell is located as
/// `file.csv:LINE:COLUMN` (the 1-based field index). The file is read like every input (strict UTF-8, the size limit,
/// inside a folder when asked); a malformed record is skipped and reported, so one stray quote gives one located error.
/// </summary>
internal sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<CsvTable.Row> Rows, string Sha256)
{
    public sealed record Row(int Line, string[] Cells);

    /// <summary>Where a cell is written.</summary>
    public SourceSpan Cell(Row row, int column) => new(Path, row.Line, column + 1);

    /// <summary>
    /// Reads the file. <paramref name="acceptHeader"/> checks the header (reporting its own errors) before any row is
    /// read; null when the file or its header cannot be read. Rows whose field count differs from the header's are
    /// reported and left out.
    /// </summary>
    public static CsvTable? Read(string path, LoadLimits limits, DiagnosticBag bag, Func<string[], bool> acceptHeader, string? within = null)
    {
        // Strict UTF-8, the size limit and the SHA-256, exactly as for YAML.
        var source = YamlReader.ReadSource(path, limits, bag, within);
        if (source is null) return null;
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var malformed = new List<CsvMalformedRecord>();
        // CsvHelper is well kept and handles RFC 4180 quoting, line breaks inside quoted fields and byte
        // order marks (ReadSource has already dropped ours, as for YAML). The separator is fixed, never
        // guessed from the data.
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
        string[] header;
        try
        {
            using var reader = CsvReader.Create(bytes, options);
            header = reader.Headers.ToArray();
            if (!acceptHeader(header)) return null;
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
        return new CsvTable(path, header, rows, source.Sha256);
    }

    /// <summary>Whether a header row is missing altogether: an empty file reads as one empty column name.</summary>
    public static bool IsEmptyHeader(string[] header) => header.Length == 0 || (header.Length == 1 && header[0].Length == 0);

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => "malformed record",
    };

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
