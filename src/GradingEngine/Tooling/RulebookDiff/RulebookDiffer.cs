using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Grading;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// Checks both rulebooks, diffs them, then reads every findings file under each and regrades it, the
/// files in parallel, keeping only each file's regrade (a diff over a national corpus holds no findings).
/// Any problem in any input fails the whole diff with every diagnostic: a partial regrading could hide
/// exactly the grade change the diff is for.
/// </summary>
internal static class RulebookDiffer
{
    public static Result<RulebookDiff> Diff(string oldDirectory, string newDirectory, IReadOnlyList<string> findingsPaths, LoadLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var old = Grader.CheckRulebook(oldDirectory, limits ?? LoadLimits.Default);
        var @new = Grader.CheckRulebook(newDirectory, limits ?? LoadLimits.Default);
        diagnostics.AddRange(old.Diagnostics);
        diagnostics.AddRange(@new.Diagnostics);
        if (!old.Succeeded || !@new.Succeeded)
        {
            return Result<RulebookDiff>.Fail(DiagnosticBag.Sort(diagnostics));
        }
        var mode = RulebookCompiler.ModeFor(findingsPaths.Count);
        var (oldCompiled, newCompiled) = (RulebookCompiler.Compile(old.Value!, mode), RulebookCompiler.Compile(@new.Value!, mode));
        var structure = StructuralDiffer.Diff(old.Value!.Rulebook, @new.Value!.Rulebook);
        var problems = new IReadOnlyList<Diagnostic>[findingsPaths.Count];
        var regrades = new InspectionRegrade[findingsPaths.Count][];
        // Once any file is invalid the diff fails: later files are still read, for their diagnostics, but not graded.
        var failed = false;
        Parallel.For(0, findingsPaths.Count, i =>
        {
            var bag = new DiagnosticBag();
            // Any findings format: a CSV file gives each of its inspections, in file order.
            var underOld = FindingsFile.Load(findingsPaths[i], old.Value!.Rulebook, limits ?? LoadLimits.Default, bag);
            var underNew = FindingsFile.Load(findingsPaths[i], @new.Value!.Rulebook, limits ?? LoadLimits.Default, bag);
            problems[i] = bag.ToSortedList();
            if (underOld is null || underNew is null || bag.HasErrors) Volatile.Write(ref failed, true);
            if (Volatile.Read(ref failed)) return;
            // The regrade compares grades, deciding rows and criteria: no outlooks.
            regrades[i] = [.. underOld!.Zip(underNew!, (o, n) => Regrader.Compare(
                Grader.Grade(oldCompiled, o, outlooks: false),
                Grader.Grade(newCompiled, n, outlooks: false),
                structure))];
        });
        foreach (var p in problems) diagnostics.AddRange(p);
        var sorted = DiagnosticBag.Sort(diagnostics);
        if (failed || sorted.Any(d => d.IsError))
        {
            return Result<RulebookDiff>.Fail(sorted);
        }
        return Result<RulebookDiff>.Ok(new RulebookDiff(Identity(old.Value.Rulebook), Identity(@new.Value.Rulebook), structure, [.. regrades.SelectMany(r => r)]), sorted);
    }

    private static RulebookIdentity Identity(Rulebook rulebook) => new(rulebook.Id, rulebook.Version, rulebook.Title, rulebook.ContentHash);
}
