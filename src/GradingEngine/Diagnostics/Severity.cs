namespace GradingEngine.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}
