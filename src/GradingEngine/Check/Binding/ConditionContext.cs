using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>What a condition may refer to: a question's findings, a threshold profile, or question grades.</summary>
internal abstract record ConditionContext
{
    /// <summary>A criterion condition: aggregates range over the findings of one question.</summary>
    public sealed record Findings(Question Question, Codebook Codebook) : ConditionContext
    {
        public IReadOnlyList<Indicator> Indicators { get; } = Codebook.Indicators.Where(i => i.QuestionId == Question.Id).ToList();
    }

    /// <summary>A threshold rule: the profile variables, no aggregates.</summary>
    public sealed record Profile : ConditionContext;

    /// <summary>A roll-up rule: aggregates range over the question results.</summary>
    public sealed record QuestionGrades(IReadOnlyList<Question> Questions, JudgementScale Grades) : ConditionContext;
}
