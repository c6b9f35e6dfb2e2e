using System.Text.Json;
using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>`grading rules diff` in process: exit 0 without grade changes, 1 with, 2 on invalid input.</summary>
public class RulesDiffCliTests
{
    private sealed record CliRun(int Exit, string Stdout, string Stderr);

    private static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    private static string Describe(CliRun run) => $"exit {run.Exit}\n--- stdout\n{run.Stdout}\n--- stderr\n{run.Stderr}";

    [Fact]
    public void Run_IdenticalRulebooks_ExitsZeroWithNoChanges()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);

        // Assert
        Assert.True(run.Exit == (int)ExitCode.Success, Describe(run));
        Assert.Contains("""

            Summary: 0 structural changes, 0 grades changed
              criteria               0 changed
              threshold rows         0 changed
              evidence requirements  0 changed
              limits                 0 changed
              roll-up rows           0 changed
              grades                 0 changed in 0 of 1 inspection

            Structural changes: none

            """.ReplaceLineEndings("\n"), run.Stdout, StringComparison.Ordinal);
        Assert.Contains("West Mercia Police - inspection west-mercia-2015-effectiveness (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("findings.yaml): no grade changed\n\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(unchanged)", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 grades changed in 0 inspections\n", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Run_ThresholdRowEdited_ExitsOneWithChangeAndCauses()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow();
        var good = old.LineOf("thresholds.yaml", "- grade: good");
        var requiresImprovement = old.LineOf("thresholds.yaml", "- grade: requires-improvement");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);

        // Assert
        Assert.True(run.Exit == (int)ExitCode.Disagree, Describe(run));
        Assert.Contains($"  threshold rows         1 changed (0 added, 0 removed, 1 edited)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  grades                 1 changed in 1 of 1 inspection\n    Q1  good → requires-improvement in 1 inspection\n\n", run.Stdout, StringComparison.Ordinal);
        Assert.True(run.Stdout.IndexOf("Summary:", StringComparison.Ordinal) < run.Stdout.IndexOf("Structural changes:", StringComparison.Ordinal), run.Stdout);
        // Only the changed line, once, with the change marked within it.
        Assert.Contains(
            $"  Threshold rows\n    default rule 2  edited: when  thresholds.yaml:{good}\n" +
            "      ~    when: causes-of-concern.count == 0 and areas-for-improvement.weight <= [-5-]{+3+} and strengths.weight >= 2 *",
            run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("    because:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            $"  Q1  good → requires-improvement\n      was decided by thresholds.yaml:{good} (default rule 2, good) [edited]\n",
            run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      now decided by thresholds.yaml:{requiresImprovement} (default rule 3, requires-improvement)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Q2  good (unchanged)\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 grade changed in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CriteriaEdited_CausesListedUnderEachQuestion()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").AddCriterion().RemoveCriterion().Reweight();
        var removedAt = old.LineOf("criteria/q1.yaml", $"- id: {RulebookEdits.RemovedCriterionId}");
        var reweightedAt = @new.LineOf("criteria/q1.yaml", $"- id: {RulebookEdits.ReweightedCriterionId}");
        var addedAt = @new.LineOf("criteria/q2.yaml", $"- id: {RulebookEdits.AddedCriterionId}");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);

        // Assert: Q1 (improvement weight now 6, over the 5 good allows) and Q2 (a cause of concern) drop
        Assert.True(run.Exit == (int)ExitCode.Disagree, Describe(run));
        Assert.Contains($"      criterion {RulebookEdits.RemovedCriterionId} removed: met → absent, strength weight 3, criteria/q1.yaml:{removedAt}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      criterion {RulebookEdits.ReweightedCriterionId} edited (weight): still met, area-for-improvement weight 3 → 5, criteria/q1.yaml:{reweightedAt}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      criterion {RulebookEdits.AddedCriterionId} added: absent → met, cause-of-concern weight 3, criteria/q2.yaml:{addedAt}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  criteria               3 changed (1 added, 1 removed, 1 edited)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  grades                 2 changed in 1 of 1 inspection\n    Q1  good → requires-improvement in 1 inspection\n    Q2  good → requires-improvement in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
        // An added criterion is shown whole.
        Assert.Contains($"    {RulebookEdits.AddedCriterionId}  added  criteria/q2.yaml:{addedAt}\n      +  - id: {RulebookEdits.AddedCriterionId}\n      +    question: Q2\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("2 grades changed in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Summary_OnlySummaryAndRegradingInTextAndJson()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow().LoosenRollupGoodRow();

        // Act
        var full = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);
        var summary = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--summary");
        var json = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--summary", "--format", "json");

        // Assert: the full report less its structural section, byte for byte
        Assert.True(summary.Exit == (int)ExitCode.Disagree, Describe(summary));
        var structural = full.Stdout.IndexOf("Structural changes: 2\n", StringComparison.Ordinal);
        var regrading = full.Stdout.IndexOf("Regrading: 1 inspection\n", StringComparison.Ordinal);
        Assert.True(structural > 0 && regrading > structural, full.Stdout);
        Assert.Equal(full.Stdout[..structural] + full.Stdout[regrading..], summary.Stdout);
        Assert.Contains("  roll-up rows           1 changed (0 added, 0 removed, 1 edited)\n", summary.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[-", summary.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Q1  good → requires-improvement\n", summary.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(["old", "new", "summary", "inspections"], Keys(document.RootElement));
        var counts = document.RootElement.GetProperty("summary").GetProperty("changes");
        Assert.Equal(1, counts.GetProperty("threshold-row").GetProperty("edited").GetInt32());
        Assert.Equal(1, counts.GetProperty("rollup-row").GetProperty("changed").GetInt32());
        Assert.Equal(0, counts.GetProperty("criterion").GetProperty("changed").GetInt32());
        var q1 = Assert.Single(document.RootElement.GetProperty("summary").GetProperty("questionsChanged").EnumerateArray());
        Assert.Equal("Q1", q1.GetProperty("question").GetString());
        var transition = Assert.Single(q1.GetProperty("transitions").EnumerateArray());
        Assert.Equal(("good", "requires-improvement", 1), (transition.GetProperty("old").GetString(), transition.GetProperty("new").GetString(), transition.GetProperty("inspections").GetInt32()));
    }

    [Fact]
    public void Run_TwentyNumericEdits_EachOneMarkedLineAndTheReportShort()
    {
        // Arrange: a copy of the shipped rulebook with twenty numeric edits (the report was 265 lines before the summary and marks)
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TwentyNumericEdits();

        // Act
        var full = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);
        var summary = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--summary");

        // Assert: each edit is its item's header and one line with the number marked, nothing else of the item
        Assert.True(full.Exit == (int)ExitCode.Disagree, Describe(full));
        var lines = full.Stdout.Split('\n');
        var marked = lines.Where(l => l.StartsWith("      ~ ", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, marked.Count);
        Assert.All(marked, l => Assert.Matches(@"\[-\d+-\]\{\+\d+\+\}", l));
        Assert.Equal(16, marked.Count(l => Regex.IsMatch(l, @"^      ~    weight: \[-\d+-\]\{\+\d+\+\}$")));
        Assert.DoesNotContain(lines, l => l.StartsWith("      - ", StringComparison.Ordinal) || l.StartsWith("      + ", StringComparison.Ordinal));
        Assert.Contains("Summary: 20 structural changes, 1 grade changed\n  criteria               16 changed (0 added, 0 removed, 16 edited)\n"
            + "  threshold rows          2 changed (0 added, 0 removed, 2 edited)\n  evidence requirements   1 changed (0 added, 0 removed, 1 edited)\n"
            + "  limits                  0 changed\n  roll-up rows            1 changed (0 added, 0 removed, 1 edited)\n", full.Stdout, StringComparison.Ordinal);
        // Header, summary (9), structure (2 per item, 2 per group, 2), regrading: the measured 79 lines, and 29 in summary.
        Assert.InRange(lines.Length - 1, 60, 90);
        Assert.InRange(summary.Stdout.Split('\n').Length - 1, 20, 35);
    }

    [Fact]
    public void Run_LimitAndEvidenceRequirementEdited_CountedAndNamedUnderEachRegrade()
    {
        // Arrange: a framework with limits and requirements; the new version needs two findings to grade a question,
        // and caps at requires-improvement only from two causes of concern.
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old", NineQuestions);
        var @new = new RulebookCopy(temp, "new", NineQuestions)
            .Replace("thresholds.yaml", "    - when: count(f => true) >= 1", "    - when: count(f => true) >= 2")
            .Replace("thresholds.yaml", "or findings.cause-of-concern >= 1", "or findings.cause-of-concern >= 2");
        var findings = Path.Combine(old.Path, "examples", "findings.yaml");
        var requirement = old.LineOf("thresholds.yaml", "- when: count(f => true) >= 1");
        var limit = old.LineOf("thresholds.yaml", "- no-better-than: requires-improvement");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, findings);
        var json = Run("rules", "diff", old.Path, @new.Path, findings, "--format", "json");

        // Assert: the summary counts both and lists the questions no longer graded, and no overall (the framework has none)
        Assert.True(run.Exit == (int)ExitCode.Disagree, Describe(run));
        Assert.Contains("  evidence requirements  1 changed (0 added, 0 removed, 1 edited)\n  limits                 1 changed (0 added, 0 removed, 1 edited)\n",
            run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    Q2  good → not-graded in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    Q5  requires-improvement → good in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  Evidence requirements\n    default requirement 1  edited: when  thresholds.yaml:{requirement}\n      ~    - when: count(f => true) >= [-1-]{{+2+}}\n",
            run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"    default limit 1  edited: when  thresholds.yaml:{limit}\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("overall", run.Stdout, StringComparison.Ordinal);

        // Assert: each regrade names what moved it
        Assert.Contains($"  Q2  good → not-graded\n      was decided by thresholds.yaml:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      now not graded: thresholds.yaml:{requirement} (default requirement 1) not met [edited]\n        when count(f => true) >= 2\n",
            run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  Q5  requires-improvement → good\n      was decided by thresholds.yaml:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"(default rule 2, good)\n        when strengths.count >= 1 and areas-for-improvement.count == 0\n"
            + $"      was limited by thresholds.yaml:{limit} (default limit 1, no-better-than requires-improvement) [edited]\n", run.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("changes").GetProperty("limit").GetProperty("edited").GetInt32());
        Assert.Equal(1, summary.GetProperty("changes").GetProperty("requirement").GetProperty("edited").GetInt32());
        Assert.Equal(0, summary.GetProperty("overallChanged").GetProperty("inspections").GetInt32());
        var q5 = document.RootElement.GetProperty("inspections")[0].GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "Q5");
        Assert.Equal(("default", 1, "no-better-than", "requires-improvement", "edited"),
            (q5.GetProperty("oldLimit").GetProperty("table").GetString(), q5.GetProperty("oldLimit").GetProperty("position").GetInt32(),
             q5.GetProperty("oldLimit").GetProperty("limit").GetString(), q5.GetProperty("oldLimit").GetProperty("grade").GetString(),
             q5.GetProperty("oldLimit").GetProperty("change").GetString()));
        Assert.Equal(JsonValueKind.Null, q5.GetProperty("newLimit").ValueKind);
        var q2 = document.RootElement.GetProperty("inspections")[0].GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "Q2");
        var unmet = Assert.Single(q2.GetProperty("newUnmet").EnumerateArray());
        Assert.Equal(("default", 1, requirement, "edited"),
            (unmet.GetProperty("table").GetString(), unmet.GetProperty("position").GetInt32(), unmet.GetProperty("line").GetInt32(), unmet.GetProperty("change").GetString()));
        Assert.Empty(q2.GetProperty("oldUnmet").EnumerateArray());
    }

    private static string NineQuestions => Path.Combine(Repo.Root, "tests", "GradingEngine.Tests", "Fixtures", "nine-questions", "rules");

    [Fact]
    public void Run_StructuralChangeOnly_ExitsZero()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").Replace("rulebook.yaml", "    name: Inadequate\n", "    name: Inadequate (2016)\n");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings);

        // Assert
        Assert.True(run.Exit == (int)ExitCode.Success, Describe(run));
        var at = old.LineOf("rulebook.yaml", "- id: inadequate");
        Assert.Contains($"  scale grades           1 changed (0 added, 0 removed, 1 edited)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  Grades\n    inadequate  edited: name  rulebook.yaml:{at}\n      ~    name: Inadequate{{+ (2016)+}}\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 grades changed in 0 inspections\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadFindings_ExitsTwoWithLocatedErrorsAndNoOutput()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow();
        var bad = temp.Write("bad.yaml", RulebookDiffTests.BadFindings);
        var output = Path.Combine(temp.Path, "diff.txt");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, bad, "--output", output);

        // Assert
        Assert.True(run.Exit == (int)ExitCode.InvalidInput, Describe(run));
        Assert.Matches(@"(?m)^\S*bad\.yaml:7:\d+: error GE302: .*q1\.prevention\.priorty", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Run_MissingRulebookFolderOrFindings_ExitsTwo()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");

        // Act
        var missingFolder = Run("rules", "diff", old.Path, Path.Combine(temp.Path, "nowhere"), Repo.SeedFindings);
        var noFindings = Run("rules", "diff", old.Path, old.Path);

        // Assert
        Assert.True(missingFolder.Exit == (int)ExitCode.InvalidInput, Describe(missingFolder));
        Assert.Matches(@"(?m)^\S*nowhere:1:1: error GE\d+: rulebook folder not found", missingFolder.Stderr);
        Assert.True(noFindings.Exit == (int)ExitCode.InvalidInput, Describe(noFindings));
        Assert.Empty(noFindings.Stdout);
    }

    [Fact]
    public void Run_OutputOnGradeChange_WritesFileAndExitsOne()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow();
        var output = Path.Combine(temp.Path, "diff.json");

        // Act
        var run = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--format", "json", "--output", output);

        // Assert
        Assert.True(run.Exit == (int)ExitCode.Disagree, Describe(run));
        Assert.Empty(run.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("gradesChanged").GetInt32());
    }

    [Fact]
    public void Run_Json_KeysInStableOrderAndSameBytesTwice()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow().AddCriterion();

        // Act
        var first = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--format", "json");
        var second = Run("rules", "diff", old.Path, @new.Path, Repo.SeedFindings, "--format", "json");

        // Assert
        Assert.True(first.Exit == (int)ExitCode.Disagree, Describe(first));
        Assert.Equal(first.Stdout, second.Stdout);
        using var json = JsonDocument.Parse(first.Stdout);
        var root = json.RootElement;
        Assert.Equal(["old", "new", "summary", "structure", "inspections"], Keys(root));
        Assert.Equal(["id", "version", "title", "contentHash"], Keys(root.GetProperty("old")));
        Assert.Equal(["changes", "scaleOrder"], Keys(root.GetProperty("structure")));
        var change = root.GetProperty("structure").GetProperty("changes")[0];
        Assert.Equal(["kind", "id", "row", "change", "fields", "old", "new", "diff"], Keys(change));
        Assert.Equal(["file", "line"], Keys(change.GetProperty("new")));
        var inspection = root.GetProperty("inspections")[0];
        Assert.Equal(["id", "force", "file", "gradesChanged", "questions", "overall"], Keys(inspection));
        var q2 = inspection.GetProperty("questions")[1];
        Assert.Equal(["id", "old", "new", "changed", "oldRule", "newRule", "oldLimit", "newLimit", "oldUnmet", "newUnmet", "criteria"], Keys(q2));
        Assert.Equal(["table", "rule", "grade", "file", "line", "condition", "change"], Keys(q2.GetProperty("oldRule")));
        var cause = q2.GetProperty("criteria")[0];
        Assert.Equal(["id", "cause", "change", "fields", "old", "new"], Keys(cause));
        Assert.Equal(JsonValueKind.Null, cause.GetProperty("old").ValueKind);
        Assert.Equal(["outcome", "effect", "weight", "file", "line"], Keys(cause.GetProperty("new")));
        Assert.Equal(["old", "new", "changed", "questionsChanged", "ruleChanged", "oldRule", "newRule", "oldLimit", "newLimit"], Keys(inspection.GetProperty("overall")));
        var summary = root.GetProperty("summary");
        Assert.Equal(["structuralChanges", "changes", "scaleReordered", "inspections", "gradesChanged", "inspectionsChanged", "questionsChanged", "overallChanged"], Keys(summary));
        Assert.Equal(["grade", "effect", "question", "area", "judgement-scale", "kind", "indicator", "criterion", "threshold-row", "requirement", "limit", "rollup-row"],
            Keys(summary.GetProperty("changes")));
        Assert.Equal(["changed", "added", "removed", "edited"], Keys(summary.GetProperty("changes").GetProperty("criterion")));
        Assert.Equal(["question", "inspections", "transitions"], Keys(summary.GetProperty("questionsChanged")[0]));
        Assert.Equal(["old", "new", "inspections"], Keys(summary.GetProperty("questionsChanged")[0].GetProperty("transitions")[0]));
        Assert.Equal(["inspections", "transitions"], Keys(summary.GetProperty("overallChanged")));
    }

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
