using System.Globalization;
using System.Text.RegularExpressions;
using GradingEngine.Diagnostics;

namespace GradingEngine.Load.Yaml;

/// <summary>
/// Typed, checked access to one YAML mapping. Declares the keys it knows, reports missing
/// and wrongly typed values as it is read, and unknown keys (typos) at <see cref="Finish"/>.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly YMapping _mapping;
    private readonly DiagnosticBag _bag;
    private readonly string _what;
    private readonly string[] _keys;

    private MappingReader(YMapping mapping, string what, DiagnosticBag bag, string[] keys)
    {
        _mapping = mapping;
        _what = what;
        _bag = bag;
        _keys = keys;
    }

    /// <summary>Starts reading <paramref name="node"/> as a mapping; null (with an error) when it is not one.</summary>
    public static MappingReader? Open(YNode? node, string what, DiagnosticBag bag, params string[] keys)
    {
        if (node is YMapping m)
        {
            return new MappingReader(m, what, bag, keys);
        }
        if (node is not null)
        {
            bag.Error(DiagnosticCodes.WrongType, node.Span, $"expected {what} to be a mapping, found {node.KindName}");
        }
        return null;
    }

    public SourceSpan Span => _mapping.Span;

    /// <summary>Spans of every value in the mapping, for errors found after loading.</summary>
    public FieldSpans Fields
    {
        get
        {
            // Keys are unique: the reader reports a duplicate and keeps the first (the first match of a scan).
            var spans = new (string, SourceSpan)[_mapping.Entries.Count];
            for (var i = 0; i < spans.Length; i++) spans[i] = (_mapping.Entries[i].Key.Value, _mapping.Entries[i].Value.Span);
            return new(_mapping.Span, new FewFields(spans), _mapping.LastLine);
        }
    }

    public YNode? Node(string key) => Entry(key) is { } entry && entry.Value is not YScalar { IsNull: true } ? entry.Value : null;

    /// <summary>The first entry with that key. Indexed, not `foreach`: every key read scans its mapping, and the list's
    /// enumerator, boxed behind IReadOnlyList, was a tenth of what loading a large rulebook allocated.</summary>
    private YEntry? Entry(string key)
    {
        var entries = _mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key.Value == key) return entries[i];
        }
        return null;
    }

    public SourceSpan SpanOf(string key) => Node(key)?.Span ?? KeySpan(key) ?? _mapping.Span;

    public bool Has(string key) => Node(key) is not null;

    private SourceSpan? KeySpan(string key) => Entry(key)?.Key.Span;

    /// <summary>Whether the key is written, with a value or without one.</summary>
    public bool HasKey(string key) => KeySpan(key) is not null;

    /// <summary>Where the key is written, or the mapping when it is not.</summary>
    public SourceSpan KeySpanOf(string key) => KeySpan(key) ?? _mapping.Span;

    private void Missing(string key) =>
        _bag.Error(DiagnosticCodes.MissingKey, KeySpan(key) ?? _mapping.Span,
            KeySpan(key) is null ? $"missing required key `{key}` in {_what}" : $"key `{key}` in {_what} has no value");

    public YScalar? Scalar(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is YScalar s)
        {
            return s;
        }
        _bag.Error(DiagnosticCodes.WrongType, node.Span, $"expected `{key}` to be a single value, found {node.KindName}");
        return null;
    }

    public string? String(string key, bool required = true) => Scalar(key, required)?.Value;

    /// <summary>An id: letters, digits, `.`, `-`, `_`, starting with a letter or digit.</summary>
    public string? Id(string key, bool required = true)
    {
        var s = Scalar(key, required);
        if (s is null) return null;
        if (!IsId(s.Value))
        {
            _bag.Error(DiagnosticCodes.InvalidId, s.Span, $"`{s.Value}` is not a valid id", "use letters, digits, `.`, `-` and `_`, starting with a letter or digit");
            return null;
        }
        return s.Value;
    }

    public static bool IsId(string value) => IdPattern().IsMatch(value);

    public int? Int(string key, bool required, int min, int max)
    {
        var s = Scalar(key, required);
        if (s is null) return null;
        if (!s.IsPlain || !WholeNumber().IsMatch(s.Value))
        {
            _bag.Error(DiagnosticCodes.WrongType, s.Span, $"expected `{key}` to be a whole number, found `{s.Value}`");
            return null;
        }
        // A whole number of any length names the range it is outside, even one past what an int holds.
        if (!int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, s.Span, $"`{key}` must be between {min} and {max}, found {s.Value}");
            return null;
        }
        return value;
    }

    /// <summary>A number written in decimal digits (`63`, `-2.5`), read exactly; no exponent, no `.5`.</summary>
    public decimal? Decimal(string key, bool required)
    {
        var s = Scalar(key, required);
        if (s is null) return null;
        if (!s.IsPlain || !DecimalNumber().IsMatch(s.Value)
            || !decimal.TryParse(s.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _bag.Error(DiagnosticCodes.WrongType, s.Span, $"expected `{key}` to be a number such as `63` or `2.5`, found `{s.Value}`");
            return null;
        }
        return value;
    }

    public bool? Bool(string key, bool required)
    {
        var s = Scalar(key, required);
        if (s is null) return null;
        var value = ParseBool(s);
        if (value is null)
        {
            _bag.Error(DiagnosticCodes.WrongType, s.Span, $"expected `{key}` to be `true` or `false`, found `{s.Value}`");
        }
        return value;
    }

    public static bool? ParseBool(YScalar s) =>
        !s.IsPlain ? null : s.Value switch
        {
            "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" => true,
            "false" or "False" or "FALSE" or "no" or "No" or "NO" => false,
            _ => null,
        };

    public YSequence? Sequence(string key, bool required, bool nonEmpty = true)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is not YSequence seq)
        {
            _bag.Error(DiagnosticCodes.WrongType, node.Span, $"expected `{key}` to be a list, found {node.KindName}");
            return null;
        }
        if (nonEmpty && seq.Items.Count == 0)
        {
            _bag.Error(DiagnosticCodes.EmptyList, seq.Span, $"`{key}` must have at least one item");
        }
        return seq;
    }

    public YMapping? Mapping(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is not YMapping map)
        {
            _bag.Error(DiagnosticCodes.WrongType, node.Span, $"expected `{key}` to be a mapping, found {node.KindName}");
            return null;
        }
        return map;
    }

    /// <summary>Reports every key this reader does not know: a typo must never be ignored.</summary>
    public void Finish()
    {
        var entries = _mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (Array.IndexOf(_keys, entry.Key.Value) < 0)
            {
                var help = NameSuggester.Help(entry.Key.Value, _keys) ?? $"{_what} keys are: {string.Join(", ", _keys.Select(k => $"`{k}`"))}";
                _bag.Error(DiagnosticCodes.UnknownKey, entry.Key.Span, $"unknown key `{entry.Key.Value}` in {_what}", help);
            }
        }
    }

    /// <summary>
    /// The spans of a mapping's handful of fields, looked up by scanning: kept for every criterion and indicator of
    /// a rulebook, a third of the size of a dictionary.
    /// </summary>
    private sealed class FewFields((string Key, SourceSpan Span)[] fields) : IReadOnlyDictionary<string, SourceSpan>
    {
        public SourceSpan this[string key] => TryGetValue(key, out var span) ? span : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => fields.Select(f => f.Key).Distinct(StringComparer.Ordinal);

        public IEnumerable<SourceSpan> Values => Keys.Select(k => this[k]);

        public int Count => Keys.Count();

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, out SourceSpan value)
        {
            foreach (var (k, span) in fields)
            {
                if (k == key)
                {
                    value = span;
                    return true;
                }
            }
            value = default;
            return false;
        }

        public IEnumerator<KeyValuePair<string, SourceSpan>> GetEnumerator() =>
            Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // \z, not $: `$` also matches before a final line break, which let `id\n` through.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[+-]?[0-9]+\z")]
    private static partial Regex WholeNumber();

    // At most 28 digits each side: what a decimal holds exactly.
    [GeneratedRegex(@"^[+-]?[0-9]{1,28}(\.[0-9]{1,28})?\z")]
    private static partial Regex DecimalNumber();
}
