using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Docs;

/// <summary>
/// The score-based rulebook of docs/rule-language.md ("Scores, named values and templates") is executable: it checks
/// without a warning, grades its findings as the page says, shows the values it states, and rejects each mistake shown.
/// </summary>
public class ScoredRulebookDocTests
{
    private const string Prefix = "scored-example:";

    private static readonly IReadOnlyList<MarkdownBlocks.Block> Blocks = MarkdownBlocks.Read(Path.Combine(Repo.Docs, "rule-language.md"));

    private static string WriteExample(TempFolder temp, string? extraCriteria = null)
    {
        foreach (var block in Blocks.Where(b => b.Label.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            temp.Write(Path.Combine("rules", block.Label[Prefix.Length..].Trim()), block.Content);
        }
        if (extraCriteria is not null) temp.Write("rules/criteria/zz-doc.yaml", extraCriteria);
        return Path.Combine(temp.Path, "rules");
    }

    private static IEnumerable<string> Lines(string label) =>
        Blocks.Single(b => b.Label == label).Content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Trace.GradingResult GradeExample(TempFolder temp)
    {
        var rules = WriteExample(temp);
        var rulebook = GradingPipeline.LoadRulebook(rules);
        Assert.True(rulebook.Succeeded, string.Join("\n", rulebook.Diagnostics.Select(DiagnosticFormatter.Format)));
        var inspection = GradingPipeline.LoadInspection(Path.Combine(rules, "findings.yaml"), rulebook.Value!);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics.Select(DiagnosticFormatter.Format)));
        return GradingPipeline.Grade(rulebook.Value!, inspection.Value!);
    }

    [Fact]
    public void ScoredExample_Checks_WithoutErrorsOrWarnings()
    {
        using var temp = new TempFolder();

        var result = GradingPipeline.CheckRulebook(WriteExample(temp));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Value!.Analyses, a => Assert.True(a.Exhaustive, a.Subject));
        Assert.Equal(6, Blocks.Count(b => b.Label.StartsWith(Prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void ScoredExample_Grades_AndComputesValues_AsTheDocSays()
    {
        using var temp = new TempFolder();

        var result = GradeExample(temp);

        Assert.Equal(Lines("expected scored grades"), result.Questions.Select(q => $"{q.Question.Id} {q.Grade?.Id ?? "not-graded"}"));
        Assert.Equal(Lines("expected scored values"), result.Questions.SelectMany(q => q.Values.Select(v => $"{q.Question.Id} {v.Definition.Id} {v.Text}")));
        var trace = TextRenderer.Render(result);
        Assert.All(Lines("expected scored trace: safe"), line => Assert.Contains(line, trace));
    }

    public static TheoryData<string, string> Mistakes()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Lines("scored-mistakes: safe"))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void ScoredMistake_IsRejected_WithItsCode(string code, string condition)
    {
        using var temp = new TempFolder();
        var criterion = $"""
            criteria:
              - id: safe.doc
                question: safe
                area: evidence
                title: Documentation example
                rationale: docs/rule-language.md
                when: '{condition.Replace("'", "''")}'
                effect: strength
                message: example
            """;

        var result = GradingPipeline.CheckRulebook(WriteExample(temp, criterion));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Code == code && d.Span.Path.EndsWith("zz-doc.yaml", StringComparison.Ordinal));
    }
}
