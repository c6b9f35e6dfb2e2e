using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RulebookDiff;
using Xunit;

namespace GradingEngine.Tests.Tooling.RulebookDiff;

/// <summary>
/// `GradingPipeline.DiffRulebooks` on copies of the shipped rulebook, edited one way at a time, with
/// the West Mercia seed regraded under both: the diff must report exactly the edits, and exactly the
/// grade changes they cause, with their causes. Line numbers are computed from the files.
/// </summary>
public class RulebookDiffTests
{
    private static readonly string[] Questions = ["Q1", "Q2", "Q3", "Q4"];

    [Fact]
    public void DiffRulebooks_IdenticalCopies_NoStructuralOrGradeChanges()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new");

        // Act
        var diff = Diff(old, @new);

        // Assert
        Assert.Empty(diff.Structure.Items);
        Assert.Null(diff.Structure.Reordered);
        var inspection = Assert.Single(diff.Inspections);
        Assert.Equal(Questions, inspection.Questions.Select(q => q.QuestionId));
        Assert.Equal(["good", "good", "requires-improvement", "requires-improvement"], inspection.Questions.Select(q => q.NewGrade));
        Assert.All(inspection.Questions, q => Assert.False(q.Changed));
        Assert.All(inspection.Questions, q => Assert.Empty(q.Criteria));
        Assert.False(inspection.Overall.Changed);
        Assert.False(inspection.Overall.RowChanged);
        Assert.False(diff.HasGradeChanges);
        Assert.Equal(0, diff.GradeChanges);
    }

    [Fact]
    public void DiffRulebooks_ThresholdRowEdited_RowDiffAndQ1RequiresImprovementWithDecidingRows()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow();
        var oldLines = old.Lines("thresholds.yaml");
        var good = old.LineOf("thresholds.yaml", "- grade: good");
        var requiresImprovement = old.LineOf("thresholds.yaml", "- grade: requires-improvement");

        // Act
        var diff = Diff(old, @new);

        // Assert: the structural diff is the one row, with its YAML lines old against new
        var row = Assert.Single(diff.Structure.Items);
        Assert.Equal((ItemKind.ThresholdRow, "default", 2, ChangeKind.Edited), (row.Kind, row.Id, row.Row, row.Change));
        Assert.Equal(["when"], row.Fields);
        Assert.Equal(new ItemLocation("thresholds.yaml", good), row.Old);
        Assert.Equal(new ItemLocation("thresholds.yaml", good), row.New);
        Assert.StartsWith("    because:", oldLines[good + 1], StringComparison.Ordinal);
        Assert.Equal(
            [
                new DiffLine(DiffOp.Same, oldLines[good - 1]),
                new DiffLine(DiffOp.Removed, oldLines[good]),
                new DiffLine(DiffOp.Added, oldLines[good].Replace(RulebookEdits.GoodRowOld, RulebookEdits.GoodRowNew, StringComparison.Ordinal)),
                new DiffLine(DiffOp.Same, oldLines[good + 1]),
            ],
            row.Lines);

        // Assert: Q1 alone changes, decided by the edited row before and the next row after
        var inspection = Assert.Single(diff.Inspections);
        var q1 = inspection.Questions[0];
        Assert.Equal(("Q1", "good", "requires-improvement"), (q1.QuestionId, q1.OldGrade, q1.NewGrade));
        Assert.Equal(new DecidingRow("default", 2, "good", oldLines[good][(oldLines[good].IndexOf("when: ", StringComparison.Ordinal) + 6)..],
            new ItemLocation("thresholds.yaml", good), ChangeKind.Edited), q1.OldRow);
        Assert.Equal(("default", 3, "requires-improvement", new ItemLocation("thresholds.yaml", requiresImprovement), ChangeKind.Unchanged),
            (q1.NewRow!.Table, q1.NewRow.Row, q1.NewRow.Grade, q1.NewRow.Location, q1.NewRow.Status));
        Assert.Empty(q1.Criteria);
        Assert.All(inspection.Questions.Skip(1), q => Assert.False(q.Changed));
        Assert.Equal(("requires-improvement", "requires-improvement"), (inspection.Overall.OldGrade, inspection.Overall.NewGrade));
        Assert.Equal(["Q1"], inspection.Overall.ChangedQuestions);
        Assert.False(inspection.Overall.RowChanged);
        Assert.Equal((1, 1), (diff.GradeChanges, diff.ChangedInspections));
    }

    [Fact]
    public void DiffRulebooks_CriterionAddedRemovedReweighted_EachInDiffAndAsCauses()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow().AddCriterion().RemoveCriterion().Reweight();
        var removedAt = old.LineOf("criteria/q1.yaml", $"- id: {RulebookEdits.RemovedCriterionId}");
        var reweightedOld = old.LineOf("criteria/q1.yaml", $"- id: {RulebookEdits.ReweightedCriterionId}");
        var reweightedNew = @new.LineOf("criteria/q1.yaml", $"- id: {RulebookEdits.ReweightedCriterionId}");
        var addedAt = @new.LineOf("criteria/q2.yaml", $"- id: {RulebookEdits.AddedCriterionId}");

        // Act
        var diff = Diff(old, @new);

        // Assert: criteria (edited and added in the new order, then removed), then the threshold row
        Assert.Equal(
            [
                (ItemKind.Criterion, RulebookEdits.ReweightedCriterionId, ChangeKind.Edited, "weight"),
                (ItemKind.Criterion, RulebookEdits.AddedCriterionId, ChangeKind.Added, ""),
                (ItemKind.Criterion, RulebookEdits.RemovedCriterionId, ChangeKind.Removed, ""),
                (ItemKind.ThresholdRow, "default", ChangeKind.Edited, "when"),
            ],
            diff.Structure.Items.Select(i => (i.Kind, i.Id, i.Change, string.Join(",", i.Fields))));
        var reweighted = diff.Structure.Items[0];
        Assert.Equal((new ItemLocation("criteria/q1.yaml", reweightedOld), new ItemLocation("criteria/q1.yaml", reweightedNew)), (reweighted.Old, reweighted.New));
        Assert.Equal(["-    weight: 3", "+    weight: 5"], reweighted.Lines.Where(l => l.Op != DiffOp.Same).Select(l => l.ToString()));
        Assert.Equal(9, reweighted.Lines.Count(l => l.Op != DiffOp.Added));
        var added = diff.Structure.Items[1];
        Assert.Equal((null, new ItemLocation("criteria/q2.yaml", addedAt)), (added.Old, added.New));
        Assert.Equal(RulebookEdits.AddedCriterion.TrimEnd('\n').Split('\n').Select(l => "+" + l), added.Lines.Select(l => l.ToString()));
        var removed = diff.Structure.Items[2];
        Assert.Equal((new ItemLocation("criteria/q1.yaml", removedAt), null), (removed.Old, removed.New));
        Assert.Equal(old.Lines("criteria/q1.yaml")[(removedAt - 1)..(removedAt + 8)].Select(l => "-" + l), removed.Lines.Select(l => l.ToString()));

        // Assert: Q1 and Q2 change, each with its causes
        var inspection = Assert.Single(diff.Inspections);
        Assert.Equal([true, true, false, false], inspection.Questions.Select(q => q.Changed));
        var q1 = inspection.Questions[0];
        Assert.Equal(("good", "requires-improvement"), (q1.OldGrade, q1.NewGrade));
        Assert.Equal((2, ChangeKind.Edited, 3, ChangeKind.Unchanged), (q1.OldRow!.Row, q1.OldRow.Status, q1.NewRow!.Row, q1.NewRow.Status));
        Assert.Equal(
            [
                (RulebookEdits.RemovedCriterionId, CauseKind.OutcomeChanged, ChangeKind.Removed, "", true, false),
                (RulebookEdits.ReweightedCriterionId, CauseKind.ContributionChanged, ChangeKind.Edited, "weight", true, true),
            ],
            q1.Criteria.Select(c => (c.Id, c.Kind, c.Status, string.Join(",", c.Fields), c.OldMet, c.NewMet)));
        Assert.Null(q1.Criteria[0].New);
        Assert.Equal(("strength", 3), (q1.Criteria[0].Old!.Effect, q1.Criteria[0].Old!.Weight));
        Assert.Equal((3, 5), (q1.Criteria[1].Old!.Weight, q1.Criteria[1].New!.Weight));
        var q2 = inspection.Questions[1];
        Assert.Equal(("good", "requires-improvement"), (q2.OldGrade, q2.NewGrade));
        var cause = Assert.Single(q2.Criteria);
        Assert.Equal((RulebookEdits.AddedCriterionId, CauseKind.OutcomeChanged, ChangeKind.Added), (cause.Id, cause.Kind, cause.Status));
        Assert.Null(cause.Old);
        Assert.Equal(new CriterionState(true, "cause-of-concern", 3, new ItemLocation("criteria/q2.yaml", addedAt)), cause.New);
        Assert.False(inspection.Overall.Changed);
        Assert.Equal(["Q1", "Q2"], inspection.Overall.ChangedQuestions);
        Assert.Equal(2, diff.GradeChanges);
    }

    [Fact]
    public void DiffRulebooks_CriterionTitleEdited_StructuralChangeOnly()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new");
        var lines = old.Lines("criteria/q3.yaml");
        var first = Array.FindIndex(lines, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        var id = lines[first]["  - id: ".Length..];
        var title = lines[first + 3];
        Assert.StartsWith("    title: ", title, StringComparison.Ordinal);
        @new.Replace("criteria/q3.yaml", title + "\n", title + " (reworded)\n");

        // Act
        var diff = Diff(old, @new);

        // Assert
        var item = Assert.Single(diff.Structure.Items);
        Assert.Equal((ItemKind.Criterion, id, ChangeKind.Edited), (item.Kind, item.Id, item.Change));
        Assert.Equal(["title"], item.Fields);
        Assert.Equal(["-" + title, "+" + title + " (reworded)"], item.Lines.Where(l => l.Op != DiffOp.Same).Select(l => l.ToString()));
        Assert.False(diff.HasGradeChanges);
    }

    [Fact]
    public void DiffRulebooks_CommentsAndBlankLinesOnly_NoChange()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new")
            .Replace("criteria/q1.yaml", $"- id: {RulebookEdits.ReweightedCriterionId}\n", $"- id: {RulebookEdits.ReweightedCriterionId}\n    # why this criterion exists\n")
            .Append("thresholds.yaml", "\n# a closing remark\n");

        // Act
        var diff = Diff(old, @new);

        // Assert
        Assert.Equal(0, diff.Structure.Count);
        Assert.False(diff.HasGradeChanges);
    }

    [Fact]
    public void DiffRulebooks_RollupRowEdited_OverallChangesWithNoQuestionChange()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").LoosenRollupGoodRow();
        var good = old.LineOf("rollup.yaml", "- grade: good");
        var requiresImprovement = old.LineOf("rollup.yaml", "- grade: requires-improvement");

        // Act
        var diff = Diff(old, @new);

        // Assert
        var row = Assert.Single(diff.Structure.Items);
        Assert.Equal((ItemKind.RollupRow, "overall", 2, ChangeKind.Edited), (row.Kind, row.Id, row.Row, row.Change));
        var inspection = Assert.Single(diff.Inspections);
        Assert.All(inspection.Questions, q => Assert.False(q.Changed));
        var overall = inspection.Overall;
        Assert.Equal(("requires-improvement", "good"), (overall.OldGrade, overall.NewGrade));
        Assert.Empty(overall.ChangedQuestions);
        Assert.True(overall.RowChanged);
        Assert.Equal(("overall", 3, new ItemLocation("rollup.yaml", requiresImprovement), ChangeKind.Unchanged),
            (overall.OldRow!.Table, overall.OldRow.Row, overall.OldRow.Location, overall.OldRow.Status));
        Assert.Equal((2, new ItemLocation("rollup.yaml", good), ChangeKind.Edited), (overall.NewRow!.Row, overall.NewRow.Location, overall.NewRow.Status));
        Assert.Equal((1, 1), (diff.GradeChanges, diff.ChangedInspections));
    }

    [Fact]
    public void DiffRulebooks_FindingsWithUnknownIndicator_FailsWithLocatedErrors()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow();
        var bad = temp.Write("bad.yaml", BadFindings);

        // Act
        var result = GradingPipeline.DiffRulebooks(old.Path, @new.Path, [Repo.SeedFindings, bad]);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("GE302", bad, 7), (error.Code, error.Span.Path, error.Span.Line));
    }

    [Fact]
    public void DiffRulebooks_FindingsForOldFrameworkOnly_FailsAtFrameworkLine()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").Replace("rulebook.yaml", "id: peel-2015-effectiveness\n", "id: peel-2016-effectiveness\n");
        var framework = RulebookCopy.LineIn(File.ReadAllText(Repo.SeedFindings).Replace("\r\n", "\n").Split('\n'), "framework: peel-2015-effectiveness");

        // Act
        var result = GradingPipeline.DiffRulebooks(old.Path, @new.Path, [Repo.SeedFindings]);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("GE306", Repo.SeedFindings, framework), (error.Code, error.Span.Path, error.Span.Line));
    }

    [Fact]
    public void DiffRulebooks_BrokenNewRulebook_FailsWithItsErrors()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").Replace("criteria/q1.yaml",
            "    weight: 3\n    message: \"Problem solving", "    wieght: 3\n    message: \"Problem solving");

        // Act
        var result = GradingPipeline.DiffRulebooks(old.Path, @new.Path, [Repo.SeedFindings]);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Code == "GE200" && d.Span.Path == @new.FileOf("criteria/q1.yaml"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Span.Path.StartsWith(old.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void DiffRulebooks_GradeQuestionAreaIndicatorEdited_GroupedByKindInRulebookOrder()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new")
            .Replace("rulebook.yaml", "    name: Requires improvement\n", "    name: Requires improvement (2016)\n")
            .Replace("rulebook.yaml", "  - id: Q4\n    title: ", "  - id: Q4\n    title: Reworded - ")
            .Replace("rulebook.yaml", "      - id: crime-levels\n        title: ", "      - id: crime-levels\n        title: Reworded - ")
            .Replace("codebook.yaml", "  - id: q1.crime.rate-vs-national\n    question: Q1\n    area: crime-levels\n    description: ",
                "  - id: q1.crime.rate-vs-national\n    question: Q1\n    area: crime-levels\n    description: Reworded - ");

        // Act
        var diff = Diff(old, @new);

        // Assert
        Assert.Equal(
            [
                (ItemKind.Grade, "requires-improvement", "name"),
                (ItemKind.Question, "Q4", "title"),
                (ItemKind.Area, "Q1/crime-levels", "title"),
                (ItemKind.Indicator, "q1.crime.rate-vs-national", "description"),
            ],
            diff.Structure.Items.Select(i => (i.Kind, i.Id, string.Join(",", i.Fields))));
        Assert.All(diff.Structure.Items, i => Assert.Equal(2, i.Lines.Count(l => l.Op != DiffOp.Same)));
        Assert.False(diff.HasGradeChanges);
    }

    [Fact]
    public void DiffRulebooks_LastDefaultRowEditedAndQuestionTableAdded_RowLinesStopAtEndOfList()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new")
            .Replace("thresholds.yaml", "with weaknesses that swamp the strengths\"", "with weaknesses that swamp the strengths (reworded)\"")
            .Append("thresholds.yaml", "\n# Q2 has its own table\nquestions:\n  Q2:\n    - grade: good\n      when: causes-of-concern.count == 0\n    - grade: inadequate\n      otherwise: true\n");
        var inadequate = old.LineOf("thresholds.yaml", "- grade: inadequate");
        var q2Good = @new.LineOf("thresholds.yaml", "    - grade: good");

        // Act
        var diff = Diff(old, @new);

        // Assert
        Assert.Equal(
            [("default", 4, ChangeKind.Edited), ("Q2", 1, ChangeKind.Added), ("Q2", 2, ChangeKind.Added)],
            diff.Structure.Items.Select(i => (i.Id, i.Row!.Value, i.Change)));
        var lastRow = diff.Structure.Items[0];
        Assert.Equal(["because"], lastRow.Fields);
        Assert.Equal(new ItemLocation("thresholds.yaml", inadequate), lastRow.New);
        Assert.Equal(["   - grade: inadequate", "     otherwise: true"], lastRow.Lines.Take(2).Select(l => l.ToString()));
        Assert.Equal(4, lastRow.Lines.Count);
        Assert.Equal(["+    - grade: good", "+      when: causes-of-concern.count == 0"], diff.Structure.Items[1].Lines.Select(l => l.ToString()));
        Assert.Equal(new ItemLocation("thresholds.yaml", q2Good), diff.Structure.Items[1].New);

        // Assert: Q2 is now decided by its own, added, table, with the same grade
        var q2 = Assert.Single(diff.Inspections).Questions[1];
        Assert.False(q2.Changed);
        Assert.Equal(("Q2", 1, ChangeKind.Added), (q2.NewRow!.Table, q2.NewRow.Row, q2.NewRow.Status));
    }

    [Fact]
    public void DiffRulebooks_SameEditsTwice_SameReport()
    {
        // Arrange
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow().AddCriterion().RemoveCriterion().Reweight();

        // Act
        var first = RulebookDiffRenderer.RenderJson(Diff(old, @new));
        var second = RulebookDiffRenderer.RenderJson(Diff(old, @new));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void DiffRulebooks_ManyFiles_RegradedInParallelInTheOrderGivenEachAsAlone()
    {
        // Arrange: copies of the seed under other inspection ids, beside its report, listed out of name order.
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").TightenGoodRow().AddCriterion();
        var seed = File.ReadAllText(Repo.SeedFindings);
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
        var files = new[] { 7, 2, 9, 0, 5, 1, 8, 3, 6, 4 }.Select(n =>
        {
            var path = Path.Combine(temp.Path, $"copy-{n}.yaml");
            File.WriteAllText(path, seed.Replace("inspection: west-mercia-2015-effectiveness", $"inspection: copy-{n}", StringComparison.Ordinal));
            return path;
        }).ToList();
        var alone = Describe(Assert.Single(Diff(old, @new).Inspections));

        // Act
        var result = GradingPipeline.DiffRulebooks(old.Path, @new.Path, files);

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        Assert.Equal(files.Select(f => Path.GetFileNameWithoutExtension(f)), result.Value!.Inspections.Select(i => i.Id));
        Assert.All(result.Value.Inspections, i => Assert.Equal(alone, Describe(i)));
        Assert.Equal(10 * Diff(old, @new).GradeChanges, result.Value.GradeChanges);
    }

    /// <summary>A regrade without its inspection's identity: grades, deciding rows and causes per question, then overall.</summary>
    private static string Describe(InspectionRegrade regrade) =>
        string.Join("\n", regrade.Questions.Select(q => $"{q.QuestionId} {q.OldGrade}>{q.NewGrade} {q.OldRow} {q.NewRow} [{string.Join("; ", q.Criteria)}]")
            .Append($"overall {regrade.Overall.OldGrade}>{regrade.Overall.NewGrade} {regrade.Overall.RowChanged} {string.Join(",", regrade.Overall.ChangedQuestions)}"));

    internal const string BadFindings = """
        inspection: bad-1
        force: Example Force
        framework: peel-2015-effectiveness
        findings:
          - id: F1
            question: Q1
            indicator: q1.prevention.priorty
            judgement: effective
            quote: Prevention is a priority.
            source: Q1 > Prevention
        """;

    [Fact]
    public void DiffRulebooks_EmptyLimitsOfItsOwnForAQuestion_ShowsTheDefaultLimitRemovedForIt()
    {
        // `Q3: []` takes the default limit away from Q3: an edit the diff must show, though the new list is empty.
        using var temp = new TempFolder();
        var old = new RulebookCopy(temp, "old");
        var @new = new RulebookCopy(temp, "new").Replace("thresholds.yaml", "limits:\n  default:\n", "limits:\n  questions:\n    Q3: []\n  default:\n");

        var diff = Diff(old, @new);

        var change = Assert.Single(diff.Structure.Items);
        Assert.Equal((ItemKind.Limit, "Q3", 1, ChangeKind.Removed), (change.Kind, change.Id, change.Row, change.Change));
    }

    private static GradingEngine.Tooling.RulebookDiff.RulebookDiff Diff(RulebookCopy old, RulebookCopy @new)
    {
        var result = GradingPipeline.DiffRulebooks(old.Path, @new.Path, [Repo.SeedFindings]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        return result.Value!;
    }
}
