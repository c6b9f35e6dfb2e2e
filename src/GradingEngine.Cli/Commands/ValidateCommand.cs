using System.CommandLine;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading validate FINDINGS [--proposed FILE]`: exit 1 when a proposed grade disagrees.</summary>
internal static class ValidateCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading validate findings.yaml", "against the file's own `proposed:`, else proposed.yaml beside it"),
            ("grading validate findings.csv --proposed proposed.yaml", "CSV findings take their proposed grades from --proposed"),
        ],
        [(ExitCode.Success, "every proposed grade agrees"), (ExitCode.Disagree, "some proposed grade differs"), (ExitCode.InvalidInput, "invalid input, usage, or no proposed grades")]);

    public static Command Create(CliContext cli)
    {
        var findings = new Argument<string>("FINDINGS") { Description = "Findings file (YAML, JSON or CSV) of one inspection" };
        var proposed = new Option<string?>("--proposed") { Description = "Proposed grades file (`grades:` map); default: the findings file's `proposed:`, else `proposed.yaml` beside `findings.yaml` (`X.proposed.yaml` beside `X.findings.yaml`), as batch pairs them", HelpName = "FILE" };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Output();
        var command = new Command("validate", "Compare proposed grades with the computed ones and explain each difference") { findings, proposed, rules, format, output };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(findings)!, parse.GetValue(proposed), parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string path, string? proposedPath, string? rulesDir, string format, string? output)
    {
        if (cli.LoadForGrading(rulesDir, [path], single: true) is not var (rulebook, inspections)) return ExitCode.InvalidInput;
        var inspection = inspections[0];
        var proposed = GradingPipeline.FindProposed(path, inspection, rulebook, proposedPath);
        if (!proposed.Succeeded) return cli.Fail(proposed.Diagnostics);
        var validation = GradingPipeline.Validate(rulebook, GradingPipeline.Grade(rulebook, inspection), proposed.Value!);
        var text = format == "json" ? ValidationRenderer.RenderJson(validation) : ValidationRenderer.RenderText(validation);
        return cli.Emit(text, output, validation.AllAgree ? ExitCode.Success : ExitCode.Disagree);
    }
}
