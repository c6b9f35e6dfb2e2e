using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GradingEngine.Cli;

/// <summary>`--help`: System.CommandLine's usage, arguments and options, then the verb's examples and exit codes.</summary>
internal sealed class HelpWithExamples(HelpAction help, IReadOnlyDictionary<Command, VerbHelp> verbs) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (verbs.TryGetValue(parseResult.CommandResult.Command, out var verb))
        {
            verb.WriteTo(parseResult.InvocationConfiguration.Output);
        }
        return code;
    }
}
