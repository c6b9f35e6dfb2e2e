using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Batch;
using Xunit;

namespace GradingEngine.Tests.Tooling.Batch;

public class BatchRunnerTests
{
    [Fact]
    public void GradeBatch_SeedFolder_GradesTheSeedWithItsPairedProposedGrades()
    {
        // Act
        var result = GradingPipeline.GradeBatch(Repo.DefaultRules, [Repo.SeedFolder]);

        // Assert
        Assert.True(result.Succeeded, Load.TestKit.Render(result.Diagnostics));
        var report = result.Value!;
        var inspection = Assert.Single(report.Inspections);
        Assert.Equal("west-mercia-2015-effectiveness", inspection.Id);
        Assert.Equal(Repo.SeedProposed, inspection.ProposedFrom);
        Assert.Equal(["good", "good", "requires-improvement", "requires-improvement", "requires-improvement"], inspection.Grades.Select(g => g.Computed.Id));
        Assert.All(inspection.Grades, g => Assert.True(g.Agrees));
        Assert.Equal((5, 5, 1m), (report.AllAgreement.Compared, report.AllAgreement.Agreed, report.AllAgreement.Rate));
        Assert.Empty(report.Disagreements);
        Assert.Empty(report.Consistency);
        Assert.False(report.AnyDisagree);
    }

    [Fact]
    public void Grade_CalledConcurrentlyOnOneCompiledRulebook_GivesTheSequentialResultEveryTime()
    {
        // Arrange: the shipped rulebook compiled once, the seed graded once on one thread.
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var inspection = GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!;
        var mini = BatchKit.Mini;
        using var temp = new TempFolder();
        var miniInspection = GradingPipeline.LoadInspection(temp.Write("m.yaml", BatchKit.MiniFindings("m")), mini).Value!;
        var expected = JsonRenderer.Render(GradingPipeline.Grade(rulebook, inspection));
        var expectedMini = JsonRenderer.Render(GradingPipeline.Grade(mini, miniInspection));

        // Act: many sessions from the same factories at once, interleaved across two rulebooks.
        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = i % 2 == 0
                ? JsonRenderer.Render(GradingPipeline.Grade(rulebook, inspection))
                : JsonRenderer.Render(GradingPipeline.Grade(mini, miniInspection)));

        // Assert
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expected : expectedMini, results[i]);
        }
    }

    [Fact]
    public void Run_GeneratedFolder_OutputIdenticalForParallel1And2And8()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act
        var runs = new[] { 1, 2, 8 }.Select(n => BatchKit.Grade([folder], n)).ToList();

        // Assert
        var text = runs.Select(r => BatchRenderer.RenderText(r)).ToList();
        var json = runs.Select(BatchRenderer.RenderJson).ToList();
        var csv = runs.Select(BatchRenderer.RenderCsv).ToList();
        Assert.All(text, t => Assert.Equal(text[0], t));
        Assert.All(json, j => Assert.Equal(json[0], j));
        Assert.All(csv, c => Assert.Equal(csv[0], c));
        Assert.Equal(24 + 6, runs[0].Inspections.Count);
    }

    [Fact]
    public void Run_FromRulesFolder_SameReportInterpretedCompiledAndChosen()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = new MiniRulebook().WriteTo(temp);
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act: the folder's 25 files are far below CompileFrom, so the choice is to interpret.
        var runs = new ExpressionMode?[] { null, ExpressionMode.Interpreted, ExpressionMode.Compiled }
            .Select(mode => BatchRunner.Run(RulebookSource.Folder(rules), [folder], new BatchOptions { MaxParallelism = 2, Mode = mode }))
            .ToList();

        // Assert
        Assert.All(runs, r => Assert.True(r.Succeeded));
        var reports = runs.Select(r => r.Value!).ToList();
        Assert.Equal(ExpressionMode.Interpreted, new BatchOptions().ModeFor(reports[0].Inspections.Count));
        Assert.All(reports, r => Assert.Equal(BatchRenderer.RenderJson(reports[0]), BatchRenderer.RenderJson(r)));
        Assert.All(reports, r => Assert.Equal(BatchRenderer.RenderText(reports[0]), BatchRenderer.RenderText(r)));
        Assert.Equal(24 + 6, reports[0].Inspections.Count);
    }

    [Theory]
    [InlineData(1, ExpressionMode.Interpreted)]
    [InlineData(RulebookCompiler.CompileFrom - 1, ExpressionMode.Interpreted)]
    [InlineData(RulebookCompiler.CompileFrom, ExpressionMode.Compiled)]
    [InlineData(100_000, ExpressionMode.Compiled)]
    public void ModeFor_ByNumberOfInspections_CompilesOnlyLargeBatches(int inspections, ExpressionMode expected)
    {
        Assert.Equal(expected, new BatchOptions().ModeFor(inspections));
        Assert.Equal(expected, RulebookCompiler.ModeFor(inspections));
    }

    [Fact]
    public void ModeFor_ModeSet_OverridesTheChoice()
    {
        Assert.Equal(ExpressionMode.Compiled, new BatchOptions { Mode = ExpressionMode.Compiled }.ModeFor(1));
        Assert.Equal(ExpressionMode.Interpreted, new BatchOptions { Mode = ExpressionMode.Interpreted }.ModeFor(1_000_000));
    }

    [Fact]
    public void Run_GeneratedFolder_EachResultIsTheOneGradeGivesAlone()
    {
        // Arrange: 29 inspections, so the batch grades them in steps side by side, the last one partial.
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp, 23);

        // Act
        var report = BatchKit.Grade([folder], 2);

        // Assert: what the batch keeps of every result (grades, met criteria, the inspection's identity) is
        // what grading that inspection on its own gives.
        Assert.Equal(23 + 6, report.Inspections.Count);
        Assert.NotEqual(0, report.Inspections.Count % Evaluate.InspectionEvaluator.StepSize);
        var model = BatchKit.Mini.Rulebook;
        foreach (var graded in report.Inspections)
        {
            var bag = new DiagnosticBag();
            var inspection = graded.Path.EndsWith(".csv", StringComparison.Ordinal)
                ? CsvFindingsLoader.Load(graded.Path, model, LoadLimits.Default, bag)!.Single(i => i.Id == graded.Id)
                : InspectionLoader.Load(graded.Path, model, LoadLimits.Default, bag)!;
            Assert.False(bag.HasErrors);
            var alone = GradingPipeline.Grade(BatchKit.Mini, inspection, outlooks: false);
            Assert.Equal(
                [.. alone.Questions.Select(q => q.Grade!.Id), alone.Overall!.Grade.Id],
                graded.Grades.Select(g => g.Computed.Id));
            Assert.Equal(
                alone.Questions.Select(q => string.Join(",", q.Criteria.Where(c => c.Met).Select(c => c.Criterion.Id))),
                graded.Met.Select(m => string.Join(",", m.Select(c => c.Id))));
            Assert.Equal((inspection.Id, inspection.Sha256, inspection.Findings.Count), (graded.Id, graded.Sha256, graded.FindingCount));
        }
    }

    [Fact]
    public void Run_GeneratedFolder_SortsByPathThenIdAndFindsEveryKindOfFile()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act
        var report = BatchKit.Grade([folder]);

        // Assert
        var keys = report.Inspections.Select(i => (i.Path, i.Id)).ToList();
        var sorted = keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(6, report.Inspections.Count(i => i.Path.EndsWith("national.csv", StringComparison.Ordinal)));
        Assert.Contains(report.Inspections, i => i.Path.EndsWith(".json", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Inspections, i => i.Path.Contains(".hidden", StringComparison.Ordinal));
        var paired = report.Inspections.Single(i => i.Id == "gen-02");
        Assert.EndsWith("gen-02.proposed.yaml", paired.ProposedFrom);
        Assert.Equal("good", paired.Find("Q1")!.Proposed!.Id);
        Assert.Null(paired.Find("Q2")!.Proposed);
        Assert.Null(report.Inspections.Single(i => i.Id == "gen-03").ProposedFrom);
    }

    [Fact]
    public void Run_GeneratedFolder_ListsTheFilesItLeftOut()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act
        var report = BatchKit.Grade([folder]);

        // Assert
        Assert.Equal(["notes.yaml", "proposed-extra.yaml", "report.csv"], report.Skipped.Select(s => Path.GetFileName(s.Path)));
        Assert.DoesNotContain(report.Skipped, s => s.Path.EndsWith(".proposed.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FolderGivenTwice_ListsEachLeftOutFileOnce()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act
        var report = BatchKit.Grade([folder, folder]);

        // Assert
        Assert.Equal(3, report.Skipped.Count);
        Assert.Equal(30, report.Inspections.Count);
    }

    [Fact]
    public void Run_LeftOutFileNamedExplicitly_GradedAndNotListedAsLeftOut()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);

        // Act
        var result = BatchRunner.Run(BatchKit.Mini, [folder, Path.Combine(folder, "notes.yaml")]);

        // Assert: named on the command line, it is a findings file, and an invalid one.
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Span.Path.EndsWith("notes.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FolderWithoutFindingsFiles_ReportsGE100AtTheFolder()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("rules/rulebook.yaml", "id: x\n");
        temp.Write("rules/proposed.yaml", BatchKit.ProposedFile("x", "Q1: good"));

        // Act
        var result = BatchRunner.Run(BatchKit.Mini, [Path.Combine(temp.Path, "rules")]);

        // Assert
        var error = Load.TestKit.SingleError(result.Diagnostics, DiagnosticCodes.FileNotFound);
        Assert.Equal((Path.Combine(temp.Path, "rules"), 1, 1), (error.Span.Path, error.Span.Line, error.Span.Column));
        Assert.Equal("no findings files in this folder", error.Message);
        Assert.Contains("2 other files were left out", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameFileTwice_GradesItOnce()
    {
        // Arrange
        using var temp = new TempFolder();
        var file = temp.Write("a/findings.yaml", BatchKit.MiniFindings("a-1"));

        // Act
        var report = BatchKit.Grade([file, Path.Combine(temp.Path, "a"), file]);

        // Assert
        Assert.Single(report.Inspections);
    }

    [Fact]
    public void Run_FindingsBlockAndPairedFile_FindingsBlockWins()
    {
        // Arrange
        using var temp = new TempFolder();
        var file = temp.Write("a/findings.yaml", BatchKit.MiniFindings("a-1", "Q1: good"));
        temp.Write("a/proposed.yaml", BatchKit.ProposedFile("a-1", "Q1: inadequate"));

        // Act
        var report = BatchKit.Grade([Path.Combine(temp.Path, "a")]);

        // Assert
        var inspection = Assert.Single(report.Inspections);
        Assert.Equal(file, inspection.ProposedFrom);
        Assert.Equal("good", inspection.Find("Q1")!.Proposed!.Id);
    }

    [Fact]
    public void Run_SeveralInvalidFiles_ReportsEveryDiagnosticOfEveryFile()
    {
        // Arrange
        using var temp = new TempFolder();
        temp.Write("good/findings.yaml", BatchKit.MiniFindings("good-1"));
        temp.Write("bad/one.yaml", BatchKit.MiniFindings("bad-1").Replace("q1.prevention.priority", "q1.prevention.priorty", StringComparison.Ordinal));
        temp.Write("bad/two.yaml", BatchKit.MiniFindings("bad-2").Replace("judgement: inconsistent", "judgement: sometimes", StringComparison.Ordinal)
            .Replace("q2.investigation.quality", "q2.nope", StringComparison.Ordinal));
        temp.Write("bad/three.csv", BatchKit.CsvHeader + "c-1,Force,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\nc-1,Force,mini,F1,Q1,q1.prevention.priority,effective,,Quote.,Src\n");
        temp.Write("bad/paired.findings.yaml", BatchKit.MiniFindings("paired-1"));
        temp.Write("bad/paired.proposed.yaml", BatchKit.ProposedFile("someone-else", "Q1: good"));

        // Act
        var result = BatchRunner.Run(BatchKit.Mini, [temp.Path, Path.Combine(temp.Path, "missing")]);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        var errors = result.Errors.Select(d => (Path.GetFileName(d.Span.Path), d.Code)).ToList();
        Assert.Contains(("one.yaml", DiagnosticCodes.UnknownIndicator), errors);
        Assert.Contains(("two.yaml", DiagnosticCodes.UnknownLevel), errors);
        Assert.Contains(("two.yaml", DiagnosticCodes.UnknownIndicator), errors);
        Assert.Contains(("three.csv", DiagnosticCodes.DuplicateId), errors);
        Assert.Contains(("paired.proposed.yaml", DiagnosticCodes.InspectionMismatch), errors);
        Assert.Contains(("missing", DiagnosticCodes.FileNotFound), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == "findings.yaml");
        Assert.Equal(DiagnosticBag.Sort(result.Diagnostics), result.Diagnostics);
    }

    [Fact]
    public void Run_ParallelRuns_ReportProgressForEveryFileAndInspection()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = BatchKit.WriteGeneratedFolder(temp);
        var seen = new System.Collections.Concurrent.ConcurrentBag<BatchProgress>();

        // Act
        var result = BatchRunner.Run(BatchKit.Mini, [folder], new BatchOptions { MaxParallelism = 8, Progress = seen.Add });

        // Assert
        Assert.True(result.Succeeded);
        var loading = seen.Where(p => p.Stage == BatchStage.Loading).ToList();
        var grading = seen.Where(p => p.Stage == BatchStage.Grading).ToList();
        Assert.Equal(Enumerable.Range(1, 25), loading.Select(p => p.Done).Order());
        Assert.All(loading, p => Assert.Equal(25, p.Total));
        // Graded a step of files at a time: a running count of files that reaches every one.
        Assert.Equal((25 + Evaluate.InspectionEvaluator.StepSize - 1) / Evaluate.InspectionEvaluator.StepSize, grading.Count);
        Assert.Equal(grading.Count, grading.Select(p => p.Done).Distinct().Count());
        Assert.Equal(25, grading.Max(p => p.Done));
        Assert.All(grading, p => Assert.Equal(25, p.Total));
    }
}
