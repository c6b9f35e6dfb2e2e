namespace GradingEngine.Cli;

/// <summary>What a verb's `--help` shows after the options: worked examples and the exit codes it can return.</summary>
internal sealed record VerbHelp(IReadOnlyList<(string Command, string What)> Examples, IReadOnlyList<(ExitCode Code, string When)> ExitCodes)
{
    public void WriteTo(TextWriter output)
    {
        if (Examples.Count > 0)
        {
            output.Write("Examples:\n");
            foreach (var (command, what) in Examples) output.Write($"  {command}\n      {what}\n");
            output.Write("\n");
        }
        output.Write("Exit codes:\n");
        foreach (var (code, when) in ExitCodes) output.Write($"  {(int)code}  {when}\n");
        output.Write("\n");
    }
}
