using System.CommandLine;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading init DIR`: writes a minimal new rulebook that passes `rules check` and `rules test`; never overwrites a file.</summary>
internal static class InitCommand
{
    public static VerbHelp Help { get; } = new(
        [("grading init rules/my-framework", "a rulebook `my-framework` to edit: check it with `grading rules check rules/my-framework`")],
        [(ExitCode.Success, "written"), (ExitCode.InvalidInput, "a file already there (nothing is overwritten)")]);

    public static Command Create(CliContext cli)
    {
        var directory = new Argument<string>("DIR") { Description = "Folder for the new rulebook (created if absent); its name becomes the rulebook id" };
        var command = new Command("init", "Write a minimal new rulebook to start from: one question, an indicator, criteria, thresholds, a roll-up and test cases") { directory };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(directory)!));
        return command;
    }

    private static ExitCode Run(CliContext cli, string directory)
    {
        var result = GradingPipeline.InitRulebook(directory);
        if (!result.Succeeded) return cli.Fail(result.Diagnostics);
        cli.Out.Write($"wrote rulebook `{result.Value!.Id}` ({result.Value.Files.Count} files) in {directory}\n");
        cli.Out.Write($"next: `grading rules check {directory}`, `grading rules test {directory}`\n");
        return ExitCode.Success;
    }
}
