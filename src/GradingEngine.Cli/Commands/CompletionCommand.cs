using System.CommandLine;

namespace GradingEngine.Cli.Commands;

/// <summary>
/// `grading completion bash|zsh|pwsh`: a shell script that completes verbs, options and their values by asking
/// `grading` itself (System.CommandLine's `[suggest:N]` directive), so it never goes stale.
/// </summary>
internal static class CompletionCommand
{
    public static VerbHelp Help { get; } = new(
        [
            ("source <(grading completion bash)", "in ~/.bashrc"),
            ("source <(grading completion zsh)", "in ~/.zshrc, after compinit"),
            ("grading completion pwsh | Out-String | Invoke-Expression", "in $PROFILE"),
        ],
        [(ExitCode.Success, "printed"), (ExitCode.InvalidInput, "an unknown shell")]);

    public static Command Create(CliContext cli)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print a shell script that completes grading's verbs and options") { shell };
        command.SetAction(parse => (int)cli.Emit(Script(parse.GetValue(shell)!), null));
        return command;
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # grading completion for bash: source <(grading completion bash)
            _grading_complete() {
              local line="${COMP_LINE:0:COMP_POINT}"
              local IFS=$'\n'
              COMPREPLY=($(grading "[suggest:${#line}]" "$line" 2>/dev/null))
            }
            complete -o default -F _grading_complete grading

            """,
        "zsh" => """
            # grading completion for zsh: source <(grading completion zsh)
            _grading_complete() {
              local line="${BUFFER[1,CURSOR]}"
              local -a items
              items=("${(@f)$(grading "[suggest:${#line}]" "$line" 2>/dev/null)}")
              compadd -a items
            }
            compdef _grading_complete grading

            """,
        _ => """
            # grading completion for PowerShell: grading completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName grading -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $end = [Math]::Min($line.Length, $cursorPosition - $commandAst.Extent.StartOffset)
                $line = $line.Substring(0, [Math]::Max(0, $end))
                grading "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
