using System.CommandLine;
using GradingEngine.Diagnostics;
using GradingEngine.Render;
using GradingEngine.Tooling.Batch;
using Spectre.Console;

namespace GradingEngine.Cli.Commands;

/// <summary>
/// `grading batch PATH...`: grades every inspection under the paths with one compiled rulebook, in
/// parallel, and reports agreement with proposed grades and like cases proposed unlike. Exit 1 when any
/// proposed grade disagrees, as for validate.
/// </summary>
internal static class BatchCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("grading batch inspections/", "grade every findings file under the folder and check proposed grades"),
            ("grading batch inspections/ --format csv --output agreement.csv", "one row per inspection and question"),
        ],
        [(ExitCode.Success, "every proposed grade agrees"), (ExitCode.Disagree, "some proposed grade differs"), (ExitCode.InvalidInput, "invalid input or usage")]);

    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Findings files (YAML, JSON or CSV) or folders searched recursively", Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var parallel = new Option<int?>("--parallel") { Description = "How many inspections to grade at once (default: the number of processors); the output is the same for any value", HelpName = "N" };
        var format = CommonOptions.Format("text", "json", "csv");
        var output = CommonOptions.Output();
        var verbose = new Option<bool>("--verbose") { Description = "Text: list every member of a group of like cases proposed different grades, not only those that differ from the group's majority" };
        var command = new Command("batch", "Grade many inspections and check proposed grades for agreement and consistency") { paths, rules, parallel, format, output, verbose };
        command.SetAction(parse => (int)Run(cli, parse.GetValue(paths)!, parse.GetValue(rules), parse.GetValue(parallel), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(verbose)));
        return command;
    }

    private static ExitCode Run(CliContext cli, string[] paths, string? rulesDir, int? parallel, string format, string? output, bool verbose)
    {
        if (parallel is < 1)
        {
            return cli.Usage($"`--parallel` must be at least 1, found {parallel}");
        }
        var options = new BatchOptions { MaxParallelism = parallel ?? Environment.ProcessorCount, Proofs = cli.Proofs };
        var rules = CliContext.Rules(rulesDir);
        var result = DrawsProgress(cli) ? WithProgressBar(options, o => GradingPipeline.GradeBatch(rules, paths, o))
            : GradingPipeline.GradeBatch(rules, paths, options);
        if (!result.Succeeded)
        {
            return cli.Fail(result.Diagnostics);
        }
        var report = result.Value!;
        var text = format switch
        {
            "json" => BatchRenderer.RenderJson(report),
            "csv" => BatchRenderer.RenderCsv(report),
            _ => BatchRenderer.RenderText(report, verbose),
        };
        return cli.Emit(text, output, report.AnyDisagree ? ExitCode.Disagree : ExitCode.Success);
    }

    /// <summary>
    /// Only the real standard error, and only when it is a terminal: redirected runs, and the in-process
    /// harness that passes its own writers, must get byte-for-byte the same stderr as without a bar.
    /// </summary>
    private static bool DrawsProgress(CliContext cli) => ReferenceEquals(cli.Error, Console.Error) && !Console.IsErrorRedirected;

    private static Result<BatchReport> WithProgressBar(BatchOptions options, Func<BatchOptions, Result<BatchReport>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var loading = context.AddTask("reading", autoStart: true, maxValue: 1);
                var grading = context.AddTask("grading", autoStart: false, maxValue: 1);
                // Workers report out of order; a task only ever moves forward.
                var gate = new object();
                var result = run(options with
                {
                    Progress = p =>
                    {
                        var task = p.Stage == BatchStage.Loading ? loading : grading;
                        lock (gate)
                        {
                            if (!task.IsStarted) task.StartTask();
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = Math.Max(task.Value, p.Done);
                        }
                    },
                });
                loading.Value = loading.MaxValue;
                grading.Value = grading.MaxValue;
                return result;
            });
    }
}
