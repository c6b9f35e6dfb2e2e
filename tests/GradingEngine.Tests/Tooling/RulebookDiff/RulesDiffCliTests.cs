using System.Text.Json;
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
        Assert.Contains("Structural changes: none\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Q1  good (unchanged)\n", run.Stdout, StringComparison.Ordinal);
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
        Assert.Contains("  Threshold rows\n    default rule 2  edited: when\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      --- thresholds.yaml:{good}\n      +++ thresholds.yaml:{good}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      -    when: {RulebookEdits.GoodRowOld}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"      +    when: {RulebookEdits.GoodRowNew}", run.Stdout, StringComparison.Ordinal);
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
        Assert.EndsWith("2 grades changed in 1 inspection\n", run.Stdout, StringComparison.Ordinal);
    }

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
        Assert.Contains("  Grades\n    inadequate  edited: name\n", run.Stdout, StringComparison.Ordinal);
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
        Assert.Equal(["old", "new", "structure", "inspections", "summary"], Keys(root));
        Assert.Equal(["id", "version", "title", "contentHash"], Keys(root.GetProperty("old")));
        Assert.Equal(["changes", "scaleOrder"], Keys(root.GetProperty("structure")));
        var change = root.GetProperty("structure").GetProperty("changes")[0];
        Assert.Equal(["kind", "id", "row", "change", "fields", "old", "new", "diff"], Keys(change));
        Assert.Equal(["file", "line"], Keys(change.GetProperty("new")));
        var inspection = root.GetProperty("inspections")[0];
        Assert.Equal(["id", "force", "file", "gradesChanged", "questions", "overall"], Keys(inspection));
        var q2 = inspection.GetProperty("questions")[1];
        Assert.Equal(["id", "old", "new", "changed", "oldRule", "newRule", "criteria"], Keys(q2));
        Assert.Equal(["table", "rule", "grade", "file", "line", "condition", "change"], Keys(q2.GetProperty("oldRule")));
        var cause = q2.GetProperty("criteria")[0];
        Assert.Equal(["id", "cause", "change", "fields", "old", "new"], Keys(cause));
        Assert.Equal(JsonValueKind.Null, cause.GetProperty("old").ValueKind);
        Assert.Equal(["outcome", "effect", "weight", "file", "line"], Keys(cause.GetProperty("new")));
        Assert.Equal(["old", "new", "changed", "questionsChanged", "ruleChanged", "oldRule", "newRule"], Keys(inspection.GetProperty("overall")));
        Assert.Equal(["structuralChanges", "inspections", "gradesChanged", "inspectionsChanged"], Keys(root.GetProperty("summary")));
    }

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
