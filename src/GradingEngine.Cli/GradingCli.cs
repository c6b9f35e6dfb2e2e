using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using GradingEngine.Cli.Commands;
using GradingEngine.Diagnostics;
using GradingEngine.Render;

namespace GradingEngine.Cli;

/// <summary>The `grading` command line: one file per verb, each a library call and a renderer.</summary>
public static partial class GradingCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, new CliContext(stdout, stderr));

    /// <summary>A run that keeps rulebook proofs in <paramref name="proofs"/> instead of the user's cache folder.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, GradingEngine.Grading.ProofCache proofs) =>
        Run(args, stdout, stderr, new CliContext(stdout, stderr) { Proofs = proofs });

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliContext cli)
    {
        var (root, verbs) = Build(cli);
        if (args.Length == 0)
        {
            // No verb is a usage error: the help goes where errors go, and the exit code says so.
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
            return (int)ExitCode.InvalidInput;
        }
        // No response files: an argument starting with `@` is a file name like any other, never a list of arguments to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // `--help` answers even when the rest of the line would not parse (`grading grade --help` has no FINDINGS).
        if (parse.Action is HelpWithExamples)
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        if (parse.Errors.Count > 0 || MistypedOptions(parse).Count > 0)
        {
            foreach (var error in parse.Errors.Where(e => !IsMissingVerbBesideTypo(parse, e)))
            {
                // Parse errors echo the arguments: escaped like every other text for the terminal.
                stderr.Write($"error: {TerminalText.Escape(Tidy(error.Message))}\n");
            }
            foreach (var token in parse.UnmatchedTokens)
            {
                if (Suggestion(parse.CommandResult.Command, token) is { } help) stderr.Write($"  help: {TerminalText.Escape(help)}\n");
            }
            foreach (var token in MistypedOptions(parse))
            {
                stderr.Write($"error: unknown option `{TerminalText.Escape(token)}`\n");
                if (Suggestion(parse.CommandResult.Command, token) is { } help) stderr.Write($"  help: {TerminalText.Escape(help)}\n");
            }
            stderr.Write($"run `{CommandPath(parse.CommandResult.Command)} --help` for usage\n");
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

    /// <summary>The command tree, and each verb's examples and exit codes for its help.</summary>
    private static (RootCommand Root, IReadOnlyDictionary<Command, VerbHelp> Verbs) Build(CliContext cli)
    {
        var verbs = new Dictionary<Command, VerbHelp>();
        Command Verb(Command command, VerbHelp help)
        {
            verbs[command] = help;
            return command;
        }
        var rules = new Command("rules", "Check, test, compare, list and export rulebooks")
        {
            Verb(RulesCheckCommand.Create(cli), RulesCheckCommand.Help),
            Verb(RulesTestCommand.Create(cli), RulesTestCommand.Help),
            Verb(RulesDiffCommand.Create(cli), RulesDiffCommand.Help),
            Verb(RulesListCommand.Create(cli), RulesListCommand.Help),
            Verb(RulesExportCommand.Create(cli), RulesExportCommand.Help),
        };
        var root = new RootCommand("GradingEngine: consistent, explainable inspection grading")
        {
            Verb(GradeCommand.Create(cli), GradeCommand.Help),
            Verb(BatchCommand.Create(cli), BatchCommand.Help),
            Verb(ValidateCommand.Create(cli), ValidateCommand.Help),
            Verb(ExplainCommand.Create(cli), ExplainCommand.Help),
            Verb(VerifyCommand.Create(cli), VerifyCommand.Help),
            Verb(AgreeCommand.Create(cli), AgreeCommand.Help),
            rules,
            Verb(InitCommand.Create(cli), InitCommand.Help),
            Verb(CompletionCommand.Create(cli), CompletionCommand.Help),
        };
        verbs[root] = RootHelp;
        verbs[rules] = RootHelp with { Examples = [("grading rules list", "the embedded rulebooks"), ("grading rules check my-rules/", "check a rulebook folder")] };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!, verbs);
        return (root, verbs);
    }

    private static VerbHelp RootHelp { get; } = new(
        [
            ("grading grade findings.yaml", "grade an inspection with the embedded PEEL 2015 rulebook"),
            ("grading validate findings.yaml", "compare the proposed grades with the computed ones"),
            ("grading VERB --help", "a verb's options, examples and exit codes"),
        ],
        [
            (ExitCode.Success, "success"),
            (ExitCode.Disagree, "grades disagree or changed (validate, batch, verify, agree, rules test, rules diff)"),
            (ExitCode.InvalidInput, "invalid input or usage: every problem printed, nothing written"),
            (ExitCode.InternalError, "a bug in the engine, not in the input"),
        ]);

    /// <summary>
    /// Arguments that look like options (`--fromat`) and name no file or folder: System.CommandLine takes them as
    /// values of a verb's FINDINGS or PATH, where they would only be reported as files not found.
    /// </summary>
    private static IReadOnlyList<string> MistypedOptions(ParseResult parse) =>
        [.. parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2
            && !File.Exists(t.Value) && !Directory.Exists(t.Value)).Select(t => t.Value)];

    /// <summary>
    /// "required command was not provided" beside an unrecognized token: the token was the verb, mistyped, and its
    /// own error and suggestion say so; the second error would only send the user looking for a missing verb.
    /// </summary>
    private static bool IsMissingVerbBesideTypo(ParseResult parse, System.CommandLine.Parsing.ParseError error) =>
        parse.UnmatchedTokens.Count > 0
        && error.SymbolResult is System.CommandLine.Parsing.CommandResult { Command.Subcommands.Count: > 0 }
        && !parse.UnmatchedTokens.Any(t => error.Message.Contains(t, StringComparison.Ordinal));

    /// <summary>A verb or option close to a mistyped one, at the level of the command where it was typed.</summary>
    private static string? Suggestion(Command command, string token)
    {
        var names = token.StartsWith('-')
            ? command.Options.Concat(AncestorsOf(command).SelectMany(c => c.Options.Where(o => o.Recursive))).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Select(c => c.Name);
        return NameSuggester.Help(token, names.Where(n => n.Length > 2).Distinct());
    }

    private static IEnumerable<Command> AncestorsOf(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => AncestorsOf(p).Prepend(p));

    private static string CommandPath(Command command) =>
        string.Join(' ', AncestorsOf(command).Reverse().Append(command).Select(c => c is RootCommand ? "grading" : c.Name));

    /// <summary>System.CommandLine's messages in the engine's style: lowercase, no final period, user text in backticks.</summary>
    private static string Tidy(string message)
    {
        var text = Quoted().Replace(message.TrimEnd('.'), "`$1`");
        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
