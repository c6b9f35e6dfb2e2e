using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Grading;
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
    /// Where grading verbs keep rulebook proofs: `GRADING_CACHE_DIR`, else the XDG cache folder, else `~/.cache`
    /// (docs/cli.md, "Proof cache"). `rules check` and `rules test` never read it: they always prove.
    /// </summary>
    public ProofCache? Proofs { get; init; } = ProofCache.ForUser(
        Environment.GetEnvironmentVariable("GRADING_CACHE_DIR"),
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
        Environment.GetEnvironmentVariable("HOME"));

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

    /// <summary>
    /// The rulebook `--rules` names, checked (its proofs kept in <see cref="Proofs"/>), the inspections of every findings
    /// file (the problems of all of them before giving up; with <paramref name="single"/>, each file must hold one), and the
    /// rulebook compiled for those inspections' indicators only (<see cref="GradingPipeline.CompileFor"/>).
    /// </summary>
    public (CompiledRulebook Rulebook, IReadOnlyList<Inspection> Inspections)? LoadForGrading(string? directory, IReadOnlyList<string> paths, bool single = false)
    {
        var checkedRulebook = GradingPipeline.CheckRulebook(Rules(directory), lint: false, proofs: Proofs);
        if (!checkedRulebook.Succeeded)
        {
            Fail(checkedRulebook.Diagnostics);
            return null;
        }
        var rulebook = checkedRulebook.Value!.Rulebook;
        var inspections = new List<Inspection>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (single)
            {
                var one = GradingPipeline.LoadInspection(path, rulebook);
                if (one.Succeeded) inspections.Add(one.Value!);
                problems.AddRange(one.Diagnostics);
                continue;
            }
            var result = GradingPipeline.LoadInspections(path, rulebook);
            if (result.Succeeded) inspections.AddRange(result.Value!);
            problems.AddRange(result.Diagnostics);
        }
        if (problems.Any(d => d.IsError))
        {
            Fail(problems);
            return null;
        }
        return (GradingPipeline.CompileFor(checkedRulebook.Value, inspections, GradingPipeline.ModeFor(inspections.Count)), inspections);
    }

    /// <summary>
    /// The text layout for this run: the terminal's width when writing to the real standard output and it is a
    /// terminal (as Spectre.Console detects it), else the fixed default, so files and pipes get the same bytes.
    /// </summary>
    public TextLayout Layout(string? output, bool brief = false) =>
        new(output is null && ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected
            ? TextLayout.ForTerminal(Spectre.Console.AnsiConsole.Profile.Width)
            : TextLayout.DefaultWidth, brief);

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

