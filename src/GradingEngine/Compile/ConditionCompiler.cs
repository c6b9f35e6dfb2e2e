using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Syntax;
using GradingEngine.Model;

namespace GradingEngine.Compile;

/// <summary>
/// Turns a bound condition into a System.Linq.Expressions lambda. Only the members and
/// <see cref="RuleOps"/> methods named below can appear in a compiled rule: the whitelist is this file.
/// Representations: yes/no → bool, number → decimal? (null = undefined), judgement → int? rank, text → string.
/// </summary>
internal sealed class ConditionCompiler
{
    public const string EvidenceParameter = "evidence";
    public const string QuestionsParameter = "questions";
    public const string ProfileParameter = "profile";

    private readonly ParameterExpression? _evidence;
    private readonly Func<IReadOnlyList<Indicator>, int>? _sourceOf;
    private readonly ParameterExpression? _questions;
    private readonly ParameterExpression? _profile;
    private readonly Dictionary<ItemVariable, ParameterExpression> _variables = new(ReferenceEqualityComparer.Instance);

    private ConditionCompiler(
        ParameterExpression? evidence = null,
        Func<IReadOnlyList<Indicator>, int>? sourceOf = null,
        ParameterExpression? questions = null,
        ParameterExpression? profile = null)
    {
        _evidence = evidence;
        _sourceOf = sourceOf;
        _questions = questions;
        _profile = profile;
    }

    /// <summary>
    /// A criterion condition over its question's evidence. Each finding aggregate scans the source of
    /// its candidate indicators, which <paramref name="sourceOf"/> registers (see <see cref="EvidenceLayout"/>).
    /// </summary>
    public static Expression<Func<QuestionEvidence, bool>> ForEvidence(BoundExpr condition, Func<IReadOnlyList<Indicator>, int> sourceOf)
    {
        var evidence = Expression.Parameter(typeof(QuestionEvidence), EvidenceParameter);
        return Expression.Lambda<Func<QuestionEvidence, bool>>(new ConditionCompiler(evidence, sourceOf).Emit(condition), evidence);
    }

    /// <summary>
    /// A criterion condition as a delegate over one question's findings in canonical order: the same
    /// compiled condition the rules use, behind its own evidence layout. For analysis and tests.
    /// </summary>
    /// <param name="mode">Interpreted is cheaper for a condition called only a few dozen times, where the JIT
    /// would cost more than it saves.</param>
    public static Func<IReadOnlyList<FindingFact>, bool> ForFindings(BoundExpr condition, ExpressionMode mode = ExpressionMode.Compiled)
    {
        var layout = new EvidenceLayout.Builder("");
        var expression = ForEvidence(condition, layout.SourceOf);
        var compiled = FastCompiler.For(mode).Compile(expression);
        var gather = layout.Build();
        return findings => compiled(gather.Gather(findings));
    }

    /// <summary>A number over one question's findings (an aggregate of a requirement), for what a trace shows it saw.</summary>
    public static Func<IReadOnlyList<FindingFact>, decimal?> ForFindingsNumber(BoundExpr number, ExpressionMode mode)
    {
        var layout = new EvidenceLayout.Builder("");
        var evidence = Expression.Parameter(typeof(QuestionEvidence), EvidenceParameter);
        var body = new ConditionCompiler(evidence, layout.SourceOf).Emit(number);
        var compiled = FastCompiler.For(mode).Compile(Expression.Lambda<Func<QuestionEvidence, decimal?>>(body, evidence));
        var gather = layout.Build();
        return findings => compiled(gather.Gather(findings));
    }

    /// <summary>A named value over a question's evidence: its aggregates scan the sources <paramref name="sourceOf"/> registers.</summary>
    public static Expression<Func<QuestionEvidence, decimal?>> NumberForEvidence(BoundExpr number, Func<IReadOnlyList<Indicator>, int> sourceOf)
    {
        var evidence = Expression.Parameter(typeof(QuestionEvidence), EvidenceParameter);
        return Expression.Lambda<Func<QuestionEvidence, decimal?>>(new ConditionCompiler(evidence, sourceOf).Emit(number), evidence);
    }

    /// <summary>A roll-up condition over the question results and the inspection's findings counts (a profile's, <see cref="OutcomeProfile.Findings"/>).</summary>
    public static Expression<Func<IEnumerable<QuestionGradeFact>, OutcomeProfile, bool>> ForQuestions(BoundExpr condition)
    {
        var questions = Expression.Parameter(typeof(IEnumerable<QuestionGradeFact>), QuestionsParameter);
        var findings = Expression.Parameter(typeof(OutcomeProfile), ProfileParameter);
        return Expression.Lambda<Func<IEnumerable<QuestionGradeFact>, OutcomeProfile, bool>>(QuestionsBody(condition, questions, findings), questions, findings);
    }

    public static Expression<Func<OutcomeProfile, bool>> ForProfile(BoundExpr condition)
    {
        var profile = Expression.Parameter(typeof(OutcomeProfile), ProfileParameter);
        return Expression.Lambda<Func<OutcomeProfile, bool>>(ProfileBody(condition, profile), profile);
    }

    /// <summary>The body of a profile condition over an existing parameter, to combine several rules in one lambda.</summary>
    public static Expression ProfileBody(BoundExpr condition, ParameterExpression profile) =>
        new ConditionCompiler(profile: profile).Emit(condition);

    /// <summary>The body of a roll-up condition over existing parameters.</summary>
    public static Expression QuestionsBody(BoundExpr condition, ParameterExpression questions, ParameterExpression findings) =>
        new ConditionCompiler(questions: questions, profile: findings).Emit(condition);

    /// <summary>A top-level aggregate's filter as a predicate over one finding, for witnesses.</summary>
    /// <param name="overItsSource">The predicate only sees the findings of its own source, so the tests that source
    /// guarantees are left out (see <see cref="Residual"/>). Null when nothing is left: every finding there matches.</param>
    public static Func<QuestionEvidence, FindingFact, bool>? CompileFindingPredicate(BoundLambda lambda, Func<IReadOnlyList<Indicator>, int> sourceOf, bool overItsSource, ExpressionMode mode)
    {
        var evidence = Expression.Parameter(typeof(QuestionEvidence), EvidenceParameter);
        var compiler = new ConditionCompiler(evidence, sourceOf);
        var item = compiler.Declare(lambda.Variable);
        var body = overItsSource ? compiler.Residual(lambda) : lambda.Body;
        return body is null ? null : FastCompiler.For(mode).Compile(Expression.Lambda<Func<QuestionEvidence, FindingFact, bool>>(compiler.Emit(body), evidence, item));
    }

    /// <summary>A top-level aggregate's number projection (`f => f.value`) over one finding.</summary>
    public static Func<QuestionEvidence, FindingFact, decimal?> CompileFindingNumber(BoundLambda lambda, Func<IReadOnlyList<Indicator>, int> sourceOf, ExpressionMode mode)
    {
        var evidence = Expression.Parameter(typeof(QuestionEvidence), EvidenceParameter);
        var compiler = new ConditionCompiler(evidence, sourceOf);
        var item = compiler.Declare(lambda.Variable);
        return FastCompiler.For(mode).Compile(Expression.Lambda<Func<QuestionEvidence, FindingFact, decimal?>>(compiler.Emit(lambda.Body), evidence, item));
    }

    private ParameterExpression Declare(ItemVariable variable)
    {
        var parameter = Expression.Parameter(variable.Kind == ItemKind.Finding ? typeof(FindingFact) : typeof(QuestionGradeFact), variable.Name);
        _variables[variable] = parameter;
        return parameter;
    }

    private Expression Emit(BoundExpr expr) => expr switch
    {
        BoundConstant c => Constant(c),
        BoundField f => Field(f),
        BoundProfileVariable p => ProfileVariable(p),
        BoundNot n => Expression.Not(Emit(n.Operand)),
        BoundNegate n => Expression.Call(Ops.Neg, Emit(n.Operand)),
        BoundRound r => Expression.Call(Ops.Round, Emit(r.Operand)),
        BoundBands b => Expression.Call(Ops.Band, Emit(b.Input), Expression.Constant(b.From), Expression.Constant(b.Values)),
        // Over findings a value's definition stands in its place: computed from the same findings, with the same sources.
        BoundNamedValue v => Emit(v.Definition),
        BoundBinary b => Binary(b),
        BoundIn i => In(i),
        BoundAggregate a => Aggregate(a),
        _ => throw new InvalidOperationException($"unexpected bound node {expr.GetType().Name}"),
    };

    private static Expression Constant(BoundConstant c) => c.Type.Kind switch
    {
        TypeKind.Bool => Expression.Constant((bool)c.Value),
        TypeKind.Number => Expression.Constant((decimal?)(decimal)c.Value, typeof(decimal?)),
        // A literal in the emitted code rather than a boxed constant read from the closure.
        TypeKind.Judgement => Expression.Convert(Expression.Constant((int)c.Value), typeof(int?)),
        TypeKind.Text => Expression.Constant((string)c.Value),
        _ => throw new UnreachableException(c.Type.Kind.ToString()),
    };

    private Expression Field(BoundField f)
    {
        var item = _variables[f.Variable];
        return f.Field switch
        {
            ItemField.Indicator => Expression.Property(item, Members.IndicatorId),
            ItemField.Area => Expression.Property(item, Members.AreaId),
            ItemField.Judgement => Expression.Convert(Expression.Property(item, Members.FindingRank), typeof(int?)),
            ItemField.Number => Expression.Convert(Expression.Property(item, Members.Number), typeof(decimal?)),
            ItemField.Flag => Expression.Property(item, Members.Flag),
            ItemField.QuestionId => Expression.Property(item, Members.QuestionId),
            ItemField.Grade => Expression.Convert(Expression.Property(item, Members.QuestionRank), typeof(int?)),
            ItemField.Kind => Expression.Property(item, Members.Kind),
            ItemField.Score => Expression.Property(item, Members.Score),
            _ => throw new UnreachableException(f.Field.ToString()),
        };
    }

    private Expression ProfileVariable(BoundProfileVariable p)
    {
        if (p.Measure == ProfileMeasure.Value)
        {
            return Expression.Call(_profile!, Members.Value, Expression.Constant(p.Index));
        }
        var read = p.Measure switch
        {
            ProfileMeasure.Count => Members.Count,
            ProfileMeasure.Weight => Members.Weight,
            ProfileMeasure.Findings => Members.Findings,
            _ => throw new UnreachableException(p.Measure.ToString()),
        };
        return Expression.Call(Ops.Number, Expression.Call(_profile!, read, Expression.Constant(p.Index)));
    }

    private Expression Binary(BoundBinary b)
    {
        var left = Emit(b.Left);
        var right = Emit(b.Right);
        var kind = b.Left.Type.Kind;
        return b.Op switch
        {
            BinaryOp.And => Expression.AndAlso(left, right),
            BinaryOp.Or => Expression.OrElse(left, right),
            BinaryOp.Equal => kind switch
            {
                TypeKind.Bool => Expression.Equal(left, right),
                TypeKind.Number => Expression.Call(Ops.Eq, left, right),
                TypeKind.Judgement => Expression.Call(Ops.RankEq, left, right),
                TypeKind.Text => Expression.Call(Ops.TextEq, left, right),
                _ => throw new UnreachableException(kind.ToString()),
            },
            BinaryOp.NotEqual => kind switch
            {
                TypeKind.Bool => Expression.NotEqual(left, right),
                TypeKind.Number => Expression.Call(Ops.Ne, left, right),
                TypeKind.Judgement => Expression.Call(Ops.RankNe, left, right),
                TypeKind.Text => Expression.Call(Ops.TextNe, left, right),
                _ => throw new UnreachableException(kind.ToString()),
            },
            BinaryOp.Less => Expression.Call(Ops.Lt, left, right),
            BinaryOp.LessOrEqual => Expression.Call(Ops.Le, left, right),
            BinaryOp.Greater => Expression.Call(Ops.Gt, left, right),
            BinaryOp.GreaterOrEqual => Expression.Call(Ops.Ge, left, right),
            BinaryOp.WorseThan => Expression.Call(Ops.Worse, left, right),
            BinaryOp.BetterThan => Expression.Call(Ops.Better, left, right),
            BinaryOp.NoWorseThan => Expression.Call(Ops.NoWorse, left, right),
            BinaryOp.NoBetterThan => Expression.Call(Ops.NoBetter, left, right),
            BinaryOp.Add => Expression.Call(Ops.Add, left, right),
            BinaryOp.Subtract => Expression.Call(Ops.Sub, left, right),
            BinaryOp.Multiply => Expression.Call(Ops.Mul, left, right),
            BinaryOp.Divide => Expression.Call(Ops.Div, left, right),
            _ => throw new UnreachableException(b.Op.ToString()),
        };
    }

    private Expression In(BoundIn i)
    {
        var value = Emit(i.Value);
        return i.Value.Type.Kind switch
        {
            TypeKind.Number => Expression.Call(Ops.InNumber, value, Expression.Constant(i.Items.Select(x => (decimal)x.Value).ToArray())),
            TypeKind.Judgement => Expression.Call(Ops.InRank, value, Expression.Constant(i.Items.Select(x => (int)x.Value).ToArray())),
            TypeKind.Text => Expression.Call(Ops.InText, value, Expression.Constant(i.Items.Select(x => (string)x.Value).ToArray())),
            _ => throw new UnreachableException(i.Value.Type.Kind.ToString()),
        };
    }

    private Expression Aggregate(BoundAggregate a)
    {
        var findings = a.Filter.Variable.Kind == ItemKind.Finding;
        var itemType = findings ? typeof(FindingFact) : typeof(QuestionGradeFact);
        switch (a.Kind)
        {
            case AggregateKind.Any:
            case AggregateKind.Count:
                return Select(a.Kind, itemType, a.Filter);
            case AggregateKind.All when a.Second is null:
                // `all(f => P)`: P must hold for every item, so every item is examined.
                return Call(a.Kind, itemType, findings ? Source(EvidenceLayout.AllFindings) : Questions(), TrueFilter(itemType), Lambda(a.Filter));
            case AggregateKind.All:
                return Call(a.Kind, itemType, Items(a.Filter), Filter(a.Filter), Lambda(a.Second));
            case AggregateKind.Worst:
            case AggregateKind.Best:
                var rank = findings ? Expression.Constant(RuleOps.FindingRank) : Expression.Constant(RuleOps.QuestionRank);
                return Call(a.Kind, itemType, Items(a.Filter), Filter(a.Filter), rank);
            case AggregateKind.Ratio:
                // count(numerator) / count(denominator): each count scans its own source.
                return Expression.Call(Ops.Div,
                    Select(AggregateKind.Count, itemType, a.Filter),
                    Select(AggregateKind.Count, itemType, a.Second!));
            case AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.Mean:
                return Call(a.Kind, itemType, Items(a.Filter), Filter(a.Filter), Lambda(a.Second!));
            case AggregateKind.Percentage:
                // Each finding's score and the most it could score: the projection bound with it is f.judgement.
                return Expression.Call(Ops.Percentage, Items(a.Filter), Filter(a.Filter));
            default:
                throw new UnreachableException(a.Kind.ToString());
        }
    }

    /// <summary>`any` or `count` of the items a filter selects; the source's length when the source is exactly that selection.</summary>
    private Expression Select(AggregateKind kind, Type itemType, BoundLambda filter)
    {
        var items = Items(filter);
        var residual = Residual(filter);
        if (residual is not null) return Call(kind, itemType, items, Filter(filter, residual));
        var length = Expression.ArrayLength(items);
        return kind == AggregateKind.Any
            ? Expression.GreaterThan(length, Expression.Constant(0))
            : Expression.Call(Ops.Number, length);
    }

    /// <summary>An aggregate's filter over its own source (see <see cref="Residual"/>).</summary>
    private Expression Filter(BoundLambda filter) => Filter(filter, Residual(filter));

    private Expression Filter(BoundLambda filter, BoundExpr? residual)
    {
        var parameter = Declare(filter.Variable);
        return residual is null
            ? TrueFilter(parameter.Type)
            : Expression.Lambda(DelegateType(parameter.Type, typeof(bool)), Emit(residual), parameter);
    }

    /// <summary>
    /// A finding filter without the `and`-ed tests of `indicator` and `area` that every finding of its source passes,
    /// or null when nothing else is left. A narrowed source holds exactly the findings of the filter's candidate indicators,
    /// which the checker narrowed from those very tests, so they would only compare, for every finding, strings
    /// known to match. Left in, they were much of the compiled conditions' time, and on large rulebooks their
    /// constants were memory each session waited for.
    /// </summary>
    private BoundExpr? Residual(BoundLambda filter)
    {
        // A caller that puts every finding in every source (the tests' oracle) keeps every test.
        if (filter.Variable.Kind != ItemKind.Finding || _sourceOf!(filter.Variable.Candidates) == EvidenceLayout.AllFindings) return filter.Body;
        return Without(filter.Body);

        BoundExpr? Without(BoundExpr expr)
        {
            if (expr is BoundBinary { Op: BinaryOp.And } and)
            {
                var left = Without(and.Left);
                var right = Without(and.Right);
                return left is null ? right : right is null ? left : and with { Left = left, Right = right };
            }
            return Implied(expr) ? null : expr;
        }

        bool Implied(BoundExpr test)
        {
            var (field, values) = test switch
            {
                BoundBinary { Op: BinaryOp.Equal, Left: BoundField f, Right: BoundConstant c } => (f, new[] { c }),
                BoundBinary { Op: BinaryOp.Equal, Left: BoundConstant c, Right: BoundField f } => (f, new[] { c }),
                BoundIn { Value: BoundField f } @in => (f, @in.Items.ToArray()),
                _ => (null, []),
            };
            if (field is null || !ReferenceEquals(field.Variable, filter.Variable)) return false;
            var texts = values.Select(v => v.Value as string).ToHashSet(StringComparer.Ordinal);
            return field.Field switch
            {
                ItemField.Indicator => filter.Variable.Candidates.All(i => texts.Contains(i.Id)),
                ItemField.Area => filter.Variable.Candidates.All(i => texts.Contains(i.AreaId)),
                _ => false,
            };
        }
    }

    private static MethodCallExpression Call(AggregateKind kind, Type itemType, params Expression[] arguments) =>
        Expression.Call(Ops.Aggregate(kind, itemType == typeof(FindingFact)), arguments);

    /// <summary>The items a lambda ranges over: the evidence source of its candidate indicators, or the question results.</summary>
    private Expression Items(BoundLambda lambda) =>
        lambda.Variable.Kind == ItemKind.Finding ? Source(_sourceOf!(lambda.Variable.Candidates)) : Questions();

    private MethodCallExpression Source(int index) =>
        Expression.Call(_evidence!, Members.Source, Expression.Constant(index));

    private MethodCallExpression Questions() =>
        Expression.Call(Ops.Items, _questions!);

    /// <summary>One shared delegate rather than a lambda compiled per criterion: the same code and object for every rule.</summary>
    private static ConstantExpression TrueFilter(Type itemType) =>
        itemType == typeof(FindingFact) ? Expression.Constant(RuleOps.EveryFinding) : Expression.Constant(RuleOps.EveryQuestion);

    private LambdaExpression Lambda(BoundLambda lambda)
    {
        var parameter = Declare(lambda.Variable);
        var body = Emit(lambda.Body);
        return Expression.Lambda(DelegateType(parameter.Type, body.Type), body, parameter);
    }

    /// <summary>
    /// The delegate type of a lambda over one item, written out: letting Expression.Lambda infer it makes the
    /// generic type at run time, which a native AOT build of the CLI cannot promise. These are all the shapes.
    /// </summary>
    private static Type DelegateType(Type item, Type result) => (item == typeof(FindingFact), result) switch
    {
        (true, var r) when r == typeof(bool) => typeof(Func<FindingFact, bool>),
        (true, var r) when r == typeof(decimal?) => typeof(Func<FindingFact, decimal?>),
        (true, var r) when r == typeof(int?) => typeof(Func<FindingFact, int?>),
        (false, var r) when r == typeof(bool) => typeof(Func<QuestionGradeFact, bool>),
        (false, var r) when r == typeof(decimal?) => typeof(Func<QuestionGradeFact, decimal?>),
        (false, var r) when r == typeof(int?) => typeof(Func<QuestionGradeFact, int?>),
        _ => throw new InvalidOperationException($"unexpected lambda {item.Name} => {result.Name}"),
    };

    /// <summary>The whitelisted operations, found from lambdas rather than by name.</summary>
    private static class Ops
    {
        public static readonly MethodInfo Eq = Of(() => RuleOps.Eq(null, null));
        public static readonly MethodInfo Ne = Of(() => RuleOps.Ne(null, null));
        public static readonly MethodInfo Lt = Of(() => RuleOps.Lt(null, null));
        public static readonly MethodInfo Le = Of(() => RuleOps.Le(null, null));
        public static readonly MethodInfo Gt = Of(() => RuleOps.Gt(null, null));
        public static readonly MethodInfo Ge = Of(() => RuleOps.Ge(null, null));
        public static readonly MethodInfo RankEq = Of(() => RuleOps.RankEq(null, null));
        public static readonly MethodInfo RankNe = Of(() => RuleOps.RankNe(null, null));
        public static readonly MethodInfo Worse = Of(() => RuleOps.Worse(null, null));
        public static readonly MethodInfo Better = Of(() => RuleOps.Better(null, null));
        public static readonly MethodInfo NoWorse = Of(() => RuleOps.NoWorse(null, null));
        public static readonly MethodInfo NoBetter = Of(() => RuleOps.NoBetter(null, null));
        public static readonly MethodInfo TextEq = Of(() => RuleOps.TextEq("", ""));
        public static readonly MethodInfo TextNe = Of(() => RuleOps.TextNe("", ""));
        public static readonly MethodInfo InText = Of(() => RuleOps.InText("", null!));
        public static readonly MethodInfo InNumber = Of(() => RuleOps.InNumber(null, null!));
        public static readonly MethodInfo InRank = Of(() => RuleOps.InRank(null, null!));
        public static readonly MethodInfo Add = Of(() => RuleOps.Add(null, null));
        public static readonly MethodInfo Sub = Of(() => RuleOps.Sub(null, null));
        public static readonly MethodInfo Mul = Of(() => RuleOps.Mul(null, null));
        public static readonly MethodInfo Div = Of(() => RuleOps.Div(null, null));
        public static readonly MethodInfo Neg = Of(() => RuleOps.Neg(null));
        public static readonly MethodInfo Round = Of(() => RuleOps.Round(null));
        public static readonly MethodInfo Band = Of(() => RuleOps.Band(null, null!, null!));
        public static readonly MethodInfo Percentage = Of(() => RuleOps.Percentage(null!, null!));

        public static readonly MethodInfo Number = Of(() => RuleOps.Number(0));
        public static readonly MethodInfo Items = Of(() => RuleOps.Items<QuestionGradeFact>(null!));

        // Closed over each item type here rather than with MakeGenericMethod, which a native AOT build cannot promise.
        private static readonly Dictionary<AggregateKind, MethodInfo> OverFindings = new()
        {
            [AggregateKind.Any] = Of(() => RuleOps.Any<FindingFact>(null!, null!)),
            [AggregateKind.All] = Of(() => RuleOps.All<FindingFact>(null!, null!, null!)),
            [AggregateKind.Count] = Of(() => RuleOps.Count<FindingFact>(null!, null!)),
            [AggregateKind.Sum] = Of(() => RuleOps.Sum<FindingFact>(null!, null!, null!)),
            [AggregateKind.Min] = Of(() => RuleOps.Min<FindingFact>(null!, null!, null!)),
            [AggregateKind.Max] = Of(() => RuleOps.Max<FindingFact>(null!, null!, null!)),
            [AggregateKind.Mean] = Of(() => RuleOps.Mean<FindingFact>(null!, null!, null!)),
            [AggregateKind.Worst] = Of(() => RuleOps.Worst<FindingFact>(null!, null!, null!)),
            [AggregateKind.Best] = Of(() => RuleOps.Best<FindingFact>(null!, null!, null!)),
        };

        private static readonly Dictionary<AggregateKind, MethodInfo> OverQuestions = new()
        {
            [AggregateKind.Any] = Of(() => RuleOps.Any<QuestionGradeFact>(null!, null!)),
            [AggregateKind.All] = Of(() => RuleOps.All<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Count] = Of(() => RuleOps.Count<QuestionGradeFact>(null!, null!)),
            [AggregateKind.Sum] = Of(() => RuleOps.Sum<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Min] = Of(() => RuleOps.Min<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Max] = Of(() => RuleOps.Max<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Mean] = Of(() => RuleOps.Mean<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Worst] = Of(() => RuleOps.Worst<QuestionGradeFact>(null!, null!, null!)),
            [AggregateKind.Best] = Of(() => RuleOps.Best<QuestionGradeFact>(null!, null!, null!)),
        };

        /// <summary>An aggregate over findings or over question results; `ratio` is two counts.</summary>
        public static MethodInfo Aggregate(AggregateKind kind, bool overFindings) => (overFindings ? OverFindings : OverQuestions)[kind];

        private static MethodInfo Of(Expression<Action> call) => ((MethodCallExpression)call.Body).Method;

    }

    /// <summary>The fact members a compiled rule may read.</summary>
    private static class Members
    {
        public static readonly PropertyInfo IndicatorId = Property((FindingFact f) => f.IndicatorId);
        public static readonly PropertyInfo AreaId = Property((FindingFact f) => f.AreaId);
        public static readonly PropertyInfo FindingRank = Property((FindingFact f) => f.Rank);
        public static readonly PropertyInfo Number = Property((FindingFact f) => f.Number);
        public static readonly PropertyInfo Flag = Property((FindingFact f) => f.Flag);
        public static readonly PropertyInfo QuestionId = Property((QuestionGradeFact q) => q.QuestionId);
        public static readonly PropertyInfo QuestionRank = Property((QuestionGradeFact q) => q.Rank);
        public static readonly MethodInfo Source = ((MethodCallExpression)((Expression<Func<QuestionEvidence, FindingFact[]>>)(e => e.Source(0))).Body).Method;
        public static readonly PropertyInfo Kind = Property((FindingFact f) => f.KindId);
        public static readonly PropertyInfo Score = Property((FindingFact f) => f.Score);
        public static readonly MethodInfo Value = ((MethodCallExpression)((Expression<Func<OutcomeProfile, decimal?>>)(p => p.Value(0))).Body).Method;
        public static readonly MethodInfo Count = ((MethodCallExpression)((Expression<Func<OutcomeProfile, int>>)(p => p.Count(0))).Body).Method;
        public static readonly MethodInfo Weight = ((MethodCallExpression)((Expression<Func<OutcomeProfile, int>>)(p => p.Weight(0))).Body).Method;
        public static readonly MethodInfo Findings = ((MethodCallExpression)((Expression<Func<OutcomeProfile, int>>)(p => p.Findings(0))).Body).Method;

        private static PropertyInfo Property<T, TValue>(Expression<Func<T, TValue>> access) =>
            (PropertyInfo)((MemberExpression)access.Body).Member;
    }
}
