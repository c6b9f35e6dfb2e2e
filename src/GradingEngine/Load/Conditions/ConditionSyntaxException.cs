namespace GradingEngine.Load.Conditions;

/// <summary>Internal to the parser: unwinds to <see cref="ConditionParser.Parse"/>, which turns it into a diagnostic.</summary>
internal sealed class ConditionSyntaxException(int offset, string message, string? help = null, bool tooComplex = false) : Exception(message)
{
    public int Offset { get; } = offset;
    public string? Help { get; } = help;
    public bool TooComplex { get; } = tooComplex;
}
