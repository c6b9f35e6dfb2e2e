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

    /// <summary>A threshold rule or a limit: the profile variables, no aggregates.</summary>
    public sealed record Profile(IReadOnlyList<Effect> Effects, IReadOnlyList<FindingKind> Kinds) : ConditionContext
    {
        /// <summary>Every variable a profile condition may read, as written.</summary>
        public IEnumerable<string> VariableNames =>
            Effects.SelectMany(e => new[] { e.Plural + ".count", e.Plural + ".weight" })
                .Append(FindingsName + ".count")
                .Concat(Kinds.Select(k => $"{FindingsName}.{k.Id}"));

        /// <summary>The name under which thresholds count the question's findings.</summary>
        public const string FindingsName = "findings";
    }

    /// <summary>A roll-up rule: aggregates range over the question results.</summary>
    public sealed record QuestionGrades(IReadOnlyList<Question> Questions, JudgementScale Grades) : ConditionContext;
}
