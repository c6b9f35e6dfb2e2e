using GradingEngine.Compile.Runtime;
using GradingEngine.Model;

namespace GradingEngine.Evaluate;

/// <summary>The facts one NRules session ended with: what the rules concluded, before it is explained.</summary>
public sealed record Evaluation(
    Inspection Inspection,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<CriterionMet> Met,
    IReadOnlyList<QuestionGradeFact> QuestionGrades,
    OverallGradeFact Overall);
