using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Render;

namespace GradingEngine.Cli;

/// <summary>What every verb shares: the two writers, diagnostics printing, and writing an output file only on success.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// The rulebook `--rules` names: a folder, else the id of a rulebook embedded in the engine; without
    /// `--rules`, the embedded PEEL 2015 rulebook, so a single copied executable grades.
    /// </summary>
    public static RulebookSource Rules(string? option) =>
        option is null ? RulebookSource.Default
        : !Directory.Exists(option) && RulebookSource.Embedded(option) is { } embedded ? embedded
        : RulebookSource.Folder(option);

    public ExitCode Fail(IEnumerable<Diagnostic> diagnostics)
    {
        DiagnosticFormatter.Write(Error, diagnostics);
        return ExitCode.InvalidInput;
    }

    /// <summary>Compiled in the mode that suits grading <paramref name="inspections"/> (usually interpreted: see <see cref="GradingPipeline.ModeFor"/>).</summary>
    public CompiledRulebook? LoadRulebook(string? directory, int inspections = 1)
    {
        var result = GradingPipeline.LoadRulebook(Rules(directory), mode: GradingPipeline.ModeFor(inspections));
        if (!result.Succeeded)
        {
            Fail(result.Diagnostics);
            return null;
        }
        return result.Value;
    }

    /// <summary>Loads every findings file (YAML, JSON or CSV, each inspection of a CSV), reporting the problems of all of them before giving up.</summary>
    public IReadOnlyList<Inspection>? LoadInspections(CompiledRulebook rulebook, IEnumerable<string> paths)
    {
        // The problems of every file at once, as for a batch.
        var inspections = new List<Inspection>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var result = GradingPipeline.LoadInspections(path, rulebook);
            if (result.Succeeded) inspections.AddRange(result.Value!);
            problems.AddRange(result.Diagnostics);
        }
        if (problems.Any(d => d.IsError))
        {
            Fail(problems);
            return null;
        }
        return inspections;
    }

    /// <summary>
    /// The text layout for this run: the terminal's width when writing to the real standard output and it is a
    /// terminal (as Spectre.Console detects it), else the fixed default, so files and pipes get the same bytes.
    /// </summary>
    public TextLayout Layout(string? output, bool brief = false) =>
        new(output is null && ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected
            ? TextLayout.ForTerminal(Spectre.Console.AnsiConsole.Profile.Width)
            : TextLayout.DefaultWidth, brief);

    /// <summary>The one inspection of a findings file of any format, for the verbs that take one.</summary>
    public Inspection? LoadInspection(CompiledRulebook rulebook, string path)
    {
        var result = GradingPipeline.LoadInspection(path, rulebook);
        if (result.Succeeded) return result.Value;
        Fail(result.Diagnostics);
        return null;
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

