using System.Text.Json;
using GradingEngine.Render;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>docs/json-output.md lists exactly the key paths the JSON output has.</summary>
public class JsonOutputDocTests
{
    [Fact]
    public void DocumentedKeyPaths_EqualTheKeyPathsOfEveryShapeOfResult()
    {
        // Arrange: the seed (every question graded), the seed with Q1's findings only (questions and the overall not
        // graded), the nine-question fixture (no overall, a cap that moved a grade), and a roll-up grading the rest, capped.
        var documented = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "json-output.md")).Single(b => b.Label == "json paths")
            .Content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var seed = GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!;
        var nineRules = Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules");
        var nine = GradingPipeline.LoadRulebook(nineRules).Value!;
        var nineFindings = GradingPipeline.LoadInspection(Path.Combine(nineRules, "examples", "findings.yaml"), nine).Value!;
        var restRulebook = TestKit.Compile(new MiniRulebook()
            .With("thresholds.yaml", MiniRulebook.ThresholdsRequiringEvidenceYaml)
            .With("rollup.yaml", MiniRulebook.RollupYaml + "\nlimits:\n  - no-better-than: requires-improvement\n    when: count(q => q.grade no worse than good) <= 1\n    because: one good question is not enough\n" + "\nungraded-questions:\n  policy: grade-the-rest\n  minimum: 1\n"));
        var q1Only = MiniRulebook.FindingsYaml[..MiniRulebook.FindingsYaml.IndexOf("  - id: F3", StringComparison.Ordinal)];
        var results = new[]
        {
            GradingPipeline.Grade(rulebook, seed),
            GradingPipeline.Grade(rulebook, seed with { Findings = seed.Findings.Where(f => f.QuestionId == "Q1").ToList() }),
            GradingPipeline.Grade(nine, nineFindings),
            TestKit.Grade(restRulebook, q1Only),
        };

        // Act
        var actual = new HashSet<string>();
        foreach (var result in results)
        {
            using var json = JsonDocument.Parse(JsonRenderer.Render(result));
            Collect(json.RootElement, "", actual);
        }

        // Assert
        Assert.True(documented.SetEquals(actual),
            "undocumented: " + string.Join(" ", actual.Except(documented).Order(StringComparer.Ordinal))
            + "\nnot in the output: " + string.Join(" ", documented.Except(actual).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void DocumentedAgreeKeyPaths_EqualASampleRunsKeyPaths()
    {
        // Arrange: a sample of one pair that differs, so every part of the output is present.
        var documented = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "json-output.md")).Single(b => b.Label == "agree json paths")
            .Content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        using var temp = new TempFolder();
        var example = Path.Combine(Repo.Root, "seeds", "agreement-example");
        var pair = Directory.CreateDirectory(Path.Combine(temp.Path, "sample", "eastmoor")).FullName;
        File.Copy(Path.Combine(example, "report.txt"), Path.Combine(pair, "report.txt"));
        File.Copy(Path.Combine(example, "coder-a.yaml"), Path.Combine(pair, "a.yaml"));
        File.Copy(Path.Combine(example, "coder-b.yaml"), Path.Combine(pair, "b.yaml"));
        var report = GradingPipeline.AgreePairs(Repo.DefaultRules, Path.Combine(temp.Path, "sample"));
        using var json = JsonDocument.Parse(GradingEngine.Tooling.Agreement.AgreementRenderer.RenderJson(report.Value!));

        // Act
        var actual = new HashSet<string>();
        CollectAbove(json.RootElement, "", actual);

        // Assert
        Assert.Equal(documented.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>Key paths down to findings: a finding's own keys are those of the trace, documented once.</summary>
    private static void CollectAbove(JsonElement element, string path, HashSet<string> into)
    {
        if (element.ValueKind == JsonValueKind.Object && !element.TryGetProperty("quote", out _))
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                into.Add(child);
                CollectAbove(property.Value, child, into);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) CollectAbove(item, path + "[]", into);
        }
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
