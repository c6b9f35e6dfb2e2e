using System.CommandLine;

namespace GradingEngine.Cli.Commands;

/// <summary>Options several verbs share. Each command gets its own instances: System.CommandLine options belong to one parent.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "Rulebook folder, or the id of an embedded rulebook (default: the embedded PEEL 2015 effectiveness rulebook; see `grading rules list`)",
        HelpName = "DIR",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the result to FILE (only when it succeeds; never through a link or into a device) instead of standard output; `-` is standard output",
        HelpName = "FILE",
    };
}
