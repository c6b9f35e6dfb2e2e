using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Conditions;
using GradingEngine.Syntax;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

public class ConditionCompilerTests
{
    private static readonly Lazy<CompiledRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()));

    private static Rulebook Model => Mini.Value.Rulebook;

    private const string CrimeChange = "q1.prevention.crime-change";
    private const string Priority = "q1.prevention.priority";
    private const string Database = "q1.partnership.database";
    private const string Partnership = "q1.partnership.working";

    private static BoundExpr Bind(string when, ConditionContext context) => TestKit.BindCondition(when, context);

    private static Func<IReadOnlyList<FindingFact>, bool> Q1(string when) =>
        ConditionCompiler.ForFindings(Bind(when, new ConditionContext.Findings(Model.FindQuestion("Q1")!, Model.Codebook)));

    private static Func<OutcomeProfile, bool> Profile(string when) =>
        ConditionCompiler.ForProfile(Bind(when, TestKit.ProfileContext)).Compile();

    private static readonly FindingKind[] Kinds =
        [new("breach-of-regulation", "Breach of regulation", Direction.Worse, FieldSpans.None(default)), new("notable", "Notable", Direction.Better, FieldSpans.None(default))];

    private static Func<IEnumerable<QuestionGradeFact>, OutcomeProfile, bool> RollupOverFindings(string when) =>
        ConditionCompiler.ForQuestions(Bind(when, new ConditionContext.QuestionGrades(Model.Questions, Model.Scale.AsJudgementScale(), Kinds, Model.Effects))).Compile();

    private static Func<IEnumerable<QuestionGradeFact>, bool> Rollup(string when)
    {
        var condition = RollupOverFindings(when);
        var none = OutcomeProfile.Of("", [], [], 0, new int[Kinds.Length]);
        return questions => condition(questions, none);
    }

    private static FindingFact Fact(string id, string indicator, string? judgement = null, decimal? number = null, bool? flag = null)
    {
        var span = new SourceSpan("findings.yaml", 1, 1);
        var ind = Model.Codebook.Find(indicator)!;
        return new FindingFact(new Finding(id, ind.QuestionId, indicator, judgement, number, flag, "quote", "source", FieldSpans.None(span)), ind);
    }

    private static FindingFact Number(string id, decimal value) => Fact(id, CrimeChange, number: value);

    private static readonly FindingFact[] None = [];

    private static readonly FindingFact[] Unrelated = [Fact("P1", Partnership, judgement: "effective")];

    [Theory]
    [InlineData("min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < 3")]
    [InlineData("min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) >= 3")]
    [InlineData("min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == 3")]
    [InlineData("min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) != 3")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 5")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) <= 5")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) in [1, 2]")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) + 1 > 0")]
    [InlineData("worst(f => f.indicator == \"q1.prevention.priority\") == effective")]
    [InlineData("worst(f => f.indicator == \"q1.prevention.priority\") != effective")]
    [InlineData("worst(f => f.indicator == \"q1.prevention.priority\") worse than effective")]
    [InlineData("worst(f => f.indicator == \"q1.prevention.priority\") no better than ineffective")]
    [InlineData("best(f => f.indicator == \"q1.prevention.priority\") no worse than ineffective")]
    [InlineData("best(f => f.indicator == \"q1.prevention.priority\") in [effective, mostly-effective, inconsistent, ineffective]")]
    public void Compile_ComparisonWithUndefined_IsFalse(string when)
    {
        // Arrange
        var condition = Q1(when);

        // Act / Assert: nothing matches, with or without other findings present.
        Assert.False(condition(None));
        Assert.False(condition(Unrelated));
    }

    [Theory]
    [InlineData("not (min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < 3)")]
    [InlineData("not (worst(f => f.indicator == \"q1.prevention.priority\") != effective)")]
    public void Compile_NegatedComparisonWithUndefined_IsTrue(string when)
    {
        // Act
        var value = Q1(when)(None);

        // Assert
        Assert.True(value);
    }

    [Fact]
    public void Compile_MinMaxWorstBest_OfDefinedValues()
    {
        // Arrange
        FindingFact[] facts =
        [
            Number("N1", 4.5m), Number("N2", -2m), Number("N3", 7m),
            Fact("J1", Priority, "inconsistent"), Fact("J2", Priority, "mostly-effective"),
        ];

        // Act / Assert
        Assert.True(Q1("min(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == -2")(facts));
        Assert.True(Q1("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == 7")(facts));
        Assert.True(Q1("worst(f => f.indicator == \"q1.prevention.priority\") == inconsistent")(facts));
        Assert.True(Q1("best(f => f.indicator == \"q1.prevention.priority\") == mostly-effective")(facts));
        Assert.True(Q1("worst(f => f.indicator == \"q1.prevention.priority\") worse than mostly-effective")(facts));
        Assert.False(Q1("best(f => f.indicator == \"q1.prevention.priority\") better than mostly-effective")(facts));
    }

    [Theory]
    [InlineData("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator == \"q1.prevention.priority\") >= 0")]
    [InlineData("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator == \"q1.prevention.priority\") < 1")]
    [InlineData("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator == \"q1.prevention.priority\") == 0")]
    public void Compile_RatioWithZeroDenominator_IsUndefined(string when)
    {
        // Arrange: a finding exists, but none of the denominator's indicator.
        var condition = Q1(when);

        // Act / Assert
        Assert.False(condition(Unrelated));
        Assert.False(condition(None));
    }

    [Fact]
    public void Compile_Ratio_DividesCounts()
    {
        // Arrange
        var condition = Q1("ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement == effective, f => f.indicator == \"q1.prevention.priority\") == 0.5");
        FindingFact[] facts = [Fact("J1", Priority, "effective"), Fact("J2", Priority, "ineffective"), Fact("P1", Partnership, "effective")];

        // Act / Assert
        Assert.True(condition(facts));
        Assert.False(condition(facts[..1]));
    }

    public static TheoryData<decimal[]> SumOrders() => new()
    {
        new[] { 0.1m, 0.2m, 0.3m, 1.005m, -0.605m },
        new[] { -0.605m, 1.005m, 0.3m, 0.2m, 0.1m },
        new[] { 0.3m, -0.605m, 0.1m, 1.005m, 0.2m },
        new[] { 1.005m, 0.1m, -0.605m, 0.2m, 0.3m },
    };

    [Theory]
    [MemberData(nameof(SumOrders))]
    public void Compile_SumOfDecimals_IsExactInAnyOrder(decimal[] values)
    {
        // Arrange
        var exact = Q1("sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == 1");
        var facts = values.Select((v, i) => Number($"N{i}", v)).ToList();

        // Act / Assert: 0.1 + 0.2 + 0.3 + 1.005 - 0.605 is exactly 1.
        Assert.True(exact(facts));
    }

    [Fact]
    public void Compile_SumOverNothing_IsZero()
    {
        // Act
        var value = Q1("sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == 0")(Unrelated);

        // Assert
        Assert.True(value);
    }

    [Fact]
    public void Compile_AllWithFilter_IsVacuouslyTrueWhenNothingMatches()
    {
        // Arrange
        var condition = Q1("all(f => f.indicator == \"q1.prevention.priority\", f => f.judgement == effective)");

        // Act / Assert
        Assert.True(condition(None));
        Assert.True(condition(Unrelated));
        Assert.True(condition([Fact("J1", Priority, "effective"), .. Unrelated]));
        Assert.False(condition([Fact("J1", Priority, "effective"), Fact("J2", Priority, "mostly-effective")]));
    }

    [Fact]
    public void Compile_AllWithOneLambda_RangesOverEveryFinding()
    {
        // Arrange
        var condition = Q1("all(f => f.area == \"partnership\")");

        // Act / Assert
        Assert.True(condition(None));
        Assert.True(condition(Unrelated));
        Assert.False(condition([.. Unrelated, Fact("J1", Priority, "effective")]));
    }

    [Fact]
    public void Compile_AnyAndCount_CountMatchingFindings()
    {
        // Arrange
        FindingFact[] facts = [Fact("J1", Priority, "effective"), Fact("J2", Priority, "inconsistent"), Fact("J3", Priority, "ineffective")];

        // Act / Assert
        Assert.True(Q1("count(f => f.indicator == \"q1.prevention.priority\" and f.judgement worse than mostly-effective) == 2")(facts));
        Assert.True(Q1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement in [ineffective])")(facts));
        Assert.False(Q1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == mostly-effective)")(facts));
        Assert.True(Q1("count(f => true) == 0")(None));
    }

    [Fact]
    public void Compile_NestedAggregate_CanReadTheOuterFinding()
    {
        // Arrange: some priority finding has the same judgement as some partnership finding.
        var condition = Q1("any(f => f.indicator == \"q1.prevention.priority\" and any(g => g.indicator == \"q1.partnership.working\" and g.judgement == f.judgement))");

        // Act / Assert
        Assert.True(condition([Fact("J1", Priority, "inconsistent"), Fact("P1", Partnership, "effective"), Fact("P2", Partnership, "inconsistent")]));
        Assert.False(condition([Fact("J1", Priority, "inconsistent"), Fact("P1", Partnership, "effective")]));
    }

    [Fact]
    public void Compile_YesNoValue_ReadsTheFlag()
    {
        // Arrange
        var noDatabase = Q1("any(f => f.indicator == \"q1.partnership.database\" and not f.value)");

        // Act / Assert
        Assert.True(noDatabase([Fact("D1", Database, flag: false)]));
        Assert.False(noDatabase([Fact("D1", Database, flag: true)]));
        Assert.False(noDatabase(None));
    }

    [Fact]
    public void Compile_JudgementOfNonJudgementFinding_NeverSatisfiesAComparison()
    {
        // Arrange: the finding is not of the narrowed indicator, so the whole conjunction is false.
        var condition = Q1("any(f => f.judgement better than inconsistent and f.indicator == \"q1.prevention.priority\")");

        // Act / Assert
        Assert.False(condition([Number("N1", 3m), Fact("D1", Database, flag: true)]));
        Assert.True(condition([Fact("J1", Priority, "effective")]));
    }

    [Theory]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) / (2 - 2) > 0")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) / (2 - 2) <= 0")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) / (count(f => f.value > 100 and f.indicator == \"q1.prevention.crime-change\")) == 0")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) * max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 0")]
    [InlineData("sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) > 0")]
    [InlineData("sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) < 0")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) + 79228162514264337593543950335 != 0")]
    [InlineData("0 - max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) - 79228162514264337593543950335 < 0")]
    [InlineData("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) / 0.0000000000000000000000000001 > 0")]
    public void Compile_DivisionByZeroAndOverflow_AreUndefinedWithoutException(string when)
    {
        // Arrange: two findings of the largest decimal.
        var condition = Q1(when);
        FindingFact[] facts = [Number("N1", decimal.MaxValue), Number("N2", decimal.MaxValue)];

        // Act
        var value = condition(facts);

        // Assert
        Assert.False(value);
    }

    [Fact]
    public void Compile_UndefinedArithmetic_MakesNegationTrue()
    {
        // Arrange
        var condition = Q1("not (max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) / (2 - 2) > 0)");

        // Act
        var value = condition([Number("N1", 1m)]);

        // Assert
        Assert.True(value);
    }

    [Fact]
    public void Compile_Arithmetic_FollowsPrecedence()
    {
        // Arrange
        var condition = Q1("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) - 2 * 3 == 4 and -max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) == -10");

        // Act / Assert
        Assert.True(condition([Number("N1", 10m)]));
    }

    [Fact]
    public void Compile_ProfileCondition_ReadsCountsAndWeights()
    {
        // Arrange
        var condition = Profile("causes-of-concern.count == 0 and strengths.weight >= 2 * areas-for-improvement.weight and notable-practices.count >= 1");
        static OutcomeProfile P(int strengthWeight, int afiWeight, int causes, int notable) =>
            OutcomeProfile.Of("Q1", [1, 1, causes, notable], [strengthWeight, afiWeight, 3 * causes, notable]);

        // Act / Assert
        Assert.True(condition(P(4, 2, 0, 1)));
        Assert.False(condition(P(3, 2, 0, 1)));
        Assert.False(condition(P(4, 2, 1, 1)));
        Assert.False(condition(P(4, 2, 0, 0)));
    }

    [Fact]
    public void Compile_RollupCondition_ReadsQuestionGrades()
    {
        // Arrange
        var condition = Rollup("all(q => q.grade no worse than requires-improvement) and count(q => q.grade == requires-improvement) <= 1 and any(q => q.id == \"Q2\" and q.grade == good)");
        var empty = OutcomeProfile.Of("", new int[4], new int[4]);
        QuestionGradeFact Q(string id, int rank) => new(id, rank, 0, empty);

        // Act / Assert: ranks 0 outstanding, 1 good, 2 requires improvement, 3 inadequate.
        Assert.True(condition([Q("Q1", 2), Q("Q2", 1)]));
        Assert.False(condition([Q("Q1", 3), Q("Q2", 1)]));
        Assert.False(condition([Q("Q1", 2), Q("Q2", 2)]));
        Assert.False(condition([Q("Q1", 1), Q("Q2", 0)]));
    }

    [Fact]
    public void Compile_RollupCondition_ReadsTheInspectionsFindingsCounts()
    {
        // Arrange
        var condition = RollupOverFindings("count(q => q.grade == inadequate) >= 1 or findings.breach-of-regulation >= 2 or findings.count - findings.notable > 4");
        var empty = OutcomeProfile.Of("", new int[4], new int[4]);
        QuestionGradeFact[] grades = [new("Q1", 1, 0, empty), new("Q2", 2, 0, empty)];
        OutcomeProfile Findings(int all, int breaches, int notable) => OutcomeProfile.Of("", [], [], all, [breaches, notable]);

        // Act / Assert
        Assert.False(condition(grades, Findings(1, 1, 0)));
        Assert.True(condition(grades, Findings(2, 2, 0)));
        Assert.True(condition(grades, Findings(5, 0, 0)));
        Assert.False(condition(grades, Findings(5, 0, 1)));
        Assert.True(condition([new("Q1", 3, 0, empty)], Findings(0, 0, 0)));
    }

    [Fact]
    public void RuleOps_UndefinedOperands_GiveFalseOrUndefined()
    {
        // Assert
        Assert.False(RuleOps.Eq(null, null));
        Assert.False(RuleOps.Ne(null, 1m));
        Assert.False(RuleOps.Ne(1m, null));
        Assert.False(RuleOps.RankNe(null, 0));
        Assert.False(RuleOps.InNumber(null, [0m]));
        Assert.False(RuleOps.InRank(null, [0]));
        Assert.Null(RuleOps.Add(null, 1m));
        Assert.Null(RuleOps.Div(1m, 0m));
        Assert.Null(RuleOps.Div(null, 0m));
        Assert.Null(RuleOps.Mul(decimal.MaxValue, 2m));
        Assert.Null(RuleOps.Sub(decimal.MinValue, 1m));
        Assert.Null(RuleOps.Neg(null));
        Assert.Equal(0.5m, RuleOps.Div(1m, 2m));
    }
}
