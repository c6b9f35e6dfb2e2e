using System.Linq.Expressions;
using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Properties;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Compile;

/// <summary>
/// Every expression tree the compiler emits is built from the whitelist alone: calls into <see cref="RuleOps"/>
/// and the evidence and profile accessors, the fact members a rule may read, and a handful of node kinds. A
/// conversion may only lift a value to its nullable form: one that needs an operator found by reflection
/// (decimal's implicit operators) fails in the native AOT CLI, whose trimmed build does not keep it.
/// </summary>
public class ConditionWhitelistTests
{
    private static readonly Lazy<CheckedRulebook> Shipped = new(() =>
    {
        var result = GradingPipeline.CheckRulebook(Repo.DefaultRules, lint: false);
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        return result.Value!;
    });

    private static readonly Lazy<CheckedRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()).Checked);

    public static TheoryData<string> MiniConditions => [.. EvidenceSourceProperties.Conditions, .. More];

    // What the two lists above leave out: arithmetic, negation, comparisons of numbers, `in` over numbers.
    private static readonly string[] More =
    [
        "sum(f => f.indicator == \"q1.prevention.crime-change\", f => f.value * 2 - 1) / 3 > -100",
        "min(f => f.indicator == \"q1.prevention.crime-change\", f => -f.value) <= 1000 and max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) in [1, 2, 3]",
        "ratio(f => f.indicator == \"q1.prevention.priority\" and f.judgement != effective, f => f.indicator == \"q1.prevention.priority\") != 0.5",
        "worst(f => f.indicator == \"q1.prevention.priority\") in [effective, ineffective] and count(f => f.area == \"prevention\") < 4",
        "all(f => f.indicator == \"q1.prevention.priority\" and f.judgement no better than mostly-effective)",
    ];

    [Fact]
    public void ShippedRulebook_EveryCriterionThresholdAndRollupTree_IsWhitelisted()
    {
        var rulebook = Shipped.Value;
        foreach (var criterion in rulebook.Criteria)
        {
            var layout = new EvidenceLayout.Builder(criterion.Criterion.QuestionId);
            AssertWhitelisted(ConditionCompiler.ForEvidence(criterion.Condition, layout.SourceOf), criterion.Criterion.Id);
        }
        foreach (var row in rulebook.Thresholds.Values.SelectMany(t => t.Rules).Where(r => r.Condition is not null))
        {
            AssertWhitelisted(ConditionCompiler.ForProfile(row.Condition!), row.Rule.ConditionText);
        }
        foreach (var row in rulebook.Rollup!.Table.Rules.Where(r => r.Condition is not null))
        {
            AssertWhitelisted(ConditionCompiler.ForQuestions(row.Condition!), row.Rule.ConditionText);
        }
    }

    [Theory]
    [MemberData(nameof(MiniConditions))]
    public void Condition_NarrowedAndOverEveryFinding_IsWhitelisted(string when)
    {
        var model = Mini.Value.Rulebook;
        var condition = TestKit.BindCondition(when, new ConditionContext.Findings(model.FindQuestion("Q1")!, model.Codebook));

        AssertWhitelisted(ConditionCompiler.ForEvidence(condition, new EvidenceLayout.Builder("Q1").SourceOf), when);
        AssertWhitelisted(ConditionCompiler.ForEvidence(condition, _ => EvidenceLayout.AllFindings), when);
    }

    [Fact]
    public void Whitelist_RejectsAConversionThroughAnOperator()
    {
        var value = Expression.Parameter(typeof(int), "n");
        var converted = Expression.Lambda<Func<int, decimal?>>(Expression.Convert(value, typeof(decimal?)), value);

        Assert.NotEmpty(new Whitelist().Violations(converted));
    }

    private static void AssertWhitelisted(LambdaExpression expression, string what)
    {
        var violations = new Whitelist().Violations(expression);
        Assert.True(violations.Count == 0, $"{what}: {string.Join("; ", violations)}");
    }

    private sealed class Whitelist : ExpressionVisitor
    {
        private static readonly HashSet<ExpressionType> Kinds =
        [
            ExpressionType.Lambda, ExpressionType.Parameter, ExpressionType.Constant, ExpressionType.Call,
            ExpressionType.MemberAccess, ExpressionType.Convert, ExpressionType.AndAlso, ExpressionType.OrElse,
            ExpressionType.Not, ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.GreaterThan,
            ExpressionType.ArrayLength,
        ];

        private static readonly HashSet<Type> CallTargets = [typeof(RuleOps), typeof(QuestionEvidence), typeof(OutcomeProfile)];
        private static readonly HashSet<Type> Members = [typeof(FindingFact), typeof(QuestionGradeFact)];

        private static readonly HashSet<Type> Constants =
        [
            typeof(bool), typeof(int), typeof(string), typeof(decimal?), typeof(int?), typeof(Model.Effect),
            typeof(string[]), typeof(decimal[]), typeof(int[]),
        ];

        private static readonly object[] SharedDelegates = [RuleOps.EveryFinding, RuleOps.EveryQuestion, RuleOps.FindingRank, RuleOps.QuestionRank];

        private readonly List<string> _violations = [];

        public List<string> Violations(Expression expression)
        {
            Visit(expression);
            return _violations;
        }

        public override Expression? Visit(Expression? node)
        {
            if (node is not null && !Kinds.Contains(node.NodeType)) _violations.Add($"node {node.NodeType}: {node}");
            return base.Visit(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!CallTargets.Contains(node.Method.DeclaringType!)) _violations.Add($"call {node.Method.DeclaringType}.{node.Method.Name}");
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (!Members.Contains(node.Member.DeclaringType!)) _violations.Add($"member {node.Member.DeclaringType}.{node.Member.Name}");
            return base.VisitMember(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var lifted = node.NodeType != ExpressionType.Convert
                || (node.Method is null && Nullable.GetUnderlyingType(node.Type) == node.Operand.Type);
            if (!lifted) _violations.Add($"conversion {node.Operand.Type.Name} -> {node.Type} ({node.Method?.Name ?? "no operator"})");
            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is not null) _violations.Add($"operator {node.Method.DeclaringType}.{node.Method.Name}");
            return base.VisitBinary(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            var allowed = node.Value is null
                ? node.Type == typeof(decimal?) || node.Type == typeof(int?)
                : Constants.Contains(node.Type) || SharedDelegates.Any(d => ReferenceEquals(d, node.Value));
            if (!allowed) _violations.Add($"constant of {node.Type}");
            return base.VisitConstant(node);
        }
    }
}
