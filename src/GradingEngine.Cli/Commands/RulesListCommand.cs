using System.CommandLine;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading rules list`: the rulebooks embedded in the tool, with id, version and title.</summary>
internal static class RulesListCommand
{
    public static VerbHelp Help { get; } = new(
        [("grading rules list", "the embedded rulebooks: id, version and title")],
        [(ExitCode.Success, "listed")]);

    public static Command Create(CliContext cli)
    {
        var format = CommonOptions.Format("text", "json");
        var command = new Command("list", "List the rulebooks embedded in the tool: id, version and title") { format };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(format)!));
        return command;
    }

    private static ExitCode Run(CliContext cli, string format)
    {
        var rulebooks = GradingPipeline.EmbeddedRulebooks();
        if (rulebooks.Any(r => !r.Succeeded)) return cli.Fail(rulebooks.SelectMany(r => r.Diagnostics));
        var list = rulebooks.Select(r => r.Value!).ToList();
        return cli.Emit(format == "json" ? RulebookListRenderer.RenderJson(list) : RulebookListRenderer.RenderText(list), null);
    }
}
