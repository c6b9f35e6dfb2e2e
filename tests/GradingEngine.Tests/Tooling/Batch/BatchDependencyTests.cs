using System.Text.Json;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.Batch;

/// <summary>The progress bar belongs to the command line: the engine library reads CSV but never draws.</summary>
public class BatchDependencyTests
{
    private static List<string> Libraries(string project)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, project, "obj", "project.assets.json")));
        return json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void EngineDependencyClosure_HasCsvHelperButNoSpectreConsole()
    {
        // Act
        var libraries = Libraries("src/GradingEngine");

        // Assert
        Assert.Contains(libraries, l => l.StartsWith("CsvHelper/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith("Spectre.Console", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CliDependencyClosure_HasSpectreConsole()
    {
        // Act
        var libraries = Libraries("src/GradingEngine.Cli");

        // Assert
        Assert.Contains(libraries, l => l.StartsWith("Spectre.Console/", StringComparison.Ordinal));
    }
}
