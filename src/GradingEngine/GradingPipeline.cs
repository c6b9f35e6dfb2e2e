using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Evaluate;
using GradingEngine.Explain;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Tooling.RulebookDiff;
using GradingEngine.Tooling.RuleTests;

namespace GradingEngine;

/// <summary>
/// The library's front door: Load → Check → Compile once per rulebook, then Evaluate → Roll up
/// per inspection. Every CLI verb is one of these calls plus a renderer.
/// </summary>
public static class GradingPipeline
{
    /// <summary>Loads, checks and compiles a rulebook folder. Fails with every problem found, sorted by location.</summary>
    /// <param name="mode">Compiled (the default) for a process that grades many inspections; interpreted for a few,
    /// where the JIT would cost more than it saves (see <see cref="ExpressionMode"/>). The grades are the same.</param>
    public static Result<CompiledRulebook> LoadRulebook(string directory, LoadLimits? limits = null, ExpressionMode mode = ExpressionMode.Compiled)
    {
        var checkedResult = CheckRulebook(directory, limits, lint: false);
        return checkedResult.Value is null
            ? Result<CompiledRulebook>.Fail(checkedResult.Diagnostics)
            : Result<CompiledRulebook>.Ok(RulebookCompiler.Compile(checkedResult.Value, mode), checkedResult.Diagnostics);
    }

    /// <summary>Loads and checks a rulebook without compiling it.</summary>
    /// <param name="lint">Also look for criteria that can never be met or are always met: a search over small
    /// sets of findings, for `rules check`; grading does not need it.</param>
    public static Result<CheckedRulebook> CheckRulebook(string directory, LoadLimits? limits = null, bool lint = true)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(directory, limits ?? LoadLimits.Default, bag);
        var checkedRulebook = rulebook is null ? null : RulebookChecker.Check(rulebook, bag, lint);
        return checkedRulebook is null || bag.HasErrors
            ? Result<CheckedRulebook>.Fail(bag.ToSortedList())
            : Result<CheckedRulebook>.Ok(checkedRulebook, bag.ToSortedList());
    }

    /// <summary>Reads one findings file, typed against the rulebook.</summary>
    public static Result<Inspection> LoadInspection(string path, CompiledRulebook rulebook, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var inspection = InspectionLoader.Load(path, rulebook.Rulebook.Rulebook, limits ?? LoadLimits.Default, bag);
        return inspection is null || bag.HasErrors ? Result<Inspection>.Fail(bag.ToSortedList()) : Result<Inspection>.Ok(inspection, bag.ToSortedList());
    }

    /// <summary>Reads a separate proposed-grades file.</summary>
    public static Result<ProposedGrades> LoadProposed(string path, CompiledRulebook rulebook, string? inspectionId, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var proposed = InspectionLoader.LoadProposed(path, rulebook.Rulebook.Rulebook, inspectionId, limits ?? LoadLimits.Default, bag);
        return proposed is null || bag.HasErrors ? Result<ProposedGrades>.Fail(bag.ToSortedList()) : Result<ProposedGrades>.Ok(proposed, bag.ToSortedList());
    }

    /// <summary>Grades one inspection in its own NRules session.</summary>
    /// <param name="outlooks">Also work out why not higher and how close to lower (a search; batch grading skips it).</param>
    public static GradingResult Grade(CompiledRulebook rulebook, Inspection inspection, bool outlooks = true)
    {
        var result = ResultBuilder.Build(rulebook, InspectionEvaluator.Evaluate(rulebook, inspection));
        return outlooks ? result with { Outlooks = Outlooks.Compute(rulebook, result) } : result;
    }

    /// <summary>
    /// Grades many inspections without outlooks, each in its own NRules session, on up to
    /// <paramref name="maxParallelism"/> threads. Each thread takes a step of inspections through the
    /// network side by side (<see cref="InspectionEvaluator.EvaluateInStep"/>, faster on large rulebooks).
    /// Each result, the one <see cref="Grade"/> gives for that inspection, goes to <paramref name="graded"/>
    /// with its index in <paramref name="inspections"/>, from any thread, as soon as its step is done:
    /// the caller keeps what it needs (holding every full result alive made the collector copy them).
    /// </summary>
    public static void GradeMany(CompiledRulebook rulebook, IReadOnlyList<Inspection> inspections, int maxParallelism, Action<int, GradingResult> graded)
    {
        var size = InspectionEvaluator.StepSize;
        var steps = (inspections.Count + size - 1) / size;
        // Safe to run concurrently on one CompiledRulebook: each inspection gets its own session, and the
        // shared compiled delegates and model are read-only.
        Parallel.For(0, steps, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, s =>
        {
            var evaluations = InspectionEvaluator.EvaluateInStep(rulebook, [.. inspections.Skip(s * size).Take(size)]);
            for (var k = 0; k < evaluations.Length; k++)
            {
                graded(s * size + k, ResultBuilder.Build(rulebook, evaluations[k]));
            }
        });
    }

    /// <summary>
    /// Runs a rulebook's own test cases (`tests/*.yaml` in <paramref name="directory"/>): compiles the
    /// rulebook once, grades every case, checks its expectations and measures coverage. Fails with
    /// every problem of the rulebook, or else of the test files; a failing case is a result, not a failure.
    /// </summary>
    public static Result<RuleTestReport> TestRulebook(string directory, LoadLimits? limits = null)
    {
        // A suite is a few dozen cases: interpreting them is quicker than JIT-compiling every condition.
        var compiled = LoadRulebook(directory, limits, ExpressionMode.Interpreted);
        if (!compiled.Succeeded)
        {
            return Result<RuleTestReport>.Fail(compiled.Diagnostics);
        }
        var bag = new DiagnosticBag();
        var suite = RuleTestLoader.Load(directory, compiled.Value!.Rulebook.Rulebook, limits ?? LoadLimits.Default, bag);
        if (suite is null || bag.HasErrors)
        {
            return Result<RuleTestReport>.Fail(bag.ToSortedList());
        }
        bag.AddRange(compiled.Diagnostics);
        return Result<RuleTestReport>.Ok(RuleTestRunner.Run(compiled.Value, suite), bag.ToSortedList());
    }

    /// <summary>The self-contained decision record of a grading, or null with the reason (an input changed on disk meanwhile).</summary>
    public static string? WriteRecord(GradingResult result, out string? problem) =>
        Tooling.Records.DecisionRecordWriter.Write(result, out problem);

    /// <summary>Re-grades a decision record from the inputs it holds, or from the files given instead, and says what differs.</summary>
    public static Tooling.Records.RecordVerification VerifyRecord(string recordPath, string? rulesDirectory = null, string? findingsPath = null) =>
        Tooling.Records.RecordVerifier.Verify(recordPath, rulesDirectory, findingsPath);

    /// <summary>
    /// Grades every inspection found under <paramref name="paths"/> (findings files, or folders searched
    /// recursively) with one compiled rulebook, in parallel, and compares them: agreement with proposed
    /// grades, like cases proposed unlike, and disagreements ranked by distance. Fails with every
    /// diagnostic of every file when any does not load. The report does not depend on the parallelism.
    /// </summary>
    public static Result<Tooling.Batch.BatchReport> GradeBatch(string rulesDirectory, IReadOnlyList<string> paths, Tooling.Batch.BatchOptions? options = null) =>
        Tooling.Batch.BatchRunner.Run(rulesDirectory, paths, options);

    /// <summary>Compares proposed grades with computed ones and explains each disagreement.</summary>
    public static Validation Validate(CompiledRulebook rulebook, GradingResult result, ProposedGrades proposed) =>
        Validator.Validate(rulebook, result, proposed);

    /// <summary>
    /// What changing a rulebook does: the two versions compared item by item, and each findings file
    /// graded under both with the causes of every grade that changed. Fails with every diagnostic when
    /// either rulebook, or any findings file under either rulebook, does not load.
    /// </summary>
    public static Result<RulebookDiff> DiffRulebooks(string oldDirectory, string newDirectory, IReadOnlyList<string> findingsPaths, LoadLimits? limits = null) =>
        RulebookDiffer.Diff(oldDirectory, newDirectory, findingsPaths, limits);
}
