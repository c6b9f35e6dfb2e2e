using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Evaluate;
using GradingEngine.Explain;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Rollup;

namespace GradingEngine;

/// <summary>
/// The library's front door: Load → Check → Compile once per rulebook, then Evaluate → Roll up
/// per inspection. Every CLI verb is one of these calls plus a renderer.
/// </summary>
public static class GradingPipeline
{
    /// <summary>Loads, checks and compiles a rulebook folder. Fails with every problem found, sorted by location.</summary>
    public static Result<CompiledRulebook> LoadRulebook(string directory, LoadLimits? limits = null)
    {
        var checkedResult = CheckRulebook(directory, limits);
        return checkedResult.Value is null
            ? Result<CompiledRulebook>.Fail(checkedResult.Diagnostics)
            : Result<CompiledRulebook>.Ok(RulebookCompiler.Compile(checkedResult.Value), checkedResult.Diagnostics);
    }

    /// <summary>Loads and checks a rulebook without compiling it.</summary>
    public static Result<CheckedRulebook> CheckRulebook(string directory, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(directory, limits ?? LoadLimits.Default, bag);
        var checkedRulebook = rulebook is null ? null : RulebookChecker.Check(rulebook, bag);
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
    public static GradingResult Grade(CompiledRulebook rulebook, Inspection inspection) =>
        ResultBuilder.Build(rulebook, InspectionEvaluator.Evaluate(rulebook, inspection));

    /// <summary>Compares proposed grades with computed ones and explains each disagreement.</summary>
    public static Validation Validate(CompiledRulebook rulebook, GradingResult result, ProposedGrades proposed) =>
        Validator.Validate(rulebook, result, proposed);
}
