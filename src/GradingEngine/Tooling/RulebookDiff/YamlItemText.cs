using GradingEngine.Diagnostics;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The YAML text of one list item, read back from its file: from the item's first line to the line
/// before the next sibling item, or to the end of the list (the first line indented less than the
/// item's keys) or file, without trailing blank and comment lines. Files are read once each.
/// </summary>
internal sealed class YamlItemText
{
    private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

    /// <summary>The lines of the item at <paramref name="item"/>; <paramref name="siblings"/> are the spans of the items of its list.</summary>
    public IReadOnlyList<string> Extract(SourceSpan item, IEnumerable<SourceSpan> siblings)
    {
        var lines = Lines(item.Path);
        var start = item.Line - 1;
        if (start < 0 || start >= lines.Length) return [];
        var end = siblings
            .Where(s => s.Path == item.Path && s.Line > item.Line)
            .Select(s => Math.Min(s.Line - 1, lines.Length))
            .DefaultIfEmpty(lines.Length)
            .Min();
        // The item's keys start at its span's column; a content line left of that is outside it.
        var keyColumn = item.Column - 1;
        for (var i = start + 1; i < end; i++)
        {
            if (!IsBlankOrComment(lines[i]) && Indent(lines[i]) < keyColumn)
            {
                end = i;
                break;
            }
        }
        while (end > start + 1 && IsBlankOrComment(lines[end - 1])) end--;
        return lines[start..end];
    }

    private string[] Lines(string path)
    {
        if (!_files.TryGetValue(path, out var lines))
        {
            // The loader has read and limited this file already; unreadable now means it changed under us.
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text = "";
            }
            lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            _files[path] = lines;
        }
        return lines;
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
