using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>What a condition may refer to: a question's findings, a threshold profile, or question grades.</summary>
internal abstract record ConditionContext
{
    /// <summary>A criterion condition: aggregates range over the findings of one question, and its named values are read by name.</summary>
    public sealed record Findings(Question Question, Codebook Codebook) : ConditionContext
    {
        public IReadOnlyList<Indicator> Indicators { get; } = Codebook.Indicators.Where(i => i.QuestionId == Question.Id).ToList();

        /// <summary>Each of <see cref="Indicators"/> by id, with its position there: a condition names indicators by id,
        /// and a large codebook must not be scanned once per name (the first of a duplicated id, as the codebook finds it).</summary>
        public IReadOnlyDictionary<string, int> Positions { get; } = PositionsOf(Codebook, Question);

        /// <summary>The positions in <see cref="Indicators"/> of each area's indicators, in order.</summary>
        public ILookup<string, int> AreaPositions { get; } = Codebook.Indicators.Where(i => i.QuestionId == Question.Id)
            .Select((i, n) => (i.AreaId, n)).ToLookup(p => p.AreaId, p => p.n, StringComparer.Ordinal);

        /// <summary>The question's indicators of each area, in order: every lambda narrowed to one area shares its list,
        /// instead of each building its own (an area of a large codebook holds hundreds).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<Indicator>> AreaIndicators { get; } = Codebook.Indicators
            .Where(i => i.QuestionId == Question.Id).GroupBy(i => i.AreaId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Indicator>)g.ToArray(), StringComparer.Ordinal);

        private static Dictionary<string, int> PositionsOf(Codebook codebook, Question question)
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var n = 0;
            foreach (var indicator in codebook.Indicators.Where(i => i.QuestionId == question.Id)) positions.TryAdd(indicator.Id, n++);
            return positions;
        }

        /// <summary>The question's named values; null where none may be read.</summary>
        public ValueScope? Values { get; init; }
    }

    /// <summary>A threshold rule or a limit: the profile variables, no aggregates.</summary>
    /// <param name="Values">The rulebook's value ids: a table reads a value of the question it grades.</param>
    public sealed record Profile(IReadOnlyList<Effect> Effects, IReadOnlyList<FindingKind> Kinds, IReadOnlyList<string> Values) : ConditionContext
    {
        /// <summary>Every variable a profile condition may read, as written.</summary>
        public IEnumerable<string> VariableNames =>
            Effects.SelectMany(e => new[] { e.Plural + ".count", e.Plural + ".weight" })
                .Append(FindingsName + ".count")
                .Concat(Kinds.Select(k => $"{FindingsName}.{k.Id}"))
                .Concat(Values);

        /// <summary>The name under which thresholds count the question's findings.</summary>
        public const string FindingsName = "findings";
    }

    /// <summary>
    /// A roll-up rule or limit: aggregates range over the question results, and `findings.count` and `findings.<kind>`
    /// count the whole inspection's findings. <paramref name="Effects"/> are named only to refuse their variables.
    /// </summary>
    public sealed record QuestionGrades(IReadOnlyList<Question> Questions, JudgementScale Grades, IReadOnlyList<FindingKind> Kinds, IReadOnlyList<Effect> Effects)
        : ConditionContext;
}
