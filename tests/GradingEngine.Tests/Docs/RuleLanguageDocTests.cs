using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>docs/rule-language.md is executable: its example rulebook loads, grades as stated, and its conditions and mistakes behave as shown.</summary>
public class RuleLanguageDocTests
{
    private static readonly IReadOnlyList<MarkdownBlocks.Block> Blocks = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "rule-language.md"));

    private static string WriteExample(TempFolder temp, string? extraCriteria = null)
    {
        foreach (var block in Blocks.Where(b => b.Label.StartsWith("example:", StringComparison.Ordinal)))
        {
            temp.Write(Path.Combine("rules", block.Label["example:".Length..].Trim()), block.Content);
        }
        if (extraCriteria is not null)
        {
            temp.Write("rules/criteria/zz-doc.yaml", extraCriteria);
        }
        return Path.Combine(temp.Path, "rules");
    }

    private static IEnumerable<string> Lines(string label) =>
        Blocks.Single(b => b.Label == label).Content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Criterion(string condition, int index) => $"""
          - id: Q1.doc-{index}
            question: Q1
            area: prevention
            title: Documentation example {index}
            rationale: docs/rule-language.md
            when: '{condition.Replace("'", "''")}'
            effect: strength
            message: example
        """;

    [Fact]
    public void ExampleRulebook_Loads_WithoutErrors()
    {
        using var temp = new TempFolder();
        var result = GradingPipeline.LoadRulebook(WriteExample(temp));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.Equal(6, Blocks.Count(b => b.Label.StartsWith("example:", StringComparison.Ordinal) && !b.Label.EndsWith("findings.yaml", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExampleFindings_Grade_AsTheDocSays()
    {
        using var temp = new TempFolder();
        var rulebook = GradingPipeline.LoadRulebook(WriteExample(temp)).Value!;
        var inspection = GradingPipeline.LoadInspection(Path.Combine(temp.Path, "rules", "findings.yaml"), rulebook);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics.Select(DiagnosticFormatter.Format)));

        var result = GradingPipeline.Grade(rulebook, inspection.Value!);

        var actual = result.Questions.Select(q => $"{q.Question.Id} {q.Grade!.Id}").Append($"overall {result.Overall!.Grade.Id}");
        Assert.Equal(Lines("expected grades"), actual);
    }

    public static TheoryData<string> MoreExamples() =>
        [.. Blocks.Where(b => b.Label.StartsWith("example-findings:", StringComparison.Ordinal)).Select(b => b.Label["example-findings:".Length..].Trim())];

    [Theory]
    [MemberData(nameof(MoreExamples))]
    public void MoreExampleFindings_Grade_AsTheDocSays(string file)
    {
        using var temp = new TempFolder();
        var rulebook = GradingPipeline.LoadRulebook(WriteExample(temp)).Value!;
        var path = temp.Write(Path.Combine("rules", file), Blocks.Single(b => b.Label == $"example-findings: {file}").Content);
        var inspection = GradingPipeline.LoadInspection(path, rulebook);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics.Select(DiagnosticFormatter.Format)));

        var result = GradingPipeline.Grade(rulebook, inspection.Value!);

        var actual = result.Questions.Select(q => $"{q.Question.Id} {q.Grade?.Id ?? "not-graded"}")
            .Append($"overall {result.Overall?.Grade.Id ?? "not-graded"}");
        Assert.Equal(Lines($"expected: {file}"), actual);
    }

    [Fact]
    public void DocumentedConditions_AllBind_ForQ1()
    {
        var conditions = Lines("conditions: Q1").ToList();
        using var temp = new TempFolder();
        var criteria = "criteria:\n" + string.Join("\n", conditions.Select((c, i) => Criterion(c, i)));

        var result = GradingPipeline.CheckRulebook(WriteExample(temp, criteria));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.True(conditions.Count >= 7);
    }

    public static TheoryData<string, string> Mistakes()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Lines("mistakes: Q1"))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void DocumentedMistake_IsRejected_WithItsCode(string code, string condition)
    {
        using var temp = new TempFolder();

        var result = GradingPipeline.CheckRulebook(WriteExample(temp, "criteria:\n" + Criterion(condition, 0)));

        Assert.False(result.Succeeded);
        var errors = result.Errors.ToList();
        Assert.Contains(errors, d => d.Code == code && d.Span.Path.EndsWith("zz-doc.yaml", StringComparison.Ordinal));
    }
}
