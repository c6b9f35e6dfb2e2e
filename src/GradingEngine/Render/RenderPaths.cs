using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>Rule locations relative to the rulebook folder, so output is the same wherever the rulebook is installed.</summary>
internal static class RenderPaths
{
    public static string RuleFile(Rulebook rulebook, SourceSpan span) =>
        Path.GetRelativePath(rulebook.Directory, span.Path).Replace('\\', '/');

    public static string RuleLocation(Rulebook rulebook, SourceSpan span) =>
        $"{RuleFile(rulebook, span)}:{span.Line}";
}
