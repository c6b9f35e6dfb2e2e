using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GradingEngine.Load.Yaml;

/// <summary>
/// Reads one YAML (or JSON) file into a <see cref="YNode"/> tree with positions, enforcing the
/// <see cref="LoadLimits"/>: size, UTF-8 validity, nesting depth, alias expansion, duplicate keys.
/// </summary>
internal static class YamlReader
{
    public static YNode? ReadFile(string path, LoadLimits limits, DiagnosticBag bag) =>
        ReadFile(path, limits, bag, out _);

    /// <summary>Reads and parses a file; <paramref name="source"/> also gives its text and SHA-256.</summary>
    /// <param name="within">A folder the file must lie inside, links resolved (see <see cref="InputFile"/>).</param>
    public static YNode? ReadFile(string path, LoadLimits limits, DiagnosticBag bag, out SourceText? source, string? within = null)
    {
        source = ReadSource(path, limits, bag, within);
        return source is null ? null : Parse(path, source.Text, limits, bag);
    }

    /// <summary>Reads a file as strict UTF-8 text, without the SHA-256 a <see cref="SourceText"/> carries.</summary>
    public static string? ReadText(string path, LoadLimits limits, DiagnosticBag bag, string? within = null) =>
        InputFile.ReadBuffer(path, limits.MaxFileBytes, bag, within) is { } bytes ? DecodeUtf8(path, bytes.AsSpan(), bag) : null;

    /// <summary>Reads a file as strict UTF-8 text, or reports why it cannot.</summary>
    public static SourceText? ReadSource(string path, LoadLimits limits, DiagnosticBag bag, string? within = null)
    {
        // The bytes are only decoded and hashed: a pooled buffer, not one more large array per rulebook file.
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        if (InputFile.ReadBuffer(path, limits.MaxFileBytes, bag, within, pool) is not { } bytes) return null;
        try
        {
            return Source(path, bytes.AsSpan(), bag);
        }
        finally
        {
            pool.Return(bytes.Array!);
        }
    }

    /// <summary>A file's bytes as strict UTF-8 text with their SHA-256, or null with the reason reported.</summary>
    internal static SourceText? Source(string path, ReadOnlySpan<byte> bytes, DiagnosticBag bag) =>
        DecodeUtf8(path, bytes, bag) is { } text ? new SourceText(path, text, Files.Sha256.Hex(bytes)) : null;

    internal static string? DecodeUtf8(string path, ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        // Invalid somewhere: walk it rune by rune to say where.
        int line = 1, column = 1, offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                bag.Error(DiagnosticCodes.InvalidUtf8, new SourceSpan(path, line, column),
                    $"invalid UTF-8 byte 0x{bytes[offset]:X2} at byte offset {offset}", "save the file as UTF-8");
                return null;
            }
            if (rune.Value == '\n') { line++; column = 1; } else { column++; }
            offset += consumed;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    public static YNode? Parse(string path, string text, LoadLimits limits, DiagnosticBag bag) =>
        BlockYaml.TryParse(path, text, limits) ?? ParseFully(path, text, limits, bag);

    /// <summary>Parses with YamlDotNet, whatever the text: what <see cref="BlockYaml"/> does not read, and every error.</summary>
    internal static YNode? ParseFully(string path, string text, LoadLimits limits, DiagnosticBag bag)
    {
        var builder = new TreeBuilder(path, text, limits);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (!builder.Accept(parser.Current!, bag))
                {
                    return null;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way rather than as a YamlException.
            var mark = parser.Current?.End;
            var span = mark is { } m ? new SourceSpan(path, (int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column)) : SourceSpan.FileStart(path);
            bag.Error(DiagnosticCodes.YamlSyntax, span, "invalid YAML: " + CleanMessage(e.Message));
            return null;
        }
        catch (YamlException e)
        {
            var span = new SourceSpan(path, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            bag.Error(DiagnosticCodes.YamlSyntax, span, "invalid YAML: " + CleanMessage(e.Message));
            return null;
        }
        if (builder.Root is null)
        {
            bag.Error(DiagnosticCodes.WrongType, SourceSpan.FileStart(path), "file is empty", "expected a mapping at the top level");
        }
        return builder.Root;
    }

    /// <summary>
    /// Whether the top-level mapping has a key for which <paramref name="match"/> (key, value is a scalar)
    /// holds, read as a stream and stopping at that key: no tree is built. False when the text is not a
    /// mapping, names no such key, nests deeper than the limit or is malformed before such a key; a
    /// caller that must tell those apart parses the file.
    /// </summary>
    public static bool HasTopLevelKey(string text, LoadLimits limits, Func<string, bool, bool> match)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            if (!parser.MoveNext() || parser.Current is not StreamStart) return false;
            if (!parser.MoveNext() || parser.Current is not DocumentStart) return false;
            if (!parser.MoveNext() || parser.Current is not MappingStart) return false;
            while (parser.MoveNext() && parser.Current is not MappingEnd)
            {
                // An alias or a collection as key is never one we look for, but still has to be skipped.
                var key = parser.Current as Scalar;
                if (!Skip(parser, limits) || !parser.MoveNext()) return false;
                if (key is not null && match(key.Value, parser.Current is Scalar)) return true;
                if (!Skip(parser, limits)) return false;
            }
            return false;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return false;
        }

        // Moves from a node's first event to its last; false past the nesting limit or at the end of the text.
        static bool Skip(Parser parser, LoadLimits limits)
        {
            var depth = parser.Current is MappingStart or SequenceStart ? 1 : 0;
            while (depth > 0)
            {
                if (!parser.MoveNext()) return false;
                if (parser.Current is MappingStart or SequenceStart)
                {
                    if (++depth > limits.MaxDepth) return false;
                }
                else if (parser.Current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
            return true;
        }
    }

    /// <summary>
    /// The last line of a node that started on <paramref name="firstLine"/> and whose end event is at <paramref name="endIndex"/> on line <paramref name="endLine"/>:
    /// a block node ends where the next token begins, so the line before that, less trailing blank and comment lines.
    /// </summary>
    internal static int LastLine(string text, int firstLine, long endIndex, long endLine)
    {
        var i = (int)Math.Min(endIndex, text.Length);
        var line = (int)endLine;
        var lineStart = i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;
        if (!text.AsSpan(lineStart, i - lineStart).IsWhiteSpace()) return line;
        for (i = lineStart - 1, line--; line > firstLine && i > 0; line--)
        {
            var start = text.LastIndexOf('\n', i - 1) + 1;
            var content = text.AsSpan(start, i - start).Trim();
            if (content.Length > 0 && content[0] != '#') break;
            i = start - 1;
        }
        return Math.Max(line, firstLine);
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes its own position "(Line: 3, Col: 5, Idx: ...) - (...): ": ours is in front already.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var core = i >= 0 ? message[(i + 3)..] : message;
        core = core.Trim().TrimEnd('.');
        return core.Length > 0 ? char.ToLowerInvariant(core[0]) + core[1..] : core;
    }

    private sealed class TreeBuilder(string path, string text, LoadLimits limits)
    {
        private sealed class Frame(YNode start, string? anchor)
        {
            public YNode Start { get; } = start;
            public string? Anchor { get; } = anchor;
            public List<YNode> Children { get; } = [];
            public long Size { get; set; } = 1;
        }

        private const int ShortMapping = 16;

        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private long _totalNodes;
        private int _documents;

        public YNode? Root { get; private set; }

        private SourceSpan Span(ParsingEvent e) => new(path, (int)e.Start.Line, (int)e.Start.Column);

        public bool Accept(ParsingEvent e, DiagnosticBag bag)
        {
            switch (e)
            {
                case DocumentStart ds when !ds.IsImplicit || _documents > 0:
                    if (++_documents > 1)
                    {
                        bag.Error(DiagnosticCodes.MultipleDocuments, Span(e), "a file holds one YAML document; found a second `---`");
                        return false;
                    }
                    return true;
                case DocumentStart:
                    _documents++;
                    return true;
                case Scalar s:
                    var kind = s.Style switch
                    {
                        ScalarStyle.Plain or ScalarStyle.Any => ScalarKind.Plain,
                        ScalarStyle.Literal or ScalarStyle.Folded => ScalarKind.Block,
                        _ => ScalarKind.Quoted,
                    };
                    return Add(new YScalar(Span(e), s.Value, kind) { Source = (text, (int)s.Start.Index) }, AnchorOf(s.Anchor), 1, bag);
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        bag.Error(DiagnosticCodes.YamlSyntax, Span(e), $"unknown alias `*{alias.Value.Value}`");
                        return false;
                    }
                    return Add(target.Node, null, target.Size, bag, at: Span(e));
                case MappingStart ms:
                    return Open(new YMapping(Span(e), []), AnchorOf(ms.Anchor), bag);
                case SequenceStart ss:
                    return Open(new YSequence(Span(e), []), AnchorOf(ss.Anchor), bag);
                case MappingEnd or SequenceEnd:
                    return Close(e, bag);
                default:
                    return true;
            }
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private bool Open(YNode start, string? anchor, DiagnosticBag bag)
        {
            if (_stack.Count >= limits.MaxDepth)
            {
                bag.Error(DiagnosticCodes.NestingTooDeep, start.Span, $"nesting is deeper than the limit of {limits.MaxDepth} levels");
                return false;
            }
            _stack.Push(new Frame(start, anchor));
            return Count(1, start.Span, bag, alias: false);
        }

        private bool Close(ParsingEvent end, DiagnosticBag bag)
        {
            var frame = _stack.Pop();
            YNode node;
            if (frame.Start is YMapping m)
            {
                var entries = new List<YEntry>(frame.Children.Count / 2);
                // Most mappings have a handful of keys, compared one by one; a dictionary only for long ones.
                var seen = frame.Children.Count > 2 * ShortMapping ? new Dictionary<string, YScalar>(frame.Children.Count / 2, StringComparer.Ordinal) : null;
                for (var i = 0; i + 1 < frame.Children.Count; i += 2)
                {
                    if (frame.Children[i] is not YScalar key)
                    {
                        bag.Error(DiagnosticCodes.WrongType, frame.Children[i].Span, "a mapping key must be a plain value, not " + frame.Children[i].KindName);
                        continue;
                    }
                    if ((seen is null ? Earlier(entries, key.Value) : seen.GetValueOrDefault(key.Value)) is { } first)
                    {
                        bag.Error(DiagnosticCodes.DuplicateKey, key.Span, $"duplicate key `{key.Value}`", $"first given at line {first.Span.Line}");
                        continue;
                    }
                    seen?.Add(key.Value, key);
                    entries.Add(new YEntry(key, frame.Children[i + 1]));
                }
                node = m with { Entries = entries, LastLine = LastLine(m.Span.Line, end.Start) };
            }
            else
            {
                node = ((YSequence)frame.Start) with { Items = frame.Children.ToList() };
            }
            return Add(node, frame.Anchor, frame.Size, bag, counted: true);
        }

        private static YScalar? Earlier(List<YEntry> entries, string key)
        {
            foreach (var entry in entries)
            {
                if (entry.Key.Value == key) return entry.Key;
            }
            return null;
        }

        private int LastLine(int firstLine, Mark end) => YamlReader.LastLine(text, firstLine, end.Index, end.Line);

        private bool Add(YNode node, string? anchor, long size, DiagnosticBag bag, bool counted = false, SourceSpan? at = null)
        {
            // Count what readers will walk, alias expansions included; a container was counted when opened.
            if (!counted && !Count(size, at ?? node.Span, bag, alias: size > 1))
            {
                return false;
            }
            if (anchor is not null)
            {
                _anchors[anchor] = (node, size);
            }
            if (_stack.Count == 0)
            {
                Root = node;
            }
            else
            {
                var parent = _stack.Peek();
                parent.Children.Add(node);
                parent.Size += size;
            }
            return true;
        }

        private bool Count(long size, SourceSpan at, DiagnosticBag bag, bool alias)
        {
            _totalNodes += size;
            if (_totalNodes <= limits.MaxNodes)
            {
                return true;
            }
            if (alias)
            {
                bag.Error(DiagnosticCodes.AliasExpansion, at, $"aliases expand to more than {limits.MaxNodes} nodes", "write the values out, or use fewer aliases");
            }
            else
            {
                bag.Error(DiagnosticCodes.FileTooLarge, at, $"file has more than {limits.MaxNodes} nodes");
            }
            return false;
        }
    }
}
