using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// The YAML lines of a rulebook item, from its first line to its last (as the reader found them), out of the text
/// the loader read: no file is read again, and nothing is guessed from indentation. Splits each file once.
/// </summary>
internal sealed class ItemText(Rulebook rulebook)
{
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Of(FieldSpans item)
    {
        var relative = Path.GetRelativePath(rulebook.Directory, item.Whole.Path).Replace('\\', '/');
        if (!_lines.TryGetValue(relative, out var lines))
        {
            var text = rulebook.Files.FirstOrDefault(f => f.RelativePath == relative)?.Text ?? "";
            _lines[relative] = lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }
        var first = item.Whole.Line - 1;
        return first < 0 || first >= lines.Length ? [] : lines[first..Math.Min(item.LastLine, lines.Length)];
    }
}
