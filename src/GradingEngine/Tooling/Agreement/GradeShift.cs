namespace GradingEngine.Tooling.Agreement;

/// <summary>A grade that changes when one coding takes the other's version of some findings; <paramref name="ToOther"/>: it becomes the other coding's grade.</summary>
internal sealed record GradeShift(string Subject, string From, string To, int Steps, bool ToOther);
