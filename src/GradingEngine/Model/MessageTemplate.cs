using System.Globalization;
using System.Text.RegularExpressions;

namespace GradingEngine.Model;

/// <summary>
/// A criterion's message split once into literal text and placeholders, so filling it for each met
/// criterion of each inspection is a concatenation rather than a regular-expression replace.
/// </summary>
public sealed partial class MessageTemplate
{
    /// <summary>The placeholders a message may use.</summary>
    public static IReadOnlyList<string> Known { get; } = ["judgement", "value", "indicator", "quote", "source", "count"];

    // Even indexes are literal text, odd indexes placeholder names: "a {x} b" is ["a ", "x", " b"].
    private readonly string[] _parts;

    private MessageTemplate(string[] parts) => _parts = parts;

    /// <summary>The placeholder names the message uses, in order, known or not.</summary>
    public IEnumerable<string> Placeholders => _parts.Where((_, i) => i % 2 == 1);

    public static MessageTemplate Parse(string template)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            parts.Add(template[at..match.Index]);
            parts.Add(match.Groups[1].Value);
            at = match.Index + match.Length;
        }
        parts.Add(template[at..]);
        return new MessageTemplate([.. parts]);
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>Fills `{judgement}`, `{value}`, ... from the representative finding; `{count}` counts the evidence.</summary>
    public string Format(IReadOnlyList<Finding> evidence, Finding? representative)
    {
        if (_parts.Length == 1) return _parts[0];
        // One string of the final length: a StringBuilder grew (and copied) for every long quote.
        var pieces = new string[_parts.Length];
        pieces[0] = _parts[0];
        for (var i = 1; i < _parts.Length; i += 2)
        {
            var name = _parts[i];
            pieces[i] = name switch
            {
                "count" => evidence.Count.ToString(CultureInfo.InvariantCulture),
                _ when representative is null => "(none)",
                "judgement" or "value" => representative.ValueText,
                "indicator" => representative.IndicatorId,
                "quote" => representative.Quote,
                "source" => representative.Source,
                // The checker rejects unknown placeholders; keep the text as written if one gets here.
                _ => "{" + name + "}",
            };
            pieces[i + 1] = _parts[i + 1];
        }
        return string.Concat(pieces);
    }
}
