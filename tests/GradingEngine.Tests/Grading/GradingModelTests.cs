using System.Text.Json;
using GradingEngine.Cli;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Trace;
using Xunit;

namespace GradingEngine.Tests.Grading;

/// <summary>
/// The grading model end to end: questions without evidence are not graded, a framework without a roll-up has no
/// overall grade anywhere, and a limit caps a grade and says so. Two rulebooks: the shipped PEEL 2015 one with the
/// seed cut down to Q1, and the nine-questions fixture (five grades, nine questions, no roll-up, a cap).
/// </summary>
public class GradingModelTests
{
    private static string NineQuestions => Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules");

    private static string NineQuestionsFindings => Path.Combine(NineQuestions, "examples", "findings.yaml");

    private static readonly Lazy<CompiledRulebook> NineQuestionsRulebook = new(() => Succeed(GradingPipeline.LoadRulebook(NineQuestions)));

    private static readonly Lazy<CompiledRulebook> Peel = new(() => Succeed(GradingPipeline.LoadRulebook(Repo.DefaultRules)));

    private static T Succeed<T>(Result<T> result)
        where T : class =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(TestKit.Render(result.Diagnostics));

    /// <summary>The seed's findings for Q1 only, with its report beside them so every quote is still checked.</summary>
    private static string SeedQ1Only(TempFolder temp)
    {
        var lines = File.ReadAllLines(Repo.SeedFindings);
        var kept = new List<string>();
        var keep = true;
        foreach (var line in lines)
        {
            if (line.StartsWith("  - id: ", StringComparison.Ordinal)) keep = line.StartsWith("  - id: Q1-", StringComparison.Ordinal);
            else if (!line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith("  - ", StringComparison.Ordinal)) keep = true;
            if (keep) kept.Add(line);
        }
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
        File.Copy(Repo.SeedProposed, Path.Combine(temp.Path, "proposed.yaml"));
        return temp.Write("findings.yaml", string.Join("\n", kept) + "\n");
    }

    private static GradingResult Grade(CompiledRulebook rulebook, string path) =>
        GradingPipeline.Grade(rulebook, Succeed(GradingPipeline.LoadInspection(path, rulebook)));

    [Fact]
    public void Grade_SeedWithQ1Only_GradesQ1AsTheWholeSeedAndNothingElse()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = SeedQ1Only(temp);

        // Act
        var result = Grade(Peel.Value, path);

        // Assert: Q1 exactly as in the whole seed; the rest not graded, each with the requirement that failed.
        Assert.All(result.Inspection.Findings, f => Assert.Equal("Q1", f.QuestionId));
        var seedQ1 = SeedGrading.Result.Questions[0];
        Assert.Equal((seedQ1.Grade!.Id, seedQ1.Decision!.RuleIndex), (result.Questions[0].Grade!.Id, result.Questions[0].Decision!.RuleIndex));
        foreach (var question in result.Questions.Skip(1))
        {
            Assert.Null(question.Grade);
            var unmet = Assert.Single(question.NotGraded!.Unmet);
            Assert.Equal("count(f => true) >= 1", unmet.Requirement.When.Text);
            Assert.Contains("not inspected", question.NotGraded.Reason, StringComparison.Ordinal);
        }
        Assert.True(result.HasOverall);
        Assert.Null(result.Overall);
        Assert.Equal(["Q2", "Q3", "Q4"], result.OverallNotGraded!.UngradedQuestions);
    }

    [Fact]
    public void Render_SeedWithQ1Only_EveryFormatSaysNotGraded()
    {
        // Arrange
        using var temp = new TempFolder();
        var result = Grade(Peel.Value, SeedQ1Only(temp));

        // Act
        var text = TextRenderer.Render(result);
        var markdown = MarkdownRenderer.Render(result);
        var html = HtmlRenderer.Render(result);
        using var json = JsonDocument.Parse(JsonRenderer.Render(result));

        // Assert
        Assert.Contains("Q2  Not graded", text, StringComparison.Ordinal);
        Assert.Contains("Overall  Not graded", text, StringComparison.Ordinal);
        Assert.Contains("## Q3: Not graded", markdown, StringComparison.Ordinal);
        Assert.Contains("## Overall: Not graded", markdown, StringComparison.Ordinal);
        Assert.Contains("data-question=\"Q4\" data-grade=\"not-graded\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"overall\" data-grade=\"not-graded\"", html, StringComparison.Ordinal);
        var q2 = json.RootElement.GetProperty("questions")[1];
        Assert.Equal(JsonValueKind.Null, q2.GetProperty("grade").ValueKind);
        Assert.Contains("not inspected", q2.GetProperty("notGraded").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("grade").ValueKind);
        Assert.Equal(["Q2", "Q3", "Q4"], overall.GetProperty("notGraded").GetProperty("ungradedQuestions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Cli_SeedWithQ1Only_GradeExitsZeroAndValidateExitsOneNamingTheUngradedQuestions()
    {
        // Arrange
        using var temp = new TempFolder();
        var path = SeedQ1Only(temp);

        // Act
        var grade = CliRun.Run("grade", path, "--rules", Repo.DefaultRules);
        var validate = CliRun.Run("validate", path, "--rules", Repo.DefaultRules, "--proposed", Path.Combine(temp.Path, "proposed.yaml"));

        // Assert: not graded is an outcome (exit 0); a proposed grade for it is a disagreement (exit 1) with the reason.
        Assert.Equal(((int)ExitCode.Success, ""), (grade.Exit, grade.Stderr));
        Assert.Equal((int)ExitCode.Disagree, validate.Exit);
        foreach (var question in new[] { "Q2", "Q3", "Q4" })
        {
            Assert.Matches($"(?m)^{question}: proposed `[a-z-]+`, computed `not-graded`$", validate.Stdout);
        }
        Assert.Contains("Q1        good                    good                    agree", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains("no findings were coded for this question", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NineQuestions_ProvesEveryTableWithoutWarnings()
    {
        // Act
        var result = GradingPipeline.CheckRulebook(NineQuestions);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(9, result.Value!.Analyses.Count);
        Assert.All(result.Value.Analyses, a => Assert.True(a.Exhaustive, a.Subject));
        Assert.All(result.Value.Analyses, a => Assert.Equal(5, a.GradesProduced.Count));
    }

    [Fact]
    public void TestRulebook_NineQuestions_PassesWithFullCoverage()
    {
        // Act
        var report = Succeed(GradingPipeline.TestRulebook(NineQuestions));

        // Assert: its cases expect `not-graded` for Q9, and cover every criterion, row and limit.
        Assert.True(report.AllPassed, string.Join("\n", report.Cases.Where(c => !c.Passed).Select(c => c.Case.Name)));
        Assert.Empty(report.Coverage.Below(100m));
    }

    [Fact]
    public void Grade_NineQuestions_GivesEachGradeAndNamesTheLimitThatCapped()
    {
        // Act
        var result = Grade(NineQuestionsRulebook.Value, NineQuestionsFindings);

        // Assert
        Assert.Equal(["outstanding", "good", "adequate", "requires-improvement", "requires-improvement", "requires-improvement", "inadequate", "adequate", null],
            result.Questions.Select(q => q.Grade?.Id));
        Assert.False(result.HasOverall);
        var q5 = result.Questions[4].Decision!;
        Assert.Equal(("good", "requires-improvement"), (q5.RowGrade.Id, q5.Grade.Id));
        var limit = q5.LimitedBy!;
        Assert.Equal((LimitKind.NoBetterThan, 18), (limit.Limit.Kind, limit.Limit.Span.Line));
        Assert.Equal("a cause of concern caps the question at requires improvement", limit.Limit.Because);
        // Q5's cause of concern is a finding the inspector marked, not a criterion: the kind alone caps it.
        Assert.Equal(0, q5.Values.Single(v => v.Key == "causes-of-concern.count").Value);
        Assert.Equal(1, q5.Values.Single(v => v.Key == "findings.cause-of-concern").Value);
        Assert.Null(result.Questions[5].Decision!.LimitedBy);
    }

    [Fact]
    public void Render_NineQuestions_NoFormatShowsAnOverallGrade()
    {
        // Arrange
        var result = Grade(NineQuestionsRulebook.Value, NineQuestionsFindings);

        // Act
        var text = TextRenderer.Render(result);
        var markdown = MarkdownRenderer.Render(result);
        var html = HtmlRenderer.Render(result);
        using var json = JsonDocument.Parse(JsonRenderer.Render(result));

        // Assert: the framework has no overall judgement, so nothing names one; the cap is in the trace.
        Assert.DoesNotContain("Overall", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Overall", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data-question=\"overall\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Overall", html, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("overall").ValueKind);
        Assert.Contains("Decided by thresholds.yaml:4 (default table, rule 2, good):", text, StringComparison.Ordinal);
        Assert.Contains("Limited by thresholds.yaml:18 (no-better-than requires-improvement): good becomes requires-improvement", text, StringComparison.Ordinal);
        var limitedBy = json.RootElement.GetProperty("questions")[4].GetProperty("limitedBy");
        Assert.Equal(("no-better-than", "requires-improvement", 18, "good"),
            (limitedBy.GetProperty("limit").GetString(), limitedBy.GetProperty("grade").GetString(), limitedBy.GetProperty("line").GetInt32(), limitedBy.GetProperty("rowGrade").GetString()));
    }

    [Fact]
    public void Cli_NineQuestions_ValidateAndBatchWorkWithoutAnOverall()
    {
        // Arrange: the example's proposed grades give Q9 `adequate`, which the engine cannot grade.
        using var temp = new TempFolder();
        var copy = temp.Write("inspections/findings.yaml", File.ReadAllText(NineQuestionsFindings));

        // Act
        var validate = CliRun.Run("validate", NineQuestionsFindings, "--rules", NineQuestions);
        var batch = CliRun.Run("batch", Path.GetDirectoryName(copy)!, "--rules", NineQuestions);
        var batchJson = CliRun.Run("batch", Path.GetDirectoryName(copy)!, "--rules", NineQuestions, "--format", "json");

        // Assert
        Assert.Equal((int)ExitCode.Disagree, validate.Exit);
        Assert.Contains("Q9: proposed `adequate`, computed `not-graded`", validate.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("overall", validate.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((int)ExitCode.Disagree, batch.Exit);
        Assert.Contains("Q9   0 of 1    0.0%  1 not graded", batch.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("overall", batch.Stdout, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(batchJson.Stdout);
        var q9 = json.RootElement.GetProperty("agreement").GetProperty("subjects").EnumerateArray().Single(a => a.GetProperty("subject").GetString() == "Q9");
        Assert.Equal(1, q9.GetProperty("notGraded").GetInt32());
    }

    [Fact]
    public void DiffRulebooks_QuestionNoLongerRequiringEvidence_IsAGradeChange()
    {
        // Arrange: the new version grades Q9 without findings (an empty requirement list for it).
        using var temp = new TempFolder();
        var newRules = Path.Combine(temp.Path, "new");
        foreach (var file in Directory.EnumerateFiles(NineQuestions, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(newRules, Path.GetRelativePath(NineQuestions, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var thresholds = Path.Combine(newRules, "thresholds.yaml");
        var text = File.ReadAllText(thresholds);
        File.WriteAllText(thresholds, text.Replace("limits:", "  questions:\n    Q9: []\nlimits:", StringComparison.Ordinal));

        // Act
        var diff = Succeed(GradingPipeline.DiffRulebooks(NineQuestions, newRules, [NineQuestionsFindings]));

        // Assert: Q9 goes from not graded to the grade its table gives an empty profile; nothing else moves.
        var inspection = Assert.Single(diff.Inspections);
        var changed = Assert.Single(inspection.Questions, q => q.Changed);
        Assert.Equal(("Q9", "not-graded", "adequate"), (changed.QuestionId, changed.OldGrade, changed.NewGrade));
        Assert.Null(inspection.Overall.OldGrade);
        Assert.False(inspection.Overall.Changed);
        Assert.Equal(1, diff.GradeChanges);
    }

    [Fact]
    public void Grade_RollupGradingTheRest_GivesTheOverallOnTheGradedQuestionsAndSaysWhichWereLeftOut()
    {
        // Arrange: the mini rulebook requiring evidence, with a roll-up that grades the rest when one question is graded.
        var mini = new MiniRulebook()
            .With("thresholds.yaml", MiniRulebook.ThresholdsRequiringEvidenceYaml)
            .With("rollup.yaml", MiniRulebook.RollupYaml + "\nungraded-questions:\n  policy: grade-the-rest\n  minimum: 1\n");
        var rulebook = TestKit.Compile(mini);
        var q1Only = MiniRulebook.FindingsYaml[..MiniRulebook.FindingsYaml.IndexOf("  - id: F3", StringComparison.Ordinal)];

        // Act
        var result = TestKit.Grade(rulebook, q1Only);

        // Assert
        Assert.Null(result.Questions[1].Grade);
        Assert.Equal("good", result.Overall!.Grade.Id);
        Assert.Equal(["Q2"], result.Overall.UngradedQuestions);
        Assert.Contains("Graded on 1 of 2 questions: `Q2` not graded", TextRenderer.Render(result), StringComparison.Ordinal);
        // The summary on top says it too, beside the overall grade and Q2's own row.
        var text = TextRenderer.Render(result);
        var summary = text[text.IndexOf("Summary\n", StringComparison.Ordinal)..text.IndexOf("\n\n", text.IndexOf("Summary\n", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("  Q2       Not graded", summary, StringComparison.Ordinal);
        Assert.Contains("  Overall  Good", summary, StringComparison.Ordinal);
        Assert.Contains("  Graded on 1 of 2 questions: `Q2` not graded", summary, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonRenderer.Render(result));
        Assert.Equal(["Q2"], json.RootElement.GetProperty("overall").GetProperty("ungradedQuestions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Grade_RollupNeedingMoreGradedQuestions_LeavesTheOverallNotGraded()
    {
        // Arrange
        var mini = new MiniRulebook()
            .With("thresholds.yaml", MiniRulebook.ThresholdsRequiringEvidenceYaml)
            .With("rollup.yaml", MiniRulebook.RollupYaml + "\nungraded-questions:\n  policy: grade-the-rest\n  minimum: 2\n");
        var rulebook = TestKit.Compile(mini);
        var q1Only = MiniRulebook.FindingsYaml[..MiniRulebook.FindingsYaml.IndexOf("  - id: F3", StringComparison.Ordinal)];

        // Act
        var result = TestKit.Grade(rulebook, q1Only);

        // Assert
        Assert.True(result.HasOverall);
        Assert.Null(result.Overall);
        Assert.Equal("1 of 2 questions are graded, fewer than the 2 the roll-up needs", result.OverallNotGraded!.Reason);
        Assert.Equal(["Q2"], result.OverallNotGraded.UngradedQuestions);
    }
}
