using System.Text.Json;
using GradingEngine.Diagnostics;
using GradingEngine.Render;
using Xunit;

namespace GradingEngine.Tests.Render;

/// <summary>SARIF 2.1.0 with what GitHub code scanning requires: version, tool driver with rules, results with a message and a physical location.</summary>
public class SarifWriterTests
{
    private static readonly Diagnostic[] Diagnostics =
    [
        Diagnostic.Warning(DiagnosticCodes.UnusedIndicator, new SourceSpan("rules/x/codebook.yaml", 9, 5), "no criterion reads indicator `a`"),
        Diagnostic.Error(DiagnosticCodes.UnknownKey, new SourceSpan("rules/x/criteria/q1.yaml", 3, 7), "unknown key `wieght` in criterion", "did you mean `weight`?"),
    ];

    [Fact]
    public void Write_Diagnostics_ValidSarifShapeForCodeScanning()
    {
        using var json = JsonDocument.Parse(SarifWriter.Write(Diagnostics, Directory.GetCurrentDirectory()));
        var root = json.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("GradingEngine", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(DiagnosticCodes.All.Select(c => c.Code), rules);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var error = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "GE200");
        Assert.Equal("GE200", error.GetProperty("ruleId").GetString());
        Assert.Equal(rules.IndexOf("GE200"), error.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", error.GetProperty("level").GetString());
        Assert.Contains("did you mean `weight`?", error.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(error.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("rules/x/criteria/q1.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(7, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("warning", Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "GE207").GetProperty("level").GetString());
    }

    [Fact]
    public void Write_NoDiagnostics_EmptyResultsArray()
    {
        using var json = JsonDocument.Parse(SarifWriter.Write([]));

        Assert.Empty(json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }
}
