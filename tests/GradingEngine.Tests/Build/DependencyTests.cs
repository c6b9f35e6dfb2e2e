using System.Text.Json;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Build;

/// <summary>The engine stays Roslyn-free: checked on the restored dependency graph, not on a hope.</summary>
public class DependencyTests
{
    [Theory]
    [InlineData("src/GradingEngine")]
    [InlineData("src/GradingEngine.Cli")]
    public void DependencyClosure_ContainsNoRoslyn(string project)
    {
        var assets = Path.Combine(Repo.Root, project, "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));

        var libraries = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains(libraries, l => l.StartsWith("NRules.Runtime/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void LoadedAssemblies_AfterGrading_IncludeNoRoslyn()
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "");

        Assert.DoesNotContain(loaded, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }
}
