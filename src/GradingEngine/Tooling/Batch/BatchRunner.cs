using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Grades many inspections with one compiled rulebook: the session factory is built once and every
/// inspection gets its own NRules session from it, in parallel. Files are read in parallel too, and
/// every problem of every file is collected before giving up. Results are sorted by file path then
/// inspection id before anything is compared, so the report is the same for any parallelism.
/// </summary>
public static class BatchRunner
{
    /// <summary>
    /// Checks the rulebook, reads every inspection found under <paramref name="paths"/>, then compiles the
    /// rulebook once, in the mode that suits that many inspections (<see cref="BatchOptions.ModeFor"/>), and grades them.
    /// </summary>
    public static Result<BatchReport> Run(string rulesDirectory, IReadOnlyList<string> paths, BatchOptions? options = null)
    {
        options ??= new BatchOptions();
        var checkedRulebook = GradingPipeline.CheckRulebook(rulesDirectory, options.Limits, lint: false);
        if (!checkedRulebook.Succeeded)
        {
            return Result<BatchReport>.Fail(checkedRulebook.Diagnostics);
        }
        var (inspections, skipped, bag) = Read(checkedRulebook.Value!.Rulebook, paths, options);
        if (bag.HasErrors)
        {
            return Result<BatchReport>.Fail(bag.ToSortedList());
        }
        var compiled = RulebookCompiler.Compile(checkedRulebook.Value, options.ModeFor(inspections.Count));
        return Grade(compiled, inspections, skipped, bag, options);
    }

    /// <summary>Grades every inspection found under <paramref name="paths"/> with an already compiled rulebook.</summary>
    public static Result<BatchReport> Run(CompiledRulebook compiled, IReadOnlyList<string> paths, BatchOptions? options = null)
    {
        options ??= new BatchOptions();
        var (inspections, skipped, bag) = Read(compiled.Rulebook.Rulebook, paths, options);
        return bag.HasErrors ? Result<BatchReport>.Fail(bag.ToSortedList()) : Grade(compiled, inspections, skipped, bag, options);
    }

    /// <summary>Every inspection under the paths, sorted by file path then id, and every problem of every file.</summary>
    private static (List<(Inspection Inspection, string? ProposedFrom)>, List<SkippedFile>, DiagnosticBag) Read(Rulebook rulebook, IReadOnlyList<string> paths, BatchOptions options)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) };
        var bag = new DiagnosticBag();
        var skipped = new List<SkippedFile>();
        var inputs = BatchFiles.Find(paths, options.Limits, bag, skipped);

        var loaded = new (List<(Inspection Inspection, string? ProposedFrom)> Inspections, IReadOnlyList<Diagnostic> Diagnostics)[inputs.Count];
        var done = 0;
        Parallel.For(0, inputs.Count, parallel, i =>
        {
            loaded[i] = Load(inputs[i], rulebook, options.Limits);
            options.Progress?.Invoke(new BatchProgress(BatchStage.Loading, Interlocked.Increment(ref done), inputs.Count));
        });
        foreach (var (_, diagnostics) in loaded) bag.AddRange(diagnostics);
        var inspections = loaded
            .SelectMany(l => l.Inspections)
            .OrderBy(l => l.Inspection.Path, StringComparer.Ordinal)
            .ThenBy(l => l.Inspection.Id, StringComparer.Ordinal)
            .ToList();
        return (inspections, skipped, bag);
    }

    private static Result<BatchReport> Grade(
        CompiledRulebook compiled,
        List<(Inspection Inspection, string? ProposedFrom)> inspections,
        List<SkippedFile> skipped,
        DiagnosticBag bag,
        BatchOptions options)
    {
        var graded = new BatchInspection[inspections.Count];
        var done = 0;
        // The batch report never shows outlooks: GradeMany skips their search.
        GradingPipeline.GradeMany(compiled, [.. inspections.Select(x => x.Inspection)], options.MaxParallelism, (i, result) =>
        {
            graded[i] = new BatchInspection(result, inspections[i].ProposedFrom, Cells(compiled.Rulebook.Rulebook, result));
            options.Progress?.Invoke(new BatchProgress(BatchStage.Grading, Interlocked.Increment(ref done), inspections.Count));
        });

        var rulebook = compiled.Rulebook.Rulebook;
        var subjects = Subjects(rulebook);
        var agreement = ConsistencyAnalyzer.Agreement(subjects, graded);
        var all = new SubjectAgreement("all", agreement.Sum(a => a.Compared), agreement.Sum(a => a.Agreed));
        var report = new BatchReport(rulebook, graded, agreement, all,
            ConsistencyAnalyzer.Groups(rulebook, graded),
            ConsistencyAnalyzer.Disagreements(subjects, graded),
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());
        return Result<BatchReport>.Ok(report, bag.ToSortedList());
    }

    private static IReadOnlyList<string> Subjects(Rulebook rulebook) =>
        rulebook.Questions.Select(q => q.Id).Append(ProposedGrades.OverallKey).ToList();

    /// <summary>One file's inspections with the origin of their proposed grades, or its diagnostics; each file gets its own bag, so loads can run in parallel.</summary>
    private static (List<(Inspection, string?)>, IReadOnlyList<Diagnostic>) Load(BatchInput input, Rulebook rulebook, LoadLimits limits)
    {
        var bag = new DiagnosticBag();
        var found = new List<(Inspection, string?)>();
        if (input.IsCsv)
        {
            foreach (var inspection in CsvFindingsLoader.Load(input.Path, rulebook, limits, bag) ?? [])
            {
                found.Add((inspection, null));
            }
            return (found, bag.ToSortedList());
        }
        var loaded = InspectionLoader.Load(input.Path, rulebook, limits, bag);
        if (loaded is null || bag.HasErrors)
        {
            return (found, bag.ToSortedList());
        }
        if (loaded.Proposed is not null)
        {
            // The findings file's own `proposed:` block wins over a paired proposed-grades file.
            found.Add((loaded, input.Path));
        }
        else if (input.ProposedPath is not null)
        {
            var proposed = InspectionLoader.LoadProposed(input.ProposedPath, rulebook, loaded.Id, limits, bag);
            found.Add((loaded with { Proposed = proposed }, input.ProposedPath));
        }
        else
        {
            found.Add((loaded, null));
        }
        return (found, bag.ToSortedList());
    }

    private static List<BatchGrade> Cells(Rulebook rulebook, Rollup.GradingResult result)
    {
        var proposed = result.Inspection.Proposed?.Grades;
        Grade? Proposed(string subject) => proposed is not null && proposed.TryGetValue(subject, out var p) ? rulebook.Scale.Find(p.GradeId) : null;
        return result.Questions
            .Select(q => new BatchGrade(q.Question.Id, Proposed(q.Question.Id), q.Grade))
            .Append(new BatchGrade(ProposedGrades.OverallKey, Proposed(ProposedGrades.OverallKey), result.Overall.Grade))
            .ToList();
    }
}
