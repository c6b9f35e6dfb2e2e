using System.CommandLine;
using GradingEngine.Diagnostics;
using GradingEngine.Load;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading rules export ID DIR`: writes an embedded rulebook out to edit; never overwrites a file.</summary>
internal static class RulesExportCommand
{
    public static VerbHelp Help { get; } = new(
        [("grading rules export peel-2015-effectiveness work/", "writes work/rules/peel-2015-effectiveness and the seed its tests grade, work/seeds/ (test it with --findings-root work/seeds)")],
        [(ExitCode.Success, "written"), (ExitCode.InvalidInput, "an unknown id, or a file already there (nothing is overwritten)")]);

    public static Command Create(CliContext cli)
    {
        var id = new Argument<string>("ID") { Description = "The embedded rulebook to write out (see `grading rules list`)" };
        var directory = new Argument<string>("DIR") { Description = "Folder to write into: DIR/rules/ID and the seed its tests grade, DIR/seeds/..." };
        var command = new Command("export", "Write an embedded rulebook out as files, to start editing") { id, directory };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(id)!, parse.GetValue(directory)!));
        return command;
    }

    private static ExitCode Run(CliContext cli, string id, string directory)
    {
        if (RulebookSource.Embedded(id) is null)
        {
            var hint = NameSuggester.Help(id, RulebookSource.EmbeddedIds) ?? $"the embedded rulebooks are: {string.Join(", ", RulebookSource.EmbeddedIds.Select(i => $"`{i}`"))}";
            return cli.Usage($"no embedded rulebook `{id}`\n  help: {hint}");
        }
        var result = GradingPipeline.ExportRulebook(id, directory);
        if (!result.Succeeded) return cli.Fail(result.Diagnostics);
        var rulebook = result.Value!.Directory;
        cli.Out.Write($"wrote {result.Value.Files.Count} files under {directory}\n");
        var seeds = Path.Combine(directory, "seeds");
        cli.Out.Write($"the rulebook is {rulebook}: check it with `grading rules check {rulebook}`, test it with `grading rules test {rulebook} --findings-root {seeds}`\n");
        return ExitCode.Success;
    }
}
