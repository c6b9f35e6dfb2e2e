using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>
/// The named values of one question, bound on first use: a value may read others in any order of declaration, and one
/// that comes back to itself is an error. Each definition is bound once, so its errors are reported once.
/// </summary>
internal sealed class ValueScope
{
    private readonly Question _question;
    private readonly Codebook _codebook;
    private readonly QuestionValues _all;
    private readonly Dictionary<string, NamedValue> _definitions;
    private readonly Dictionary<string, BoundNamedValue?> _bound = new(StringComparer.Ordinal);
    private readonly List<string> _binding = [];
    private readonly DiagnosticBag _bag;

    public ValueScope(Question question, Codebook codebook, QuestionValues values, DiagnosticBag bag)
    {
        _question = question;
        _codebook = codebook;
        _all = values;
        _definitions = values.For(question.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        _bag = bag;
    }

    /// <summary>The question's values, in the rulebook's order of value ids.</summary>
    public IEnumerable<NamedValue> Definitions => _all.Ids.Where(_definitions.ContainsKey).Select(id => _definitions[id]);

    public bool Has(string id) => _definitions.ContainsKey(id);

    /// <summary>The value bound for this question; null when its definition has errors (reported where it is written) or reads itself.</summary>
    public BoundNamedValue? Bind(string id)
    {
        if (_bound.TryGetValue(id, out var done)) return done;
        var value = _definitions[id];
        if (_binding.Contains(id))
        {
            var cycle = string.Join(" -> ", _binding.SkipWhile(v => v != id).Append(id).Select(v => $"`{v}`"));
            _bag.Error(DiagnosticCodes.ValueCycle, value.Definition.Span, $"value `{id}` is defined in terms of itself: {cycle}",
                "define one of these values without the others");
            return null;
        }
        _binding.Add(id);
        var context = new ConditionContext.Findings(_question, _codebook) { Values = this };
        var definition = ConditionBinder.BindNumber(value.Definition, context, _bag);
        if (definition is not null && value.Bands.Count > 0)
        {
            definition = new BoundBands(definition, [.. value.Bands.Select(b => b.From)], [.. value.Bands.Select(b => b.Value)]);
        }
        _binding.RemoveAt(_binding.Count - 1);
        // A cycle is reported once, where it closes; the values on the way have nothing more to say.
        if (_bound.ContainsKey(id)) return _bound[id];
        return _bound[id] = definition is null ? null : new BoundNamedValue(_all.IndexOf(id), id, definition);
    }
}
