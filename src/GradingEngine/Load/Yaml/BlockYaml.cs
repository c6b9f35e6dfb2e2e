using System.Text;
using GradingEngine.Diagnostics;

namespace GradingEngine.Load.Yaml;

/// <summary>
/// A fast reader for the plain block YAML that rulebooks are written in: block mappings with plain keys,
/// block sequences, one-line plain, single- and double-quoted scalars, one-line flow lists of plain words,
/// comments and blank lines. It builds the same <see cref="YNode"/> tree, positions and last lines as
/// <see cref="YamlReader"/>'s YamlDotNet path, which a 10,000-criteria rulebook spent a third of its
/// `grade` in (docs/performance.md, "Rulebook scaling"). It gives up (null) at anything else (block
/// scalars, anchors, tags, multi-line scalars, escapes, flow mappings, a duplicate key, a limit reached,
/// any YAML error), and the caller then parses the text with YamlDotNet, which reports what is wrong.
/// Tests compare the two on every YAML file of the repository and on mutations of them.
/// </summary>
internal sealed class BlockYaml
{
    private readonly string _path;
    private readonly string _text;
    private readonly LoadLimits _limits;
    private long _nodes;

    // Keys and short plain values, one string each per file: a rulebook repeats `id`, `question`, `weight: 1` thousands of times.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private const int ShortValue = 16;

    // One list per nesting level to gather a mapping's entries or a list's items in, copied out at their exact size.
    private readonly List<List<YEntry>> _entryLists = [];
    private readonly List<List<YNode>> _itemLists = [];

    private static List<T> Scratch<T>(List<List<T>> lists, int depth)
    {
        while (lists.Count <= depth) lists.Add([]);
        var list = lists[depth];
        list.Clear();
        return list;
    }

    // The next content line (not blank, not only a comment): where it starts, its indentation, its number.
    private int _lineStart;
    private int _indent;
    private int _line;
    private bool _eof;

    // At the end of the text: the number of its last line and how many characters that line has (0 when
    // the text ends with a line break: the last line is then the empty one after it).
    private int _eofLine;
    private int _eofLength;

    // Where the line being read now starts, and its number.
    private int _curStart;
    private int _curLine;

    private BlockYaml(string path, string text, LoadLimits limits)
    {
        _path = path;
        _text = text;
        _limits = limits;
    }

    /// <summary>The tree of <paramref name="text"/>, or null when it is not in the subset read here.</summary>
    public static YNode? TryParse(string path, string text, LoadLimits limits)
    {
        if (!Plain(text)) return null;
        var reader = new BlockYaml(path, text, limits);
        return reader.Document();
    }

    // Characters YamlDotNet treats specially or rejects (tabs, carriage returns, other line breaks, controls,
    // byte order marks, surrogates, non-characters): a text with any of them takes the full parser.
    private static bool Plain(string text)
    {
        var s = text.AsSpan();
        return !s.ContainsAnyInRange('\0', '\t') && !s.ContainsAnyInRange('\v', '\x1F') && !s.ContainsAnyInRange('\x7F', '\x9F')
            && !s.ContainsAnyInRange('\u2028', '\u2029') && !s.ContainsAnyInRange('\uD800', '\uDFFF')
            && !s.Contains('\uFEFF') && !s.ContainsAnyInRange('\uFFFE', '\uFFFF');
    }

    private YNode? Document()
    {
        _line = 1;
        NextContent(0, 1);
        if (_eof) return null;
        var root = Mapping(_indent, _lineStart + _indent, depth: 0);
        return root is not null && _eof ? root : null;
    }

    /// <summary>Moves to the first content line at or after <paramref name="from"/> (numbered <paramref name="line"/>).</summary>
    private void NextContent(int from, int line)
    {
        var text = _text;
        while (from < text.Length)
        {
            var i = from;
            while (i < text.Length && text[i] == ' ') i++;
            if (i < text.Length && text[i] != '\n' && text[i] != '#')
            {
                _lineStart = from;
                _indent = i - from;
                _line = line;
                _eof = false;
                return;
            }
            var end = text.IndexOf('\n', i);
            if (end < 0) break;
            from = end + 1;
            line++;
        }
        _eof = true;
        _lineStart = text.Length;
        _eofLine = line;
        _eofLength = text.Length - from;
    }

    /// <summary>Moves past the end of the line that <paramref name="i"/> is on (numbered <see cref="_curLine"/>).</summary>
    private void NextLine(int i)
    {
        var end = _text.IndexOf('\n', i);
        if (end < 0)
        {
            _eof = true;
            _lineStart = _text.Length;
            _eofLine = _curLine;
            _eofLength = _text.Length - _curStart;
            return;
        }
        NextContent(end + 1, _curLine + 1);
    }

    private bool Count(int depth)
    {
        _nodes++;
        return _nodes <= _limits.MaxNodes && depth < _limits.MaxDepth;
    }

    private string Shared(int start, int length)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = _text.AsSpan(start, length);
        if (lookup.TryGetValue(span, out var shared)) return shared;
        shared = span.ToString();
        _strings.Add(shared, shared);
        return shared;
    }

    private SourceSpan Span(int line, int index, int lineStart) => new(_path, line, index - lineStart + 1);

    /// <summary>A block mapping whose first key starts at <paramref name="keyAt"/> on the current content line, at column indent + 1.</summary>
    private YMapping? Mapping(int indent, int keyAt, int depth)
    {
        if (!Count(depth)) return null;
        var startLine = _line;
        var span = Span(_line, keyAt, keyAt - indent);
        var entries = Scratch(_entryLists, depth);
        while (true)
        {
            _curStart = _lineStart;
            _curLine = _line;
            var lineStart = _curStart;
            var line = _curLine;
            var k = keyAt;
            var text = _text;
            if (k >= text.Length || !IsKeyStart(text[k])) return null;
            var e = k + 1;
            while (e < text.Length && IsKeyChar(text[e])) e++;
            if (e >= text.Length || text[e] != ':' || e - k > 256) return null;
            var colon = e;
            e++;
            if (e < text.Length && text[e] != ' ' && text[e] != '\n') return null;
            if (!Count(depth + 1)) return null;
            var keyValue = Shared(k, colon - k);
            foreach (var entry in entries)
            {
                if (entry.Key.Value == keyValue) return null;
            }
            var key = new YScalar(Span(line, k, lineStart), keyValue, ScalarKind.Plain) { Source = (text, k) };
            while (e < text.Length && text[e] == ' ') e++;
            YNode? value;
            if (e >= text.Length || text[e] == '\n' || text[e] == '#')
            {
                if (e < text.Length && text[e] == '#' && text[e - 1] != ' ') return null;
                NextLine(e);
                if (!_eof && _indent > indent)
                {
                    var at = _lineStart + _indent;
                    if (text[at] == '-')
                    {
                        value = Sequence(_indent, depth + 1);
                    }
                    else
                    {
                        value = Mapping(_indent, at, depth + 1);
                    }
                    if (value is null) return null;
                }
                else
                {
                    // An indentless sequence (`key:` then `- item` at the key's indentation) is left to YamlDotNet.
                    if (!_eof && _indent == indent && text[_lineStart + _indent] == '-') return null;
                    if (!Count(depth + 1)) return null;
                    value = new YScalar(new SourceSpan(_path, line, colon - lineStart + 2), "", ScalarKind.Plain) { Source = (text, colon + 1) };
                }
            }
            else
            {
                value = Inline(e, depth + 1);
                if (value is null) return null;
                if (!_eof && _indent > indent) return null;
            }
            entries.Add(new YEntry(key, value));
            if (_eof || _indent < indent)
            {
                // YamlDotNet ends a block at the next token; at the end of the text, a block indented deeper than the
                // last line's length ends on that line, the others on the line after it (when it has characters).
                var (endIndex, endLine) = !_eof ? (_lineStart + _indent, _line)
                    : (text.Length, _eofLength == 0 || indent > _eofLength ? _eofLine : _eofLine + 1);
                return new YMapping(span, entries.ToArray()) { LastLine = YamlReader.LastLine(text, startLine, endIndex, endLine) };
            }
            if (_indent > indent) return null;
            keyAt = _lineStart + _indent;
        }
    }

    /// <summary>A block sequence whose first `-` is the first character of the current content line, at column indent + 1.</summary>
    private YSequence? Sequence(int indent, int depth)
    {
        if (!Count(depth)) return null;
        var span = new SourceSpan(_path, _line, indent + 1);
        var items = Scratch(_itemLists, depth);
        var text = _text;
        while (true)
        {
            _curStart = _lineStart;
            _curLine = _line;
            var dash = _lineStart + indent;
            if (text[dash] != '-' || dash + 1 >= text.Length || text[dash + 1] != ' ') return null;
            var i = dash + 1;
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length || text[i] == '\n' || text[i] == '#') return null;
            var itemIndent = i - _lineStart;
            YNode? item;
            if (IsKeyStart(text[i]) && LooksLikeKey(i))
            {
                item = Mapping(itemIndent, i, depth + 1);
                if (item is null) return null;
            }
            else
            {
                item = Inline(i, depth + 1);
                if (item is null) return null;
                if (!_eof && _indent > indent) return null;
            }
            items.Add(item);
            if (_eof || _indent < indent) return new YSequence(span, items.ToArray());
            if (_indent > indent) return null;
        }
    }

    // Whether a key (letters, digits, `_`, `-`, `.`, `/`) followed by `:` and a space or the end of the line starts at i.
    private bool LooksLikeKey(int i)
    {
        var text = _text;
        var e = i + 1;
        while (e < text.Length && IsKeyChar(text[e])) e++;
        return e < text.Length && text[e] == ':' && (e + 1 >= text.Length || text[e + 1] == ' ' || text[e + 1] == '\n');
    }

    private static bool IsKeyStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/';

    /// <summary>A value written on the current line from <paramref name="i"/> to its end; moves to the next content line.</summary>
    private YNode? Inline(int i, int depth)
    {
        var text = _text;
        var c = text[i];
        YNode? node;
        int end;
        switch (c)
        {
            case '\'':
                node = SingleQuoted(i, out end, depth);
                break;
            case '"':
                node = DoubleQuoted(i, out end, depth);
                break;
            case '[':
                node = FlowList(i, out end, depth);
                break;
            case '-':
                // `-` starts a plain value only when something other than a space follows.
                if (i + 1 >= text.Length || text[i + 1] is ' ' or '\n') return null;
                node = PlainScalar(i, out end, depth);
                break;
            case '?' or ':' or ',' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`':
                return null;
            default:
                node = PlainScalar(i, out end, depth);
                break;
        }
        if (node is null) return null;
        // The rest of the line: spaces, then the end of the line or a comment after a space.
        var j = end;
        while (j < text.Length && text[j] == ' ') j++;
        if (j < text.Length && text[j] != '\n')
        {
            if (text[j] != '#' || j == end) return null;
        }
        NextLine(j);
        return node;
    }

    private YScalar? PlainScalar(int i, out int end, int depth)
    {
        var text = _text;
        var j = i;
        var last = i; // one past the last non-space character
        end = i;
        while (j < text.Length)
        {
            var c = text[j];
            if (c == '\n') break;
            if (c == ' ')
            {
                if (j + 1 < text.Length && text[j + 1] == '#') break;
                j++;
                continue;
            }
            // `: ` or a final `:` would make this a key: an error where a value is expected.
            if (c == ':' && (j + 1 >= text.Length || text[j + 1] is ' ' or '\n')) return null;
            j++;
            last = j;
        }
        if (!Count(depth)) return null;
        end = last;
        var value = last - i <= ShortValue ? Shared(i, last - i) : text.Substring(i, last - i);
        return new YScalar(Span(_curLine, i, _curStart), value, ScalarKind.Plain) { Source = (text, i) };
    }

    private YScalar? SingleQuoted(int i, out int end, int depth)
    {
        var text = _text;
        StringBuilder? sb = null;
        var from = i + 1;
        var j = from;
        end = i;
        while (true)
        {
            if (j >= text.Length || text[j] == '\n') return null;
            if (text[j] == '\'')
            {
                if (j + 1 < text.Length && text[j + 1] == '\'')
                {
                    sb ??= new StringBuilder();
                    sb.Append(text, from, j + 1 - from);
                    j += 2;
                    from = j;
                    continue;
                }
                break;
            }
            j++;
        }
        return Quoted(i, from, j, sb, depth, out end);
    }

    private YScalar? DoubleQuoted(int i, out int end, int depth)
    {
        var text = _text;
        StringBuilder? sb = null;
        var from = i + 1;
        var j = from;
        end = i;
        while (true)
        {
            if (j >= text.Length || text[j] == '\n') return null;
            var c = text[j];
            if (c == '"') break;
            if (c == '\\')
            {
                // Only `\"` and `\\`: every other escape is left to YamlDotNet.
                if (j + 1 >= text.Length || text[j + 1] is not ('"' or '\\')) return null;
                sb ??= new StringBuilder();
                sb.Append(text, from, j - from).Append(text[j + 1]);
                j += 2;
                from = j;
                continue;
            }
            j++;
        }
        return Quoted(i, from, j, sb, depth, out end);
    }

    /// <summary>A quoted scalar opened at <paramref name="i"/> whose last run of text is [from, j), after what <paramref name="sb"/> holds.</summary>
    private YScalar? Quoted(int i, int from, int j, StringBuilder? sb, int depth, out int end)
    {
        end = i;
        var value = sb is null ? _text.Substring(from, j - from) : sb.Append(_text, from, j - from).ToString();
        if (!Count(depth)) return null;
        end = j + 1;
        return new YScalar(Span(_curLine, i, _curStart), value, ScalarKind.Quoted) { Source = (_text, i) };
    }

    /// <summary>`[a, b, c]` on one line, each item a plain word or words.</summary>
    private YSequence? FlowList(int i, out int end, int depth)
    {
        var text = _text;
        end = i;
        if (!Count(depth)) return null;
        var items = new List<YNode>();
        var j = i + 1;
        while (j < text.Length && text[j] == ' ') j++;
        if (j < text.Length && text[j] == ']')
        {
            end = j + 1;
            return new YSequence(Span(_curLine, i, _curStart), items);
        }
        while (true)
        {
            while (j < text.Length && text[j] == ' ') j++;
            if (j >= text.Length || !IsKeyStart(text[j])) return null;
            var start = j;
            var last = j;
            while (j < text.Length)
            {
                var c = text[j];
                if (c is '\n' or ',' or '[' or ']' or '{' or '}' or '#' or ':' or '"' or '\'') break;
                j++;
                if (c != ' ') last = j;
            }
            if (j >= text.Length || text[j] is not (',' or ']')) return null;
            if (!Count(depth + 1)) return null;
            items.Add(new YScalar(Span(_curLine, start, _curStart), text.Substring(start, last - start), ScalarKind.Plain) { Source = (text, start) });
            if (text[j] == ']')
            {
                end = j + 1;
                return new YSequence(Span(_curLine, i, _curStart), items);
            }
            j++;
        }
    }
}
