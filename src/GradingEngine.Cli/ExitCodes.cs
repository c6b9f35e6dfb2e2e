namespace GradingEngine.Cli;

/// <summary>The CLI's one exit-code table (docs/cli.md).</summary>
public enum ExitCode
{
    /// <summary>Success; for validate, every proposed grade agrees.</summary>
    Success = 0,

    /// <summary>validate, batch: some proposed grade disagrees with the computed one; rules diff: a grade changed; agree: the codings give different grades.</summary>
    Disagree = 1,

    /// <summary>Invalid input or usage: every problem was printed as path:line:col.</summary>
    InvalidInput = 2,

    /// <summary>A bug in the engine, not in the input.</summary>
    InternalError = 3,
}
