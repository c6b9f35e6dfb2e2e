using System.Reflection;

namespace GradingEngine.Load;

/// <summary>
/// The rulebooks shipped inside the engine assembly (every folder under the repository's `rules/`), with
/// the seed files their own test cases grade (`seeds/`), so that a single copied executable grades
/// without a rulebook folder beside it. Each is a manifest resource named by its path in the
/// repository, `rules/ID/...` or `seeds/...`, under <see cref="Prefix"/> (src/GradingEngine/GradingEngine.csproj).
/// </summary>
internal static class EmbeddedRulebooks
{
    /// <summary>The rulebook used when none is named.</summary>
    public const string DefaultId = "peel-2015-effectiveness";

    internal const string Prefix = "shipped/";

    private static readonly Assembly Assembly = typeof(EmbeddedRulebooks).Assembly;

    /// <summary>Every embedded file by its path in the repository (`rules/ID/rulebook.yaml`, `seeds/...`), in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = [.. Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];

    /// <summary>The ids of the embedded rulebooks: the folders under `rules/` with a `rulebook.yaml`, in ordinal order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. Files
        .Select(f => f.Split('/'))
        .Where(parts => parts.Length == 3 && parts[0] == "rules" && parts[2] == RulebookLoader.RulebookFile)
        .Select(parts => parts[1])];

    /// <summary>The files of one rulebook, by path relative to its folder.</summary>
    public static IReadOnlyList<string> FilesOf(string id) => [.. Files
        .Where(f => f.StartsWith($"rules/{id}/", StringComparison.Ordinal))
        .Select(f => f[$"rules/{id}/".Length..])];

    /// <summary>The seed files shipped with the rulebooks, by path in the repository (`seeds/...`).</summary>
    public static IReadOnlyList<string> Seeds => [.. Files.Where(f => f.StartsWith("seeds/", StringComparison.Ordinal))];

    /// <summary>An embedded file's bytes, by its path in the repository; null when there is none.</summary>
    internal static Stream? Open(string path) =>
        Files.Contains(path, StringComparer.Ordinal) ? Assembly.GetManifestResourceStream(Prefix + path) : null;
}
