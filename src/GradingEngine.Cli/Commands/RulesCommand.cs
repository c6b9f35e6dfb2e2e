using System.CommandLine;

namespace GradingEngine.Cli.Commands;

/// <summary>`grading rules ...`: tools for methodology teams who write and change rulebooks.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext cli) => new("rules", "Check, test, compare, list and export rulebooks")
    {
        RulesCheckCommand.Create(cli),
        RulesTestCommand.Create(cli),
        RulesDiffCommand.Create(cli),
        RulesListCommand.Create(cli),
        RulesExportCommand.Create(cli),
    };
}
