using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>
/// A copy of the shipped rulebook in a temp folder, edited as text. Every edit asserts that the text
/// it changes is there exactly once, so a change to the shipped rulebook fails loudly, not silently.
/// </summary>
public sealed class RulebookCopy
{
    public RulebookCopy(TempFolder temp, string name, string? from = null)
    {
        Path = System.IO.Path.Combine(temp.Path, name);
        Copy(from ?? Repo.DefaultRules, Path);
    }

    public string Path { get; }

    public string FileOf(string relative) => System.IO.Path.Combine(Path, relative);

    public string Read(string relative) => File.ReadAllText(FileOf(relative)).Replace("\r\n", "\n");

    public string[] Lines(string relative) => Read(relative).Split('\n');

    public RulebookCopy Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0, $"`{oldText}` not found in {relative}");
        Assert.True(text.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, $"`{oldText}` is in {relative} more than once");
        File.WriteAllText(FileOf(relative), text[..at] + newText + text[(at + oldText.Length)..]);
        return this;
    }

    public RulebookCopy Append(string relative, string text)
    {
        File.WriteAllText(FileOf(relative), Read(relative).TrimEnd('\n') + "\n" + text);
        return this;
    }

    /// <summary>Rewrites every line of the file that <paramref name="change"/> changes; returns how many it changed.</summary>
    public int EditLines(string relative, Func<string, int, string> change)
    {
        var lines = Lines(relative);
        var changed = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var edited = change(lines[i], changed);
            if (edited == lines[i]) continue;
            lines[i] = edited;
            changed++;
        }
        File.WriteAllText(FileOf(relative), string.Join("\n", lines));
        return changed;
    }

    /// <summary>Deletes the criterion's lines: from `- id: ID` up to the next item, blank or comment line.</summary>
    public RulebookCopy RemoveCriterion(string relative, string id)
    {
        var lines = Lines(relative).ToList();
        var start = LineOf(relative, $"- id: {id}") - 1;
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal) && lines[end].TrimStart()[0] != '#') end++;
        lines.RemoveRange(start, end - start);
        File.WriteAllText(FileOf(relative), string.Join("\n", lines));
        return this;
    }

    /// <summary>The 1-based line of the one line that ends with <paramref name="text"/> (ignoring the line's indent).</summary>
    public int LineOf(string relative, string text) => LineIn(Lines(relative), text);

    public static int LineIn(IReadOnlyList<string> lines, string text)
    {
        var found = lines.Select((l, i) => (Line: l, Number: i + 1)).Where(l => l.Line.EndsWith(text, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"expected one line ending `{text}`, found {found.Count}");
        return found[0].Number;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
        }
    }
}
