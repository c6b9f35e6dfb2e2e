using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Model;
using GradingEngine.Render;

namespace GradingEngine.Cli;

/// <summary>What every verb shares: the two writers, diagnostics printing, and writing an output file only on success.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>The rulebook shipped beside the tool, used when `--rules` is not given.</summary>
    public static string DefaultRules => Path.Combine(AppContext.BaseDirectory, "rules", "peel-2015-effectiveness");

    /// <summary>The seed findings shipped beside the tool, which the shipped rulebook's own tests grade.</summary>
    public static string DefaultSeeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    public ExitCode Fail(IEnumerable<Diagnostic> diagnostics)
    {
        DiagnosticFormatter.Write(Error, diagnostics);
        return ExitCode.InvalidInput;
    }

    /// <summary>Compiled in the mode that suits grading <paramref name="inspections"/> (usually interpreted: see <see cref="GradingPipeline.ModeFor"/>).</summary>
    public CompiledRulebook? LoadRulebook(string? directory, int inspections = 1)
    {
        var result = GradingPipeline.LoadRulebook(directory ?? DefaultRules, mode: GradingPipeline.ModeFor(inspections));
        if (!result.Succeeded)
        {
            Fail(result.Diagnostics);
            return null;
        }
        return result.Value;
    }

    /// <summary>Loads every findings file, reporting the problems of all of them before giving up.</summary>
    public IReadOnlyList<Inspection>? LoadInspections(CompiledRulebook rulebook, IEnumerable<string> paths)
    {
        var inspections = new List<Inspection>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var result = GradingPipeline.LoadInspection(path, rulebook);
            if (result.Succeeded) inspections.Add(result.Value!);
            problems.AddRange(result.Diagnostics);
        }
        if (problems.Any(d => d.IsError))
        {
            Fail(problems);
            return null;
        }
        return inspections;
    }

    /// <summary>The path that means standard output, for options that name an output file.</summary>
    public const string StandardOutput = "-";

    /// <summary>Writes to stdout (no path, or `-`), or replaces <paramref name="path"/> whole: never a partial output file.</summary>
    public ExitCode Emit(string text, string? path, ExitCode code = ExitCode.Success)
    {
        if (path is null or StandardOutput)
        {
            Out.Write(text);
            return code;
        }
        var bag = new DiagnosticBag();
        return OutputFile.Write(path, text, bag) ? code : Fail(bag.ToSortedList());
    }

    /// <summary>A usage problem that is not about a file's content: `error: message` and exit 2.</summary>
    public ExitCode Usage(string message)
    {
        Error.Write($"error: {TerminalText.Escape(message)}\n");
        return ExitCode.InvalidInput;
    }
}
