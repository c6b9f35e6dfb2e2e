using System.CommandLine;
using GradingEngine.Diagnostics;
using GradingEngine.Render;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading explain FINDINGS --question Q3`: the full trace of one question.</summary>
internal static class ExplainCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading explain findings.yaml --question Q3", "every criterion of Q3, its condition and the findings behind it"),
            ("grading explain findings.yaml -q Q3 --format json", "the same as JSON"),
        ],
        [(ExitCode.Success, "explained"), (ExitCode.InvalidInput, "invalid input or usage, or an unknown question")]);

    public static Command Create(CliContext cli)
    {
        var findings = new Argument<string>("FINDINGS") { Description = "Findings file (YAML, JSON or CSV) of one inspection" };
        var question = new Option<string>("--question", "-q") { Description = "Question id, e.g. Q3", Required = true, HelpName = "ID" };
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "json");
        var output = CommonOptions.Output();
        var command = new Command("explain", "Show the full trace of one question: every criterion and the findings behind it") { findings, question, rules, format, output };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(findings)!, parse.GetValue(question)!, parse.GetValue(rules), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string path, string questionId, string? rulesDir, string format, string? output)
    {
        if (cli.LoadForGrading(rulesDir, [path], single: true) is not var (rulebook, inspections)) return ExitCode.InvalidInput;
        var inspection = inspections[0];
        var result = GradingPipeline.Grade(rulebook, inspection);
        var question = result.Find(questionId);
        if (question is null)
        {
            var ids = result.Questions.Select(q => q.Question.Id).ToList();
            return cli.Fail([Diagnostic.Error(DiagnosticCodes.UnknownQuestion, SourceSpan.FileStart(path), $"unknown question `{questionId}`",
                NameSuggester.Help(questionId, ids) ?? $"questions are: {string.Join(", ", ids.Select(i => $"`{i}`"))}")]);
        }
        var text = format == "json" ? JsonRenderer.RenderQuestion(result, question) : TextRenderer.Explain(result, question, cli.Layout(output));
        return cli.Emit(text, output);
    }
}
