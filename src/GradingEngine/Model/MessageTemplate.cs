using System.Globalization;

namespace GradingEngine.Model;

/// <summary>
/// A criterion's message split once into literal text and placeholders, so filling it for each met
/// criterion of each inspection is a concatenation rather than a regular-expression replace.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>The placeholders a message may use.</summary>
    public static IReadOnlyList<string> Known { get; } = ["judgement", "value", "indicator", "quote", "source", "count"];

    // Even indexes are literal text, odd indexes placeholder names: "a {x} b" is ["a ", "x", " b"].
    private readonly string[] _parts;

    private MessageTemplate(string[] parts) => _parts = parts;

    /// <summary>The placeholder names the message uses, in order, known or not.</summary>
    public IEnumerable<string> Placeholders => _parts.Where((_, i) => i % 2 == 1);

    /// <summary>
    /// Splits at each `{name}`: a brace, then no brace, then a closing brace (`{a{b}` is literal text up to `{b}`). Scanned
    /// by hand rather than with a regular expression: every criterion's message is parsed when a rulebook is checked.
    /// </summary>
    public static MessageTemplate Parse(string template)
    {
        var parts = new List<string>();
        var (at, open) = (0, 0);
        while ((open = template.IndexOf('{', open)) >= 0)
        {
            var close = template.AsSpan(open + 1).IndexOfAny('{', '}');
            if (close < 0) break;
            close += open + 1;
            if (template[close] == '{')
            {
                open = close;
                continue;
            }
            parts.Add(template[at..open]);
            parts.Add(template[(open + 1)..close]);
            at = open = close + 1;
        }
        parts.Add(template[at..]);
        return new MessageTemplate([.. parts]);
    }

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
