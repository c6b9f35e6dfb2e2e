using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Grading;
using GradingEngine.Tooling.Lint;
using GradingEngine.Explain;
using GradingEngine.Trace;
using GradingEngine.Load;
using GradingEngine.Model;
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
    public static Result<CompiledRulebook> LoadRulebook(string directory, LoadLimits? limits = null, ExpressionMode mode = ExpressionMode.Compiled) =>
        Grader.LoadRulebook(directory, limits ?? LoadLimits.Default, mode);

    /// <summary>Loads, checks and compiles a rulebook from a folder or the embedded rulebooks (<see cref="RulebookSource"/>).</summary>
    /// <param name="proofs">Where the proofs of rulebooks are kept by content, so that a rulebook proved once by this
    /// engine is not proved again (<see cref="ProofCache"/>); null, the default, proves it every time. Either way a
    /// rulebook whose proofs fail is refused with their errors.</param>
    public static Result<CompiledRulebook> LoadRulebook(RulebookSource source, LoadLimits? limits = null, ExpressionMode mode = ExpressionMode.Compiled, ProofCache? proofs = null) =>
        Grader.LoadRulebook(source, limits ?? LoadLimits.Default, mode, proofs);

    /// <summary>
    /// Writes an embedded rulebook out to edit, in the repository's layout: `DIRECTORY/rules/ID` and the seed its
    /// tests grade, `DIRECTORY/seeds/...`. All or nothing: no file is ever overwritten.
    /// </summary>
    public static Result<Tooling.Scaffold.WrittenRulebook> ExportRulebook(string id, string directory) =>
        Tooling.Scaffold.RulebookExport.Export(id, directory);

    /// <summary>Writes a minimal new rulebook into <paramref name="directory"/> that passes `rules check` and `rules test`; never overwrites a file.</summary>
    public static Result<Tooling.Scaffold.WrittenRulebook> InitRulebook(string directory) =>
        Tooling.Scaffold.RulebookTemplate.Write(directory);

    /// <summary>The rulebooks embedded in the engine: id, version and title of each, read from its own files.</summary>
    public static IReadOnlyList<Result<Rulebook>> EmbeddedRulebooks() =>
        [.. Load.EmbeddedRulebooks.Ids.Select(id =>
        {
            var bag = new DiagnosticBag();
            var rulebook = RulebookLoader.Load(RulebookSource.Embedded(id)!, LoadLimits.Default, bag);
            return rulebook is null || bag.HasErrors ? Result<Rulebook>.Fail(bag.ToSortedList()) : Result<Rulebook>.Ok(rulebook, bag.ToSortedList());
        })];

    /// <summary>The expression mode that suits grading this many inspections with one rulebook in a fresh process.</summary>
    public static ExpressionMode ModeFor(int inspections) => RulebookCompiler.ModeFor(inspections);

    /// <summary>Loads and checks a rulebook without compiling it.</summary>
    /// <param name="lint">Also look for criteria that can never be met or are always met: a search over small
    /// sets of findings, for `rules check`; grading does not need it.</param>
    public static Result<CheckedRulebook> CheckRulebook(string directory, LoadLimits? limits = null, bool lint = true) =>
        CheckRulebook(RulebookSource.Folder(directory), limits, lint);

    /// <summary>Loads and checks a rulebook from a folder or the embedded rulebooks, without compiling it.</summary>
    /// <param name="proofs">Where proofs are kept (see <see cref="LoadRulebook(RulebookSource, LoadLimits?, ExpressionMode, ProofCache?)"/>);
    /// null, the default, proves the rulebook, as `rules check` always does.</param>
    public static Result<CheckedRulebook> CheckRulebook(RulebookSource source, LoadLimits? limits = null, bool lint = true, ProofCache? proofs = null)
    {
        var result = Grader.CheckRulebook(source, limits ?? LoadLimits.Default, proofs);
        if (!lint || result.Value is not { } checkedRulebook) return result;
        var bag = new DiagnosticBag();
        bag.AddRange(result.Diagnostics);
        CriterionLint.Analyze(checkedRulebook.Criteria, checkedRulebook.Rulebook.Codebook, bag, checkedRulebook.Rulebook.Directory);
        return Result<CheckedRulebook>.Ok(checkedRulebook, bag.ToSortedList());
    }

    /// <summary>
    /// Compiles a checked rulebook for grading <paramref name="inspections"/>, and any other inspection coded with their
    /// indicators only: criteria that read none of those indicators are decided once, over no findings, instead of
    /// becoming rules, so a large rulebook costs a small inspection only what its findings touch. The grades and traces
    /// are those of <see cref="LoadRulebook(RulebookSource, LoadLimits?, ExpressionMode, ProofCache?)"/>'s full compile.
    /// </summary>
    public static CompiledRulebook CompileFor(CheckedRulebook rulebook, IEnumerable<Inspection> inspections, ExpressionMode mode = ExpressionMode.Interpreted) =>
        RulebookCompiler.Compile(rulebook, mode, inspections.SelectMany(i => i.Findings).Select(f => f.IndicatorId).ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads a findings file of any format (each inspection of a CSV file), typed against a checked rulebook.</summary>
    public static Result<IReadOnlyList<Inspection>> LoadInspections(string path, Rulebook rulebook, LoadLimits? limits = null) =>
        Grader.LoadInspections(path, rulebook, limits ?? LoadLimits.Default);

    /// <summary>Reads a findings file of any format that holds exactly one inspection, typed against a checked rulebook.</summary>
    public static Result<Inspection> LoadInspection(string path, Rulebook rulebook, LoadLimits? limits = null) =>
        Grader.LoadInspection(path, rulebook, limits ?? LoadLimits.Default);

    /// <summary>Reads a findings file (YAML, JSON or CSV) that holds one inspection, typed against the rulebook.</summary>
    public static Result<Inspection> LoadInspection(string path, CompiledRulebook rulebook, LoadLimits? limits = null) =>
        LoadInspection(path, rulebook.Rulebook, limits);

    /// <summary>Reads a findings file of any format: the one inspection of a YAML or JSON file, each inspection of a CSV file.</summary>
    public static Result<IReadOnlyList<Inspection>> LoadInspections(string path, CompiledRulebook rulebook, LoadLimits? limits = null) =>
        LoadInspections(path, rulebook.Rulebook, limits);

    /// <summary>
    /// The proposed grades to validate an inspection against: <paramref name="proposedPath"/> when given, else the
    /// findings file's own `proposed:`, else the proposed-grades file paired with it by name, as `batch` pairs them.
    /// </summary>
    public static Result<ProposedGrades> FindProposed(string findingsPath, Inspection inspection, CompiledRulebook rulebook, string? proposedPath = null, LoadLimits? limits = null) =>
        Grader.FindProposed(findingsPath, inspection, rulebook.Rulebook, proposedPath, limits ?? LoadLimits.Default);

    /// <summary>Reads a separate proposed-grades file.</summary>
    public static Result<ProposedGrades> LoadProposed(string path, CompiledRulebook rulebook, string? inspectionId, LoadLimits? limits = null) =>
        Grader.LoadProposed(path, rulebook.Rulebook, inspectionId, limits ?? LoadLimits.Default);

    /// <summary>Grades one inspection in its own NRules session, and rolls it up.</summary>
    /// <param name="outlooks">Also work out why not higher and how close to lower (a search; batch grading skips it).</param>
    public static GradingResult Grade(CompiledRulebook rulebook, Inspection inspection, bool outlooks = true) =>
        Grader.Grade(rulebook, inspection, outlooks);

    /// <summary>
    /// Grades many inspections without outlooks, each in its own NRules session, on up to
    /// <paramref name="maxParallelism"/> threads. Each result, the one <see cref="Grade"/> gives for that inspection,
    /// goes to <paramref name="graded"/> with its index in <paramref name="inspections"/>, from any thread, as soon as
    /// it is done: the caller keeps what it needs.
    /// </summary>
    public static void GradeMany(CompiledRulebook rulebook, IReadOnlyList<Inspection> inspections, int maxParallelism, Action<int, GradingResult> graded) =>
        Grader.GradeMany(rulebook, inspections, maxParallelism, graded);

    /// <summary>
    /// Runs a rulebook's own test cases (`tests/*.yaml` in the rulebook): compiles the rulebook once, grades
    /// every case, checks its expectations and measures coverage. Fails with every problem of the rulebook,
    /// or else of the test files; a failing case is a result, not a failure. An embedded rulebook's cases run
    /// on a copy written out with the seed they grade, its paths named as the embedded files.
    /// </summary>
    /// <param name="findingsRoot">A folder whose findings files the cases may name besides those inside the rulebook
    /// folder (an exported rulebook's cases grade the seed this way); no other file outside the rulebook folder is read.</param>
    public static Result<RuleTestReport> TestRulebook(RulebookSource source, LoadLimits? limits = null, string? findingsRoot = null) =>
        source.IsEmbedded ? Tooling.Scaffold.EmbeddedTests.Run(source.Location, limits) : TestRulebook(source.Location, limits, findingsRoot);

    /// <summary>Runs the test cases of a rulebook folder (see the other overload).</summary>
    public static Result<RuleTestReport> TestRulebook(string directory, LoadLimits? limits = null, string? findingsRoot = null) =>
        RuleTestRunner.Test(directory, limits ?? LoadLimits.Default, findingsRoot);

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
        Tooling.Batch.BatchRunner.Run(RulebookSource.Folder(rulesDirectory), paths, options);

    /// <summary>A batch graded with a rulebook from a folder or the embedded rulebooks (see the other overload).</summary>
    public static Result<Tooling.Batch.BatchReport> GradeBatch(RulebookSource rules, IReadOnlyList<string> paths, Tooling.Batch.BatchOptions? options = null) =>
        Tooling.Batch.BatchRunner.Run(rules, paths, options);

    /// <summary>Compares proposed grades with computed ones and explains each disagreement.</summary>
    public static Validation Validate(CompiledRulebook rulebook, GradingResult result, ProposedGrades proposed) =>
        Validator.Validate(rulebook, result, proposed);

    /// <summary>
    /// Two codings of one report compared (`grading agree A B`): their findings aligned by where their quotes
    /// are in the report, agreement on indicators (Cohen's kappa) and on judgements (weighted kappa, linear
    /// and quadratic), the grades each gives, every disagreement regraded both ways and ranked by what it does
    /// to the grades, and the smallest sets of disagreements behind each grade that differs. Fails with every
    /// diagnostic when the rulebook or either coding does not load, or when they quote different reports.
    /// </summary>
    public static Result<Tooling.Agreement.AgreementReport> Agree(string rulesDirectory, string codingA, string codingB, LoadLimits? limits = null) =>
        Agree(RulebookSource.Folder(rulesDirectory), codingA, codingB, limits);

    /// <summary>Two codings compared with a rulebook from a folder or the embedded rulebooks (see the other overload).</summary>
    public static Result<Tooling.Agreement.AgreementReport> Agree(RulebookSource rules, string codingA, string codingB, LoadLimits? limits = null, ProofCache? proofs = null) =>
        Tooling.Agreement.AgreementRunner.Compare(rules, codingA, codingB, limits, proofs);

    /// <summary>
    /// A quality-assurance sample (`grading agree --pairs DIR`): every pair of codings in the folder
    /// (`NAME.a.yaml` with `NAME.b.yaml`, or `a.yaml` with `b.yaml` in a folder of their own) compared as
    /// <see cref="Agree(string, string, string, LoadLimits?)"/> does, with the figures pooled over the pairs.
    /// </summary>
    public static Result<Tooling.Agreement.AgreementReport> AgreePairs(string rulesDirectory, string pairsFolder, LoadLimits? limits = null) =>
        AgreePairs(RulebookSource.Folder(rulesDirectory), pairsFolder, limits);

    /// <summary>A folder of coding pairs compared with a rulebook from a folder or the embedded rulebooks (see the other overload).</summary>
    public static Result<Tooling.Agreement.AgreementReport> AgreePairs(RulebookSource rules, string pairsFolder, LoadLimits? limits = null, ProofCache? proofs = null) =>
        Tooling.Agreement.AgreementRunner.CompareSample(rules, pairsFolder, limits, proofs);

    /// <summary>
    /// What changing a rulebook does: the two versions compared item by item, and each findings file
    /// graded under both with the causes of every grade that changed. Fails with every diagnostic when
    /// either rulebook, or any findings file under either rulebook, does not load.
    /// </summary>
    public static Result<RulebookDiff> DiffRulebooks(string oldDirectory, string newDirectory, IReadOnlyList<string> findingsPaths, LoadLimits? limits = null) =>
        RulebookDiffer.Diff(oldDirectory, newDirectory, findingsPaths, limits);
}
