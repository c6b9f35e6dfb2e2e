using System.CommandLine;
using GradingEngine.Files;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading grade FINDINGS...`: question and overall grades with their reasons.</summary>
internal static class GradeCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading grade findings.yaml", "grade one inspection with the embedded PEEL 2015 rulebook: a summary, then each question's trace"),
            ("grading grade findings.yaml --brief", "only the summary and the rows that decided each grade"),
            ("grading grade national.csv --format json", "every inspection of a CSV file, as JSON"),
            ("grading grade findings.yaml --format html --output report.html", "one self-contained page that works offline"),
            ("grading grade findings.yaml --rules my-rules/ --record record.json", "grade with a rulebook folder and keep a decision record"),
        ],
        [(ExitCode.Success, "graded"), (ExitCode.InvalidInput, "invalid input or usage: every problem printed as path:line:col, nothing written")]);

    public static Command Create(CliContext cli)
    {
        var findings = new Argument<string[]>("FINDINGS") { Description = "Findings files (YAML, JSON or CSV); a CSV file may hold many inspections", Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json", "markdown", "html");
        var output = CommonOptions.Output();
        var brief = new Option<bool>("--brief") { Description = "Text only: print the summary and the rows that decided each grade, without the criteria and outlooks" };
        var record = new Option<string?>("--record") { Description = "Also write a self-contained decision record to FILE (one findings file only; `-` for standard output); check it later with `grading verify`", HelpName = "FILE" };
        var command = new Command("grade", "Grade inspections: each question, the overall judgement, and why") { findings, rules, format, output, brief, record };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(findings)!, parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(brief), parse.GetValue(record)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string[] paths, string? rulesDir, string format, string? output, bool brief, string? recordPath)
    {
        if (brief && format != "text")
        {
            return cli.Usage($"`--brief` shapes the text report only, not `--format {format}`");
        }
        if (recordPath is not null && paths.Length != 1)
        {
            return cli.Usage("`--record` takes exactly one findings file: a record holds one inspection");
        }
        if (recordPath is CliContext.StandardOutput && output is null or CliContext.StandardOutput)
        {
            return cli.Usage("`--record -` writes the record to standard output, so the grades need `--output FILE`");
        }
        if (cli.LoadForGrading(rulesDir, paths) is not var (rulebook, inspections)) return ExitCode.InvalidInput;
        if (recordPath is not null && inspections.Count != 1)
        {
            return cli.Usage($"`--record` takes a findings file of one inspection: `{paths[0]}` holds {inspections.Count}");
        }
        var results = inspections.Select(i => GradingPipeline.Grade(rulebook, i)).ToList();
        var text = format switch
        {
            "json" => results.Count == 1 ? JsonRenderer.Render(results[0]) : JsonRenderer.RenderMany(results),
            "markdown" => MarkdownRenderer.RenderMany(results),
            "html" => HtmlRenderer.RenderMany(results),
            _ => string.Join("\n", results.Select(r => TextRenderer.Render(r, cli.Layout(output, brief)))),
        };
        if (recordPath is not null)
        {
            // The report's path is checked first, so that a record is never written beside a report that cannot be.
            if (output is not null and not CliContext.StandardOutput && OutputFile.Check(output) is { } problem)
            {
                return cli.Fail([problem]);
            }
            var record = GradingPipeline.WriteRecord(results[0], out var changed);
            if (record is null) return cli.Usage(changed!);
            if (cli.Emit(record, recordPath) != ExitCode.Success) return ExitCode.InvalidInput;
        }
        return cli.Emit(text, output);
    }
}
