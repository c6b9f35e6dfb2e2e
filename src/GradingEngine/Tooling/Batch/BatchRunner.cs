using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Trace;
using GradingEngine.Grading;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Grades many inspections with one compiled rulebook: the session factory is built once and every
/// inspection gets its own NRules session from it. Files are read and graded as a stream, a step of
/// files at a time on each thread, and only what the report needs of each result is kept (see
/// <see cref="BatchInspection"/>), so memory does not grow with the findings of a national corpus.
/// Every problem of every file is collected before giving up. Results are sorted by file path then
/// inspection id before anything is compared, so the report is the same for any parallelism.
/// </summary>
internal static class BatchRunner
{
    /// <summary>
    /// Checks the rulebook, finds the files under <paramref name="paths"/>, compiles the rulebook once in the
    /// mode that suits that many (<see cref="BatchOptions.ModeFor"/>), then reads and grades them.
    /// </summary>
    public static Result<BatchReport> Run(RulebookSource rules, IReadOnlyList<string> paths, BatchOptions? options = null)
    {
        options ??= new BatchOptions();
        var checkedRulebook = Grader.CheckRulebook(rules, options.Limits, options.Proofs);
        if (!checkedRulebook.Succeeded)
        {
            return Result<BatchReport>.Fail(checkedRulebook.Diagnostics);
        }
        var bag = new DiagnosticBag();
        var skipped = new List<SkippedFile>();
        var inputs = BatchFiles.Find(paths, options.Limits, bag, skipped);
        // One findings file is one inspection but for CSV, which may hold many: the count of files stands in.
        var compiled = RulebookCompiler.Compile(checkedRulebook.Value!, options.ModeFor(inputs.Count));
        return Grade(compiled, inputs, skipped, bag, options);
    }

    /// <summary>Grades every inspection found under <paramref name="paths"/> with an already compiled rulebook.</summary>
    public static Result<BatchReport> Run(CompiledRulebook compiled, IReadOnlyList<string> paths, BatchOptions? options = null)
    {
        options ??= new BatchOptions();
        var bag = new DiagnosticBag();
        var skipped = new List<SkippedFile>();
        var inputs = BatchFiles.Find(paths, options.Limits, bag, skipped);
        return Grade(compiled, inputs, skipped, bag, options);
    }

    private static Result<BatchReport> Grade(CompiledRulebook compiled, List<BatchInput> inputs, List<SkippedFile> skipped, DiagnosticBag bag, BatchOptions options)
    {
        var rulebook = compiled.Rulebook;
        // Steps of files: a step's inspections go through the network side by side (Grader.GradeStep).
        var size = Grader.StepSize;
        var steps = (inputs.Count + size - 1) / size;
        var diagnostics = new IReadOnlyList<Diagnostic>[inputs.Count];
        var graded = new List<BatchInspection>[steps];
        var read = 0;
        var done = 0;
        // Once any file is invalid the batch fails: later files are still read, for their diagnostics, but not graded.
        var failed = bag.HasErrors;
        Parallel.For(0, steps, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, s =>
        {
            var inspections = new List<(Inspection Inspection, string? ProposedFrom)>();
            var (first, end) = (s * size, Math.Min(inputs.Count, (s + 1) * size));
            for (var i = first; i < end; i++)
            {
                var (found, problems) = Load(inputs[i], rulebook, options.Limits);
                diagnostics[i] = problems;
                if (problems.Any(d => d.IsError)) Volatile.Write(ref failed, true);
                inspections.AddRange(found);
                options.Progress?.Invoke(new BatchProgress(BatchStage.Loading, Interlocked.Increment(ref read), inputs.Count));
            }
            graded[s] = [];
            if (Volatile.Read(ref failed)) return;
            var results = Grader.GradeStep(compiled, [.. inspections.Select(x => x.Inspection)]);
            for (var k = 0; k < results.Length; k++)
            {
                // The batch report never shows outlooks, evidence or messages: keep only what it compares.
                graded[s].Add(BatchInspection.Of(results[k], inspections[k].ProposedFrom));
            }
            options.Progress?.Invoke(new BatchProgress(BatchStage.Grading, Interlocked.Add(ref done, end - first), inputs.Count));
        });
        foreach (var problems in diagnostics) bag.AddRange(problems);
        if (bag.HasErrors)
        {
            return Result<BatchReport>.Fail(bag.ToSortedList());
        }

        var all = graded
            .SelectMany(g => g)
            .OrderBy(g => g.Path, StringComparer.Ordinal)
            .ThenBy(g => g.Id, StringComparer.Ordinal)
            .ToList();
        var subjects = BatchReport.SubjectsOf(rulebook);
        var agreement = ConsistencyAnalyzer.Agreement(subjects, all);
        var overall = new SubjectAgreement("all", agreement.Sum(a => a.Compared), agreement.Sum(a => a.Agreed), agreement.Sum(a => a.NotGraded));
        var report = new BatchReport(rulebook, all, agreement, overall,
            ConsistencyAnalyzer.Groups(rulebook, all),
            ConsistencyAnalyzer.Disagreements(subjects, all),
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());
        return Result<BatchReport>.Ok(report, bag.ToSortedList());
    }

    /// <summary>One file's inspections with the origin of their proposed grades, or its diagnostics; each file gets its own bag, so loads can run in parallel.</summary>
    private static (List<(Inspection, string?)>, IReadOnlyList<Diagnostic>) Load(BatchInput input, Rulebook rulebook, LoadLimits limits)
    {
        var bag = new DiagnosticBag();
        var found = new List<(Inspection, string?)>();
        var loaded = FindingsFile.Load(input.Path, rulebook, limits, bag);
        if (loaded is null || bag.HasErrors)
        {
            return (found, bag.ToSortedList());
        }
        foreach (var inspection in loaded)
        {
            if (inspection.Proposed is not null)
            {
                // The findings file's own `proposed:` block wins over a paired proposed-grades file.
                found.Add((inspection, input.Path));
            }
            else if (input.ProposedPath is not null)
            {
                var folder = Path.GetDirectoryName(input.ProposedPath) is { Length: > 0 } d ? d : ".";
                var proposed = InspectionLoader.LoadProposed(input.ProposedPath, rulebook, inspection.Id, limits, bag, within: folder);
                found.Add((inspection with { Proposed = proposed }, input.ProposedPath));
            }
            else
            {
                found.Add((inspection, null));
            }
        }
        return (found, bag.ToSortedList());
    }
}
