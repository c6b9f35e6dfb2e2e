using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>A grade and the reason: which row of which table decided it, and the values that row saw.</summary>
public sealed record GradeDecision(
    Grade Grade,
    GradeRule Rule,
    int RuleIndex,
    string Table,
    IReadOnlyList<KeyValuePair<string, int>> Values);
