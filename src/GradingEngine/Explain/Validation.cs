using GradingEngine.Trace;

namespace GradingEngine.Explain;

public sealed record Validation(GradingResult Result, IReadOnlyList<GradeComparison> Comparisons)
{
    public bool AllAgree => Comparisons.All(c => c.Agrees);
}
