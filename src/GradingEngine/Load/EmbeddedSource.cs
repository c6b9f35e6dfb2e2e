using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Load;

/// <summary>
/// A rulebook embedded in the engine (<see cref="EmbeddedRulebooks"/>). Its files are named `ID/criteria/q1.yaml`,
/// never by a path on the machine, and read with the limits and strict UTF-8 of a file on disk.
/// </summary>
internal sealed class EmbeddedSource(string id) : RulebookSource
{
    public override string Location { get; } = id;

    public override bool IsEmbedded => true;

    internal override Diagnostic? Missing() => null;

    internal override bool Has(string relative) =>
        EmbeddedRulebooks.Files.Contains($"rules/{Location}/{relative.Replace('\\', '/')}", StringComparer.Ordinal);

    internal override IReadOnlyList<string>? FilesIn(string folder)
    {
        var prefix = folder.Replace('\\', '/').TrimEnd('/') + "/";
        var names = EmbeddedRulebooks.FilesOf(Location)
            .Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && !f[prefix.Length..].Contains('/'))
            .Select(f => f[prefix.Length..])
            .ToList();
        return names.Count == 0 ? null : names;
    }

    internal override SourceText? Read(string relative, LoadLimits limits, DiagnosticBag bag)
    {
        var path = PathOf(relative);
        using var stream = EmbeddedRulebooks.Open($"rules/{Location}/{relative.Replace('\\', '/')}");
        if (stream is null)
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(path), "file not found");
            return null;
        }
        if (stream.Length > limits.MaxFileBytes)
        {
            bag.Error(DiagnosticCodes.FileTooLarge, SourceSpan.FileStart(path), $"file is {stream.Length} bytes, over the limit of {limits.MaxFileBytes} bytes");
            return null;
        }
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return YamlReader.Source(path, bytes, bag);
    }
}
