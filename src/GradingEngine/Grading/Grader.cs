using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Evaluate;
using GradingEngine.Explain;
using GradingEngine.Facts;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Trace;

namespace GradingEngine.Grading;

/// <summary>
/// The core's API: each step of grading composed from the stages, Load → Check → Compile once per rulebook, then
/// Evaluate → Roll up → Explain per inspection. Tooling and the facade call it; it calls neither.
/// </summary>
internal static class Grader
{
    /// <summary>Loads and checks a rulebook folder. Fails with every problem found, sorted by location.</summary>
    public static Result<CheckedRulebook> CheckRulebook(string directory, LoadLimits limits) =>
        CheckRulebook(RulebookSource.Folder(directory), limits);

    /// <summary>Loads and checks a rulebook from a folder or the embedded rulebooks. Fails with every problem found, sorted by location.</summary>
    /// <param name="proofs">Where proofs are kept: a rulebook whose content was proved before by this engine is not proved
    /// again, and one proved now is kept. Null proves every time.</param>
    public static Result<CheckedRulebook> CheckRulebook(RulebookSource source, LoadLimits limits, ProofCache? proofs = null)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(source, limits, bag);
        CheckedRulebook? checkedRulebook = null;
        if (rulebook is not null)
        {
            // Only an error-free load is worth a cache lookup: a broken one fails before the proofs anyway.
            var kept = proofs is null || bag.HasErrors ? null : proofs.Find(rulebook, source);
            checkedRulebook = RulebookChecker.Check(rulebook, bag, kept, out var proof);
            if (proofs is not null && kept is null && proof is not null) proofs.Keep(rulebook, source, proof);
        }
        return checkedRulebook is null || bag.HasErrors
            ? Result<CheckedRulebook>.Fail(bag.ToSortedList())
            : Result<CheckedRulebook>.Ok(checkedRulebook, bag.ToSortedList());
    }

    /// <summary>Loads, checks and compiles a rulebook folder.</summary>
    public static Result<CompiledRulebook> LoadRulebook(string directory, LoadLimits limits, ExpressionMode mode) =>
        LoadRulebook(RulebookSource.Folder(directory), limits, mode);

    /// <summary>Loads, checks and compiles a rulebook from a folder or the embedded rulebooks.</summary>
    /// <param name="proofs">Where proofs are kept (see <see cref="CheckRulebook(RulebookSource, LoadLimits, ProofCache?)"/>).</param>
    public static Result<CompiledRulebook> LoadRulebook(RulebookSource source, LoadLimits limits, ExpressionMode mode, ProofCache? proofs = null)
    {
        var checkedResult = CheckRulebook(source, limits, proofs);
        return checkedResult.Value is null
            ? Result<CompiledRulebook>.Fail(checkedResult.Diagnostics)
            : Result<CompiledRulebook>.Ok(RulebookCompiler.Compile(checkedResult.Value, mode), checkedResult.Diagnostics);
    }

    /// <summary>Reads one findings file of any format, typed against the rulebook: its one inspection, or for CSV each of them.</summary>
    public static Result<IReadOnlyList<Inspection>> LoadInspections(string path, Rulebook rulebook, LoadLimits limits)
    {
        var bag = new DiagnosticBag();
        var inspections = FindingsFile.Load(path, rulebook, limits, bag);
        return inspections is null || bag.HasErrors ? Result<IReadOnlyList<Inspection>>.Fail(bag.ToSortedList()) : Result<IReadOnlyList<Inspection>>.Ok(inspections, bag.ToSortedList());
    }

    /// <summary>Reads a findings file of any format that holds exactly one inspection, typed against the rulebook.</summary>
    public static Result<Inspection> LoadInspection(string path, Rulebook rulebook, LoadLimits limits)
    {
        var loaded = LoadInspections(path, rulebook, limits);
        if (!loaded.Succeeded) return Result<Inspection>.Fail(loaded.Diagnostics);
        if (loaded.Value!.Count == 1) return Result<Inspection>.Ok(loaded.Value[0], loaded.Diagnostics);
        var ids = string.Join(", ", loaded.Value.Select(i => $"`{i.Id}`"));
        return Result<Inspection>.Fail([.. loaded.Diagnostics, Diagnostic.Error(DiagnosticCodes.InvalidValue, SourceSpan.FileStart(path),
            $"the file holds {loaded.Value.Count} inspections ({ids}), where one is expected",
            "grade them all with `grading grade` or `grading batch`, or keep one inspection's rows in a file of its own")]);
    }

    /// <summary>
    /// The proposed grades to compare an inspection with: the file given, else the findings file's own `proposed:`,
    /// else the proposed-grades file paired with it by name (as `batch` pairs them). Fails when there are none.
    /// </summary>
    public static Result<ProposedGrades> FindProposed(string findingsPath, Inspection inspection, Rulebook rulebook, string? proposedPath, LoadLimits limits)
    {
        var paired = proposedPath is null && inspection.Proposed is null ? FindingsFile.ProposedFor(findingsPath) : null;
        var path = proposedPath ?? paired;
        var proposed = path is null ? Result<ProposedGrades>.Ok(inspection.Proposed ?? new ProposedGrades(new Dictionary<string, (string, SourceSpan)>()), [])
            : paired is null ? LoadProposed(path, rulebook, inspection.Id, limits)
            : LoadPaired(paired, rulebook, inspection.Id, limits);
        if (!proposed.Succeeded || proposed.Value!.Grades.Count > 0) return proposed;
        var hint = FindingsFile.IsCsv(findingsPath)
            ? "CSV findings pair with no proposed-grades file: pass `--proposed FILE`"
            : "add a `proposed:` map to the findings file, put `proposed.yaml` beside `findings.yaml` (`X.proposed.yaml` beside `X.findings.yaml`), or pass `--proposed FILE`";
        return Result<ProposedGrades>.Fail([Diagnostic.Error(DiagnosticCodes.MissingKey, SourceSpan.FileStart(path ?? findingsPath), "no proposed grades to validate", hint)]);
    }

    /// <summary>A proposed-grades file found beside the findings, which must lie inside their folder (as for a batch).</summary>
    private static Result<ProposedGrades> LoadPaired(string path, Rulebook rulebook, string inspectionId, LoadLimits limits)
    {
        var bag = new DiagnosticBag();
        var folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        var proposed = InspectionLoader.LoadProposed(path, rulebook, inspectionId, limits, bag, within: folder);
        return proposed is null || bag.HasErrors ? Result<ProposedGrades>.Fail(bag.ToSortedList()) : Result<ProposedGrades>.Ok(proposed, bag.ToSortedList());
    }

    /// <summary>Reads a separate proposed-grades file.</summary>
    public static Result<ProposedGrades> LoadProposed(string path, Rulebook rulebook, string? inspectionId, LoadLimits limits)
    {
        var bag = new DiagnosticBag();
        var proposed = InspectionLoader.LoadProposed(path, rulebook, inspectionId, limits, bag);
        return proposed is null || bag.HasErrors ? Result<ProposedGrades>.Fail(bag.ToSortedList()) : Result<ProposedGrades>.Ok(proposed, bag.ToSortedList());
    }

    /// <summary>Grades one inspection in its own NRules session and rolls it up.</summary>
    /// <param name="outlooks">Also work out why not higher and how close to lower (a search; batch grading skips it).</param>
    public static GradingResult Grade(CompiledRulebook rulebook, Inspection inspection, bool outlooks)
    {
        var result = ResultBuilder.Build(rulebook, InspectionEvaluator.Evaluate(rulebook, inspection));
        return outlooks ? result with { Outlooks = Outlooks.Compute(rulebook, result) } : result;
    }

    /// <summary>
    /// Grades many inspections without outlooks, each in its own NRules session, on up to <paramref name="maxParallelism"/>
    /// threads, a step of inspections at a time through the network side by side (<see cref="InspectionEvaluator.EvaluateInStep"/>).
    /// Each result, the one <see cref="Grade"/> gives, goes to <paramref name="graded"/> with its index, from any thread,
    /// as soon as its step is done: the caller keeps what it needs.
    /// </summary>
    public static void GradeMany(CompiledRulebook rulebook, IReadOnlyList<Inspection> inspections, int maxParallelism, Action<int, GradingResult> graded)
    {
        var size = InspectionEvaluator.StepSize;
        var steps = (inspections.Count + size - 1) / size;
        // Safe to run concurrently on one CompiledRulebook: each inspection gets its own session, and the
        // shared compiled delegates and model are read-only.
        Parallel.For(0, steps, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, s =>
        {
            var results = GradeStep(rulebook, [.. inspections.Skip(s * size).Take(size)]);
            for (var k = 0; k < results.Length; k++) graded(s * size + k, results[k]);
        });
    }

    /// <summary>
    /// The overall decision a grading rolls up from these question grades, one per question in rulebook order, every
    /// question graded: for testing a roll-up against grades published without their findings. A roll-up that counts
    /// findings counts none here.
    /// </summary>
    public static GradeDecision RollUp(CompiledRulebook rulebook, IReadOnlyList<Grade> grades)
    {
        var empty = OutcomeProfile.Of("", [], []);
        return ResultBuilder.RollUp(rulebook, [.. rulebook.Rulebook.Questions.Select((q, i) => new QuestionGradeFact(q.Id, grades[i].Rank, -1, empty))],
            OutcomeProfile.NoFindings(rulebook.Rulebook.Codebook));
    }

    /// <summary>How many inspections <see cref="GradeStep"/> best takes at a time.</summary>
    public const int StepSize = InspectionEvaluator.StepSize;

    /// <summary>Grades a few inspections side by side through the network, without outlooks; each result is the one <see cref="Grade"/> gives.</summary>
    public static GradingResult[] GradeStep(CompiledRulebook rulebook, IReadOnlyList<Inspection> inspections) =>
        [.. InspectionEvaluator.EvaluateInStep(rulebook, inspections).Select(e => ResultBuilder.Build(rulebook, e))];
}
