using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Render;

namespace GradingEngine.Tests.Schema;

/// <summary>
/// YAML to <see cref="JsonNode"/>, read with the engine's own <see cref="YamlReader"/> so that the
/// schemas see the same tree the loaders do. Plain scalars are typed as YAML 1.1 would type them
/// (and as the engine reads them): integers and decimals become numbers, true/false/yes/no booleans,
/// null/~/empty null. Quoted and block scalars stay strings.
/// </summary>
public static partial class YamlJson
{
    public static JsonNode? ReadFile(string path) => Parse(File.ReadAllText(path), path);

    public static JsonNode? Parse(string text, string path = "<text>")
    {
        var bag = new DiagnosticBag();
        var node = YamlReader.Parse(path, text, LoadLimits.Default, bag);
        if (bag.HasErrors || node is null)
        {
            throw new InvalidDataException($"{path} is not valid YAML:\n" + string.Join("\n", bag.ToSortedList().Select(DiagnosticFormatter.Format)));
        }
        return ToJson(node);
    }

    internal static JsonNode? ToJson(YNode node) => node switch
    {
        YMapping mapping => ToObject(mapping),
        YSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        YScalar scalar => ToValue(scalar),
        _ => throw new ArgumentException($"unexpected YAML node {node.GetType().Name}", nameof(node)),
    };

    private static JsonObject ToObject(YMapping mapping)
    {
        var json = new JsonObject();
        foreach (var entry in mapping.Entries)
        {
            json[entry.Key.Value] = ToJson(entry.Value);
        }
        return json;
    }

    private static JsonNode? ToValue(YScalar scalar)
    {
        if (!scalar.IsPlain) return JsonValue.Create(scalar.Value);
        if (scalar.IsNull) return null;
        if (MappingReader.ParseBool(scalar) is { } flag) return JsonValue.Create(flag);
        var text = scalar.Value;
        if (Integer().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)) return JsonValue.Create(big);
        }
        if (Decimal().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
