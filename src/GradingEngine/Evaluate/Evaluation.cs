using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Evaluate;

/// <summary>The facts one NRules session ended with: what the rules concluded per question, before the roll-up.</summary>
internal sealed record Evaluation(
    Inspection Inspection,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<CriterionMet> Met,
    IReadOnlyList<QuestionGradeFact> QuestionGrades);
