using System.CommandLine;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading grade FINDINGS...`: question and overall grades with their reasons.</summary>
internal static class GradeCommand
{
    public static Command Create(CliContext cli)
    {
        var findings = new Argument<string[]>("FINDINGS") { Description = "Findings files (YAML or JSON), one inspection each", Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Output();
        var command = new Command("grade", "Grade inspections: each question, the overall judgement, and why") { findings, rules, format, output };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(findings)!, parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string[] paths, string? rulesDir, string format, string? output)
    {
        var rulebook = cli.LoadRulebook(rulesDir);
        if (rulebook is null) return ExitCode.InvalidInput;
        var inspections = cli.LoadInspections(rulebook, paths);
        if (inspections is null) return ExitCode.InvalidInput;
        var results = inspections.Select(i => GradingPipeline.Grade(rulebook, i)).ToList();
        var text = format == "json"
            ? results.Count == 1 ? JsonRenderer.Render(results[0]) : JsonRenderer.RenderMany(results)
            : string.Join("\n", results.Select(TextRenderer.Render));
        return cli.Emit(text, output);
    }
}
