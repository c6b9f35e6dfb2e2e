using System.Reflection;
using NetArchTest.Rules;

namespace GradingEngine.Tests.Build;

/// <summary>
/// The direction of docs/architecture.md, written once as data: layers bottom first, each a set of namespaces
/// (relative to a root) that may depend on its own layer and any layer below, never on one above.
/// </summary>
internal static class Layering
{
    /// <summary>The engine's layers, bottom first.</summary>
    public static IReadOnlyList<string[]> Engine { get; } =
    [
        ["Diagnostics", "Syntax", "Files"],
        ["Model"],
        ["Facts", "Trace"],
        ["Load"],
        ["Check"],
        ["Compile"],
        ["Evaluate"],
        ["Rollup"],
        ["Explain"],
        ["Render"],
        ["Grading"],
        ["Tooling"],
    ];

    /// <summary>Every type of a layer that depends on a layer above it, as `Type -> namespace`.</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, string root, IReadOnlyList<string[]> layers)
    {
        var violations = new List<string>();
        for (var i = 0; i < layers.Count; i++)
        {
            var above = layers.Skip(i + 1).SelectMany(l => l).Select(n => $"{root}.{n}").ToArray();
            if (above.Length == 0) continue;
            foreach (var ns in layers[i])
            {
                foreach (var target in above)
                {
                    var result = Types.InAssembly(assembly).That().ResideInNamespace($"{root}.{ns}")
                        .Should().NotHaveDependencyOnAny(target).GetResult();
                    if (!result.IsSuccessful)
                    {
                        violations.AddRange(result.FailingTypes.Select(t => $"{t.FullName} -> {target}"));
                    }
                }
            }
        }
        return violations;
    }

    /// <summary>Types in <paramref name="ns"/> and below that depend on any of <paramref name="targets"/>.</summary>
    public static IReadOnlyList<string> Dependents(Assembly assembly, string ns, params string[] targets)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(ns).Should().NotHaveDependencyOnAny(targets).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypes.Select(t => t.FullName)];
    }
}
