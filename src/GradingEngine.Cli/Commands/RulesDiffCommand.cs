using System.CommandLine;
using GradingEngine.Render;
using GradingEngine.Tooling.RulebookDiff;

namespace GradingEngine.Cli.Commands;

/// <summary>
/// `grading rules diff OLD_DIR NEW_DIR FINDINGS...`: what a rulebook change does to past gradings.
/// Exit 1 when any grade changes, so a pull request that changes grades can be gated.
/// </summary>
internal static class RulesDiffCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading rules diff old-rules/ new-rules/ inspections/*.yaml", "what changed, and every grade it changes with its causes"),
        ],
        [(ExitCode.Success, "no grade changed"), (ExitCode.Disagree, "some grade changed"), (ExitCode.InvalidInput, "invalid input or usage")]);

    public static Command Create(CliContext cli)
    {
        var oldDir = new Argument<string>("OLD_DIR") { Description = "The rulebook folder before the change" };
        var newDir = new Argument<string>("NEW_DIR") { Description = "The rulebook folder after the change" };
        var findings = new Argument<string[]>("FINDINGS") { Description = "Findings files (YAML, JSON or CSV) to grade under both rulebooks", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Output();
        var summary = new Option<bool>("--summary") { Description = "Show only the summary and the regrading section, not the structural diff" };
        var command = new Command("diff", "Compare two rulebooks and regrade past inspections under both: what the change breaks")
        {
            oldDir, newDir, findings, format, output, summary,
        };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(oldDir)!, parse.GetValue(newDir)!, parse.GetValue(findings)!, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(summary)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string oldDir, string newDir, string[] paths, string format, string? output, bool summaryOnly)
    {
        var result = GradingPipeline.DiffRulebooks(oldDir, newDir, paths);
        if (!result.Succeeded) return cli.Fail(result.Diagnostics);
        var diff = result.Value!;
        var text = format == "json" ? RulebookDiffRenderer.RenderJson(diff, summaryOnly) : RulebookDiffRenderer.RenderText(diff, summaryOnly);
        // Exit 1 is the CLI's "results differ" code (validate uses it for disagreeing grades); structural edits alone pass.
        return cli.Emit(text, output, diff.HasGradeChanges ? ExitCode.Disagree : ExitCode.Success);
    }
}
