using System.CommandLine;
using GradingEngine.Cli.Commands;
using GradingEngine.Render;

namespace GradingEngine.Cli;

/// <summary>The `grading` command line: one file per verb, each a library call and a renderer.</summary>
public static class GradingCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cli = new CliContext(stdout, stderr);
        var root = new RootCommand("GradingEngine: consistent, explainable inspection grading")
        {
            GradeCommand.Create(cli),
            BatchCommand.Create(cli),
            ValidateCommand.Create(cli),
            ExplainCommand.Create(cli),
            VerifyCommand.Create(cli),
            AgreeCommand.Create(cli),
            RulesCommand.Create(cli),
            InitCommand.Create(cli),
        };
        // No response files: an argument starting with `@` is a file name like any other, never a list of arguments to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                // Parse errors echo the arguments: escaped like every other text for the terminal.
                stderr.Write($"error: {TerminalText.Escape(error.Message)}\n");
            }
            stderr.Write("run `grading --help` for usage\n");
            return (int)ExitCode.InvalidInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // Never a stack trace: a bug report needs the message, the user needs to know it is not their input.
            stderr.Write($"error: internal error: {TerminalText.Escape(e.Message)}\n");
            return (int)ExitCode.InternalError;
        }
    }
}
