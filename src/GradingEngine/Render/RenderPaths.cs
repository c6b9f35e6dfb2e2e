using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>
/// Rule locations as output names them: relative to the rulebook folder, so output is the same wherever the
/// rulebook is installed; an embedded rulebook's by its id (`ID/criteria/q1.yaml`), as its diagnostics name them.
/// </summary>
internal static class RenderPaths
{
    public static string RuleFile(Rulebook rulebook, SourceSpan span) => Named(rulebook, RelativeFile(rulebook, span));

    public static string RuleLocation(Rulebook rulebook, SourceSpan span) =>
        $"{RuleFile(rulebook, span)}:{span.Line}";

    /// <summary>A rule file's path relative to the rulebook, however it was loaded (for keys and anchors, not for display).</summary>
    public static string RelativeFile(Rulebook rulebook, SourceSpan span) =>
        Path.GetRelativePath(rulebook.Directory, span.Path).Replace('\\', '/');

    /// <summary>
    /// A file given relative to the rulebook, as output names it. For an embedded rulebook, a file outside it (a
    /// test's seed, `../../seeds/x.csv`) is named by its place among the embedded files (`seeds/x.csv`), as diagnostics do.
    /// </summary>
    public static string Named(Rulebook rulebook, string relative) =>
        rulebook.EmbeddedId is { } id ? EmbeddedName(id, relative) : relative;

    /// <summary>A file given relative to embedded rulebook <paramref name="id"/>, named by its place among the embedded files.</summary>
    public static string EmbeddedName(string id, string relative)
    {
        var parts = new List<string> { "rules", id };
        foreach (var part in relative.Split('/'))
        {
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else if (part is not (".." or "." or "")) parts.Add(part);
        }
        var path = string.Join('/', parts);
        return path.StartsWith($"rules/{id}/", StringComparison.Ordinal) ? path["rules/".Length..] : path;
    }
}
