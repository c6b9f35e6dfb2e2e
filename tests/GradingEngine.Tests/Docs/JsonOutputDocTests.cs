using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>docs/json-output.md lists exactly the key paths the JSON output has.</summary>
public class JsonOutputDocTests
{
    [Fact]
    public void DocumentedKeyPaths_EqualTheSeedOutputsKeyPaths()
    {
        var documented = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "json-output.md")).Single(b => b.Label == "json paths")
            .Content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
        using var json = JsonDocument.Parse(JsonRenderer.Render(result));

        var actual = new HashSet<string>();
        Collect(json.RootElement, "", actual);

        Assert.Equal(documented.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static void Collect(JsonElement element, string path, HashSet<string> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.EndsWith("values", StringComparison.Ordinal) ? path + ".*" : path.Length == 0 ? property.Name : path + "." + property.Name;
                into.Add(child);
                Collect(property.Value, child, into);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, path + "[]", into);
        }
    }
}
