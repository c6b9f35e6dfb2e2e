using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>The JSON report: what the overall decision saw, the findings counts included when the roll-up reads them.</summary>
public class JsonRendererTests
{
    [Fact]
    public void Render_OverallCappedByABreach_ValuesHoldTheCountsAndTheLimitIsNamed()
    {
        using var json = JsonDocument.Parse(JsonRenderer.Render(BreachRollup.Result));

        var overall = json.RootElement.GetProperty("overall");
        var values = overall.GetProperty("decidedBy").GetProperty("values");
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate", "findings.count", "findings.breach-of-regulation", "findings.notable-practice"],
            values.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, values.GetProperty("findings.breach-of-regulation").GetInt32());
        Assert.Equal("requires-improvement", overall.GetProperty("grade").GetString());
        Assert.Equal("findings.breach-of-regulation >= 1", overall.GetProperty("limitedBy").GetProperty("condition").GetString());
    }
}
