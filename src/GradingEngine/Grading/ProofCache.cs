using System.Reflection;
using System.Text;
using System.Text.Json;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Model;

namespace GradingEngine.Grading;

/// <summary>
/// What the proofs of a rulebook found (its totality, overlap, reachability and monotonicity diagnostics, often none),
/// kept by the rulebook's content hash and the engine's build, so that grading a rulebook proved once does not prove it
/// again. An entry is a small JSON file in a folder of its own, never beside the rulebook; deleting the folder only
/// costs the next run a proof. Spans are kept relative to the rulebook, so a folder copy and the embedded copy of one
/// rulebook share an entry. An entry that does not read back exactly (edited, truncated, another engine's) is ignored
/// and proved again.
/// </summary>
public sealed class ProofCache
{
    private const int Format = 1;

    /// <summary>An entry is a few diagnostics; anything larger was not written by this engine.</summary>
    private const long MaxEntryBytes = 4 * 1024 * 1024;

    /// <param name="directory">The folder entries go in; created on the first write.</param>
    public ProofCache(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>The folder entries go in.</summary>
    public string Directory { get; }

    /// <summary>
    /// The user's cache folder for proofs: <paramref name="cacheHome"/> (the `GRADING_CACHE_DIR` setting) when given,
    /// else `grading-engine/proofs` under <paramref name="xdgCacheHome"/>, else under `~/.cache`; null when there is
    /// no home to put it in.
    /// </summary>
    public static ProofCache? ForUser(string? cacheHome, string? xdgCacheHome, string? home)
    {
        if (!string.IsNullOrEmpty(cacheHome)) return new ProofCache(Path.Combine(cacheHome, "proofs"));
        // The XDG base directory specification ignores a relative XDG_CACHE_HOME.
        var root = !string.IsNullOrEmpty(xdgCacheHome) && Path.IsPathRooted(xdgCacheHome) ? xdgCacheHome
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : null;
        return root is null ? null : new ProofCache(Path.Combine(root, "grading-engine", "proofs"));
    }

    /// <summary>
    /// The engine's build: its version (with the commit it was built from) and its module's id, which a deterministic
    /// build changes with any change to the code, so proofs made by another engine are never reused.
    /// </summary>
    internal static string Engine { get; } = EngineIdentity();

    private static string EngineIdentity()
    {
        var assembly = typeof(ProofCache).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return $"{version} {typeof(ProofCache).Module.ModuleVersionId:N}";
    }

    /// <summary>The path of <paramref name="rulebook"/>'s entry.</summary>
    public string EntryPath(Rulebook rulebook) => Path.Combine(Directory, Key(rulebook.ContentHash) + ".json");

    private static string Key(string contentHash) =>
        Files.Sha256.Hex($"{Engine}\n{contentHash}");

    /// <summary>The proofs' diagnostics kept for <paramref name="rulebook"/>, placed in its files as <paramref name="source"/> names them; null when there is no usable entry.</summary>
    internal IReadOnlyList<Diagnostic>? Find(Rulebook rulebook, Load.RulebookSource source)
    {
        var path = EntryPath(rulebook);
        if (!File.Exists(path)) return null;
        var bytes = InputFile.Read(path, MaxEntryBytes, new DiagnosticBag(), within: Directory);
        if (bytes is null) return null;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.GetProperty("format").GetInt32() != Format
                || root.GetProperty("engine").GetString() != Engine
                || root.GetProperty("rulebook").GetString() != rulebook.ContentHash)
            {
                return null;
            }
            var files = rulebook.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            var diagnostics = new List<Diagnostic>();
            foreach (var d in root.GetProperty("diagnostics").EnumerateArray())
            {
                var file = d.GetProperty("file").GetString()!;
                if (!files.Contains(file)) return null;
                var severity = d.GetProperty("severity").GetString() switch
                {
                    "error" => Severity.Error,
                    "warning" => Severity.Warning,
                    _ => (Severity?)null,
                };
                if (severity is null) return null;
                var help = d.TryGetProperty("help", out var h) ? h.GetString() : null;
                diagnostics.Add(new Diagnostic(severity.Value, d.GetProperty("code").GetString()!,
                    new SourceSpan(source.PathOf(file), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()),
                    d.GetProperty("message").GetString()!, help));
            }
            return diagnostics;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Not what this engine writes: prove again, and the next write replaces it.
            return null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="diagnostics"/>, the proofs' findings on <paramref name="rulebook"/>. Best effort: a cache
    /// that cannot be written (read-only home, a link or folder at the entry's name) only means proving again next time.
    /// A diagnostic outside the rulebook's files is not kept, and then neither is the entry.
    /// </summary>
    internal void Keep(Rulebook rulebook, Load.RulebookSource source, IReadOnlyList<Diagnostic> diagnostics)
    {
        var relative = rulebook.Files.ToDictionary(f => source.PathOf(f.RelativePath), f => f.RelativePath, StringComparer.Ordinal);
        if (diagnostics.Any(d => !relative.ContainsKey(d.Span.Path))) return;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("engine", Engine);
            w.WriteString("rulebook", rulebook.ContentHash);
            w.WriteString("id", rulebook.Id);
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("severity", d.IsError ? "error" : "warning");
                w.WriteString("code", d.Code);
                w.WriteString("file", relative[d.Span.Path]);
                w.WriteNumber("line", d.Span.Line);
                w.WriteNumber("column", d.Span.Column);
                w.WriteString("message", d.Message);
                if (d.Help is not null) w.WriteString("help", d.Help);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        OutputFile.Write(EntryPath(rulebook), Encoding.UTF8.GetString(buffer.ToArray()), new DiagnosticBag());
    }
}
