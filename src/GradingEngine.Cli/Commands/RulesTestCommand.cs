using System.CommandLine;
using GradingEngine.Render;
using GradingEngine.Tooling.RuleTests;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading rules test [DIR]`: runs a rulebook's own test cases; exit 1 when one fails or coverage is below the minimum.</summary>
internal static class RulesTestCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading rules test my-rules/ --coverage", "run tests/*.yaml and show what they cover"),
            ("grading rules test my-rules/ --min-coverage 100", "fail unless every criterion and rule is covered"),
        ],
        [(ExitCode.Success, "every case passes"), (ExitCode.Disagree, "a case fails, or coverage is below --min-coverage"), (ExitCode.InvalidInput, "the rulebook or a test file is invalid")]);

    public static Command Create(CliContext cli)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Rulebook folder whose tests/*.yaml to run, or the id of an embedded rulebook (default: the embedded PEEL 2015 effectiveness rulebook)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var coverage = new Option<bool>("--coverage") { Description = "Also report which criteria, threshold rules and roll-up rules the cases cover" };
        var minimum = new Option<decimal?>("--min-coverage")
        {
            Description = "Fail (exit 1) when criterion, threshold-rule or roll-up-rule coverage is below N percent",
            HelpName = "N",
        };
        minimum.Validators.Add(result =>
        {
            // Read the token, not the value: a token that is not a number already has its own parse error.
            if (result.Tokens.Count == 1
                && decimal.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && (n < 0 || n > 100))
            {
                result.AddError("--min-coverage must be between 0 and 100");
            }
        });
        var findingsRoot = new Option<string?>("--findings-root")
        {
            Description = "A folder of findings files the cases may name besides those inside the rulebook folder " +
                "(default: none; an embedded rulebook's cases grade the seed embedded with it)",
            HelpName = "DIR",
        };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("test", "Run a rulebook's own test cases (tests/*.yaml) and report coverage") { directory, coverage, minimum, findingsRoot, format };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(directory), parse.GetValue(coverage), parse.GetValue(minimum), parse.GetValue(findingsRoot), parse.GetValue(format)!));
        return command;
    }

    private static ExitCode Run(CliContext cli, string? directory, bool coverage, decimal? minimum, string? findingsRoot, string format)
    {
        // An embedded rulebook's cases grade the seed embedded with it; a folder's may name findings under --findings-root.
        var result = GradingPipeline.TestRulebook(CliContext.Rules(directory), findingsRoot: findingsRoot);
        if (!result.Succeeded) return cli.Fail(result.Diagnostics);
        var report = result.Value!;
        var text = format == "json"
            ? RuleTestRenderer.RenderJson(report, coverage, minimum)
            : RuleTestRenderer.RenderText(report, coverage, minimum);
        var failed = !report.AllPassed || (minimum is { } n && report.Coverage.Below(n).Count > 0);
        // Exit 1 is the CLI's "the check ran and found a difference" code, as for `validate`.
        return cli.Emit(text, null, failed ? ExitCode.Disagree : ExitCode.Success);
    }
}
