using System.CommandLine;
using GradingEngine.Tooling.Agreement;

namespace GradingEngine.Cli.Commands;

/// <summary>
/// `grading agree A B` or `grading agree --pairs DIR`: how far two inspectors' codings of one report agree,
/// and which of their disagreements change a grade. Exit 1 when the codings of any pair give different grades.
/// </summary>
internal static class AgreeCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading agree coder-a.yaml coder-b.yaml", "how far two codings of one report agree, and which disagreements change a grade"),
            ("grading agree --pairs codings/ --format html --output agreement.html", "every pair in a folder, as one page"),
        ],
        [(ExitCode.Success, "the codings of every pair give the same grades"), (ExitCode.Disagree, "the codings of some pair give different grades"), (ExitCode.InvalidInput, "invalid input or usage")]);

    public static Command Create(CliContext cli)
    {
        var codings = new Argument<string[]>("CODINGS") { Description = "Two findings files (YAML, JSON, or CSV with one inspection): coding A and coding B of one report", Arity = ArgumentArity.ZeroOrMore };
        var pairs = new Option<string?>("--pairs") { Description = "A folder of pairs instead: NAME.a.yaml with NAME.b.yaml (or a.yaml with b.yaml in a folder of their own)", HelpName = "DIR" };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json", "markdown", "html");
        var output = CommonOptions.Output();
        var command = new Command("agree", "Compare two codings of one report: aligned passages, kappa, and the disagreements that change a grade")
        {
            codings, pairs, rules, format, output,
        };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(codings)!, parse.GetValue(pairs), parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string[] codings, string? pairs, string? rulesDir, string format, string? output)
    {
        if (pairs is not null && codings.Length > 0) return cli.Usage("give two codings or `--pairs DIR`, not both");
        if (pairs is null && codings.Length != 2) return cli.Usage($"`agree` takes two codings of one report, coding A and coding B; found {codings.Length}");
        var result = pairs is null
            ? GradingPipeline.Agree(CliContext.Rules(rulesDir), codings[0], codings[1], proofs: cli.Proofs)
            : GradingPipeline.AgreePairs(CliContext.Rules(rulesDir), pairs, proofs: cli.Proofs);
        if (!result.Succeeded) return cli.Fail(result.Diagnostics);
        var report = result.Value!;
        var text = format switch
        {
            "json" => AgreementRenderer.RenderJson(report),
            "markdown" => AgreementRenderer.RenderMarkdown(report),
            "html" => AgreementRenderer.RenderHtml(report),
            _ => AgreementRenderer.RenderText(report),
        };
        return cli.Emit(text, output, report.GradesDiffer ? ExitCode.Disagree : ExitCode.Success);
    }
}
