using GradingEngine.Compile;
using GradingEngine.Model;
using Xunit;

namespace GradingEngine.Tests.Build;

/// <summary>
/// The layering of docs/architecture.md, kept true: the bottom layer (diagnostics, syntax, model, facts, trace)
/// depends on nothing above it, a stage never references a later stage, tooling calls the core and never the facade,
/// and only Compile and Evaluate know NRules.
/// </summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Engine = typeof(Rulebook).Assembly;

    [Fact]
    public void Engine_NoLayerReferencesALayerAboveIt()
    {
        // Act
        var violations = Layering.Violations(Engine, "GradingEngine", Layering.Engine);

        // Assert
        Assert.True(violations.Count == 0, "layering violated:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Violations_ALowerStageReferencingAHigherOne_AreReported()
    {
        // Arrange: a miniature with Check referencing Compile (Build/ArchFixture).
        var layers = new[] { new[] { "Check" }, new[] { "Compile" } };

        // Act
        var violations = Layering.Violations(typeof(ArchitectureTests).Assembly, "GradingEngine.Tests.Build.ArchFixture", layers);

        // Assert
        Assert.Equal(["GradingEngine.Tests.Build.ArchFixture.Check.Checker -> GradingEngine.Tests.Build.ArchFixture.Compile"], violations);
    }

    [Fact]
    public void Engine_OnlyCompileAndEvaluateReferenceNRules()
    {
        // Act: every namespace of the engine but those two.
        var others = Layering.Engine.SelectMany(l => l).Except(["Compile", "Evaluate"])
            .SelectMany(ns => Layering.Dependents(Engine, $"GradingEngine.{ns}", "NRules"))
            .Concat(Layering.Dependents(Engine, "GradingEngine", "NRules").Where(t => t.Count(c => c == '.') == 1))
            .ToList();

        // Assert
        Assert.True(others.Count == 0, "outside Compile and Evaluate, these reference NRules:\n" + string.Join("\n", others));
        Assert.NotEmpty(Layering.Dependents(Engine, "GradingEngine.Compile", "NRules"));
    }

    [Fact]
    public void Engine_NothingReferencesRoslyn()
    {
        // Act
        var roslyn = Layering.Dependents(Engine, "GradingEngine", "Microsoft.CodeAnalysis");

        // Assert
        Assert.Empty(roslyn);
    }

    [Fact]
    public void Engine_NothingUsesThePlatformCryptography()
    {
        // The platform's SHA-256 loads OpenSSL on Linux: 12 ms of a native AOT `grade`'s start-up (Files/Sha256.cs).
        var users = Layering.Dependents(Engine, "GradingEngine", "System.Security.Cryptography")
            .Concat(Layering.Dependents(typeof(GradingEngine.Cli.GradingCli).Assembly, "GradingEngine.Cli", "System.Security.Cryptography"))
            .ToList();

        Assert.True(users.Count == 0, "these use System.Security.Cryptography:\n" + string.Join("\n", users));
    }

    [Fact]
    public void Cli_RunsWithoutCultureData()
    {
        // Loading ICU cost the native AOT `grade` 3.5 ms of its start-up; the engine's output is culture-independent.
        var config = Path.Combine(AppContext.BaseDirectory, "grading.runtimeconfig.json");

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));

        Assert.True(json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    [Fact]
    public void Tooling_NeverCallsTheFacade()
    {
        // Act
        var callers = Layering.Dependents(Engine, "GradingEngine.Tooling", typeof(GradingPipeline).FullName!)
            .Concat(Layering.Dependents(Engine, "GradingEngine.Grading", typeof(GradingPipeline).FullName!))
            .ToList();

        // Assert
        Assert.Empty(callers);
    }

    [Fact]
    public void Engine_EveryTypeLivesInALayer()
    {
        // Arrange: the facade is the one type of the root namespace.
        var layered = Layering.Engine.SelectMany(l => l).Select(ns => $"GradingEngine.{ns}").ToList();

        // Act
        var outside = Engine.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("GradingEngine", StringComparison.Ordinal) && !t.IsNested)
            .Where(t => !layered.Any(l => t.Namespace == l || t.Namespace!.StartsWith(l + ".", StringComparison.Ordinal)))
            .Where(t => t != typeof(GradingPipeline) && !t.Name.StartsWith('<'))
            .Select(t => t.FullName)
            .ToList();

        // Assert
        Assert.Empty(outside);
        Assert.Equal("GradingEngine.Compile", typeof(CompiledRulebook).Namespace);
    }
}
