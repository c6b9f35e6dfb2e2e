namespace GradingEngine.Load;

/// <summary>
/// Input guards. Every limit gives a located error instead of a hang, a crash or an
/// out-of-memory: rulebooks and findings come from people, not from trusted programs.
/// </summary>
public sealed record LoadLimits(
    long MaxFileBytes = 8 * 1024 * 1024,
    int MaxDepth = 64,
    int MaxNodes = 250_000,
    int MaxConditionLength = 4_000,
    int MaxConditionDepth = 48,
    int MaxRulebookFiles = 500,
    int MaxTableRules = 64,
    long MaxRecordBytes = 64 * 1024 * 1024)
{
    public static LoadLimits Default { get; } = new();

    /// <summary>A report is prose, often a whole published inspection: four times a findings file.</summary>
    public long MaxReportBytes => MaxFileBytes * 4;

    /// <summary>The analysis tracks a table's rules as bits of one 64-bit mask.</summary>
    public const int TableRulesCeiling = 64;
}
