using System.CommandLine;
using GradingEngine.Render;
using GradingEngine.Tooling.Records;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading verify RECORD`: re-run a decision record and say exactly what differs.</summary>
internal static class VerifyCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading verify record.json", "re-run the record from the inputs it holds"),
            ("grading verify record.json --rules rules/peel-2015-effectiveness --findings findings.yaml", "re-run it from the files you have"),
        ],
        [(ExitCode.Success, "verified"), (ExitCode.Disagree, "something differs, named in the output"), (ExitCode.InvalidInput, "the record cannot be read")]);

    public static Command Create(CliContext cli)
    {
        var record = new Argument<string>("RECORD") { Description = "A decision record written by `grade --record`" };
        var rules = new Option<string?>("--rules") { Description = "Grade with this rulebook folder instead of the record's copy", HelpName = "DIR" };
        var findings = new Option<string?>("--findings") { Description = "Grade this findings file instead of the record's copy", HelpName = "FILE" };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("verify", "Re-run a decision record: verified when every hash matches and the result is byte-identical") { record, rules, findings, format };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(record)!, parse.GetValue(rules), parse.GetValue(findings), parse.GetValue(format)!));
        return command;
    }

    private static ExitCode Run(CliContext cli, string record, string? rules, string? findings, string format)
    {
        var verification = GradingPipeline.VerifyRecord(record, rules, findings);
        var text = format == "json" ? VerificationRenderer.RenderJson(verification) : VerificationRenderer.RenderText(verification);
        var code = verification.Unreadable is not null ? ExitCode.InvalidInput : verification.Verified ? ExitCode.Success : ExitCode.Disagree;
        (code == ExitCode.InvalidInput && format == "text" ? cli.Error : cli.Out).Write(text);
        return code;
    }
}
