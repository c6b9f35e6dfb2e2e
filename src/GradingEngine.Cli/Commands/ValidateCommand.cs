using System.CommandLine;
using GradingEngine.Diagnostics;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading validate FINDINGS [--proposed FILE]`: exit 1 when a proposed grade disagrees.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var findings = new Argument<string>("FINDINGS") { Description = "Findings file (YAML or JSON)" };
        var proposed = new Option<string?>("--proposed") { Description = "Proposed grades file (`grades:` map); default: the findings file's `proposed:`", HelpName = "FILE" };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Output();
        var command = new Command("validate", "Compare proposed grades with the computed ones and explain each difference") { findings, proposed, rules, format, output };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(findings)!, parse.GetValue(proposed), parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string path, string? proposedPath, string? rulesDir, string format, string? output)
    {
        var rulebook = cli.LoadRulebook(rulesDir);
        if (rulebook is null) return ExitCode.InvalidInput;
        var inspections = cli.LoadInspections(rulebook, [path]);
        if (inspections is null) return ExitCode.InvalidInput;
        var inspection = inspections[0];
        var proposed = inspection.Proposed;
        if (proposedPath is not null)
        {
            var loaded = GradingPipeline.LoadProposed(proposedPath, rulebook, inspection.Id);
            if (!loaded.Succeeded) return cli.Fail(loaded.Diagnostics);
            proposed = loaded.Value;
        }
        if (proposed is null || proposed.Grades.Count == 0)
        {
            return cli.Fail([Diagnostic.Error(DiagnosticCodes.MissingKey, SourceSpan.FileStart(path), "no proposed grades to validate",
                "add a `proposed:` map to the findings file, or pass `--proposed FILE`")]);
        }
        var validation = GradingPipeline.Validate(rulebook, GradingPipeline.Grade(rulebook, inspection), proposed);
        var text = format == "json" ? ValidationRenderer.RenderJson(validation) : ValidationRenderer.RenderText(validation);
        return cli.Emit(text, output, validation.AllAgree ? ExitCode.Success : ExitCode.Disagree);
    }
}
