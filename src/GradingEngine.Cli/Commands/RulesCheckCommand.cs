using System.CommandLine;
using GradingEngine.Load;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading rules check [DIR]`: every problem of a rulebook at once, and the proof its tables are total.</summary>
internal static class RulesCheckCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading rules check my-rules/", "every error and warning, and the proof that each table gives one grade to every outcome"),
            ("grading rules check my-rules/ --format sarif --output check.sarif", "for code scanning"),
        ],
        [(ExitCode.Success, "no errors"), (ExitCode.InvalidInput, "errors (or, with --warnings-as-errors, warnings)")]);

    public static Command Create(CliContext cli)
    {
        var directory = new Argument<string?>("DIR") { Description = "Rulebook folder, or the id of an embedded rulebook (default: the embedded PEEL 2015 effectiveness rulebook)", Arity = ArgumentArity.ZeroOrOne };
        var format = CommonOptions.Format("text", "json", "sarif");
        var strict = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 2) on warnings too" };
        var output = CommonOptions.Output();
        var command = new Command("check", "Load and check a rulebook without grading: errors, warnings and exhaustive threshold analysis") { directory, format, strict, output };
        command.SetAction(parse => (int)Run(cli, CliContext.Rules(parse.GetValue(directory)), parse.GetValue(format)!, parse.GetValue(strict), parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, RulebookSource rules, string format, bool strict, string? output)
    {
        var directory = rules.Location;
        var result = GradingPipeline.CheckRulebook(rules);
        var failed = !result.Succeeded || (strict && result.Diagnostics.Count > 0);
        var code = failed ? ExitCode.InvalidInput : ExitCode.Success;
        switch (format)
        {
            case "json":
                return cli.Emit(CheckRenderer.RenderJson(directory, result), output, code);
            case "sarif":
                return cli.Emit(SarifWriter.Write(result.Diagnostics), output, code);
            default:
                DiagnosticFormatter.Write(cli.Error, result.Diagnostics);
                return cli.Emit(CheckRenderer.RenderSummary(directory, result), output, code);
        }
    }
}
