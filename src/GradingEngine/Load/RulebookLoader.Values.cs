using System.Text.RegularExpressions;
using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    /// <summary>values.yaml: the named values every question computes (`default`), and per question its own (`questions`).</summary>
    private QuestionValues ReadValues()
    {
        var m = MappingReader.Open(Read(ValuesFile), "values.yaml", _bag, "default", "questions");
        if (m is null) return QuestionValues.None;
        var defaults = ReadList(m.Sequence("default", required: false, nonEmpty: false), "value", ReadNamedValue);
        var perQuestion = new SortedDictionary<string, IReadOnlyList<NamedValue>>(StringComparer.Ordinal);
        foreach (var entry in m.Mapping("questions", required: false)?.Entries ?? [])
        {
            if (entry.Value is not YSequence sequence)
            {
                _bag.Error(DiagnosticCodes.WrongType, entry.Value.Span, $"expected the values of `{entry.Key.Value}` to be a list, found {entry.Value.KindName}");
                continue;
            }
            perQuestion[entry.Key.Value] = ReadList(sequence, "value", ReadNamedValue);
        }
        m.Finish();
        return new QuestionValues(defaults, perQuestion);
    }

    private NamedValue? ReadNamedValue(YNode node)
    {
        var m = MappingReader.Open(node, "value", _bag, "id", "title", "value", "bands", "direction");
        if (m is null) return null;
        var id = m.Id("id");
        if (id is not null && !ValueName().IsMatch(id))
        {
            _bag.Error(DiagnosticCodes.InvalidId, m.SpanOf("id"), $"`{id}` cannot name a value: conditions read it as a name",
                "use letters, digits and `_`, with single `-` between them, starting with a letter: `score-percentage`");
            id = null;
        }
        var title = m.String("title", required: false);
        var definition = ReadCondition(m, "value", required: true);
        var bands = m.HasKey("bands") ? ReadBands(m.Sequence("bands", required: true)) : [];
        Direction? direction = m.Has("direction") ? ReadDirection(m) : null;
        m.Finish();
        // Wrong bands are reported and fail the load; the value keeps its name, so what reads it is still checked.
        return id is null || definition is null || (m.Has("direction") && direction is null)
            ? null
            : new NamedValue(id, title ?? id, definition, direction, m.Fields) { Bands = bands ?? [] };
    }

    /// <summary>`bands`: each `{from, value}`, in strictly increasing `from`; null when any is wrong (reported).</summary>
    private IReadOnlyList<ValueBand>? ReadBands(YSequence? sequence)
    {
        if (sequence is null) return null;
        var bands = new List<ValueBand>();
        var ok = true;
        foreach (var node in sequence.Items)
        {
            var m = MappingReader.Open(node, "band", _bag, "from", "value");
            if (m is null)
            {
                ok = false;
                continue;
            }
            var (from, value) = (m.Decimal("from", required: true), m.Decimal("value", required: true));
            m.Finish();
            if (from is null || value is null)
            {
                ok = false;
                continue;
            }
            if (bands.Count > 0 && from <= bands[^1].From)
            {
                _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("from"),
                    $"band `from: {from.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}` does not come after the band before it (`from: {bands[^1].From.ToString(System.Globalization.CultureInfo.InvariantCulture)}`)",
                    "write the bands in increasing `from`, each band running up to the next");
                ok = false;
                continue;
            }
            bands.Add(new ValueBand(from.Value, value.Value, m.Fields));
        }
        return ok ? bands : null;
    }

    // What the condition lexer reads as one name: `score-percentage`, never `a.b` (a field) or `a--b`.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*\z")]
    private static partial Regex ValueName();
}
