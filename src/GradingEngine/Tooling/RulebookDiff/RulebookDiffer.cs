using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// Loads both rulebooks and every findings file under each, then diffs the rulebooks and regrades.
/// Any problem in any input fails the whole diff with every diagnostic: a partial regrading
/// could hide exactly the grade change the diff is for.
/// </summary>
public static class RulebookDiffer
{
    public static Result<RulebookDiff> Diff(string oldDirectory, string newDirectory, IReadOnlyList<string> findingsPaths, LoadLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var old = GradingPipeline.CheckRulebook(oldDirectory, limits, lint: false);
        var @new = GradingPipeline.CheckRulebook(newDirectory, limits, lint: false);
        diagnostics.AddRange(old.Diagnostics);
        diagnostics.AddRange(@new.Diagnostics);
        if (!old.Succeeded || !@new.Succeeded)
        {
            return Result<RulebookDiff>.Fail(DiagnosticBag.Sort(diagnostics));
        }
        var inspections = new List<(Inspection Old, Inspection New)>();
        foreach (var path in findingsPaths)
        {
            var bag = new DiagnosticBag();
            var underOld = InspectionLoader.Load(path, old.Value!.Rulebook, limits ?? LoadLimits.Default, bag);
            var underNew = InspectionLoader.Load(path, @new.Value!.Rulebook, limits ?? LoadLimits.Default, bag);
            diagnostics.AddRange(bag.ToSortedList());
            if (underOld is not null && underNew is not null && !bag.HasErrors)
            {
                inspections.Add((underOld, underNew));
            }
        }
        var sorted = DiagnosticBag.Sort(diagnostics);
        if (sorted.Any(d => d.IsError))
        {
            return Result<RulebookDiff>.Fail(sorted);
        }
        // Compiled once the number of past gradings to redo is known, in the mode that suits it.
        var mode = RulebookCompiler.ModeFor(inspections.Count);
        return Result<RulebookDiff>.Ok(Compare(RulebookCompiler.Compile(old.Value!, mode), RulebookCompiler.Compile(@new.Value!, mode), inspections), sorted);
    }

    private static RulebookDiff Compare(CompiledRulebook old, CompiledRulebook @new, IReadOnlyList<(Inspection Old, Inspection New)> inspections)
    {
        var structure = StructuralDiffer.Diff(old.Rulebook.Rulebook, @new.Rulebook.Rulebook);
        var regrades = inspections
            .Select(i => Regrader.Compare(GradingPipeline.Grade(old, i.Old), GradingPipeline.Grade(@new, i.New), structure))
            .ToList();
        return new RulebookDiff(Identity(old.Rulebook.Rulebook), Identity(@new.Rulebook.Rulebook), structure, regrades);
    }

    private static RulebookIdentity Identity(Rulebook rulebook) => new(rulebook.Id, rulebook.Version, rulebook.Title, rulebook.ContentHash);
}
