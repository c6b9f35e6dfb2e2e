using System.Linq.Expressions;
using GradingEngine.Check;
using GradingEngine.Facts;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace GradingEngine.Compile;

/// <summary>
/// Builds NRules rule definitions from a checked rulebook with RuleModel builders and expression
/// trees: one rule per criterion, and per question a profile rule and one rule per threshold row. A criterion rule matches its question's <see cref="QuestionEvidence"/>,
/// the findings gathered once per inspection into the sources its aggregates read, and records its
/// outcome there. Profiles also need <see cref="OutcomesComplete"/>, which the evaluator inserts only
/// after the criteria have fired, so a profile sums the whole set of outcomes. Rows of a table are made
/// mutually exclusive (row i holds and no row above it does), so exactly one fires and no grade depends
/// on firing order. The roll-up runs after the session, on the question grades (Rollup/).
/// </summary>
internal static class RulebookCompiler
{
    private const int CriterionPriority = 30;
    private const int ProfilePriority = 20;
    private const int QuestionGradePriority = 10;
    private const string AnchorName = "question";
    private const int LaneSize = 8;
    private static readonly System.Reflection.MethodInfo CriterionMet = ((MethodCallExpression)((Expression<Action<CriterionRuntime, QuestionEvidence>>)((c, e) => RuleActions.CriterionMet(c, e))).Body).Method;
    private static readonly System.Reflection.MethodInfo InLane = ((MethodCallExpression)((Expression<Func<QuestionEvidence, bool>>)(e => e.InLane(0))).Body).Method;

    /// <summary>
    /// From this many inspections up, emitting IL pays: below it, the JIT's first-call cost per condition is
    /// more than the interpreter loses per inspection (measured in docs/performance.md, "Interpreted or compiled").
    /// </summary>
    public const int CompileFrom = 1000;

    /// <summary>The mode for grading this many inspections with one compiled rulebook in a fresh process.</summary>
    public static ExpressionMode ModeFor(int inspections) =>
        inspections >= CompileFrom ? ExpressionMode.Compiled : ExpressionMode.Interpreted;

    /// <param name="mode">Emit IL for many inspections, or interpret for a few (see <see cref="ExpressionMode"/>).</param>
    /// <param name="indicators">The indicators of the findings to be graded, when they are known before compiling (`grade`,
    /// `validate`, `explain`): only the criteria that read one of them become rules, and every other criterion takes the
    /// value it has over no findings, the same for every inspection coded with these indicators only. Null compiles every
    /// criterion, for any findings.</param>
    public static CompiledRulebook Compile(CheckedRulebook rulebook, ExpressionMode mode = ExpressionMode.Compiled, IReadOnlySet<string>? indicators = null)
    {
        // A criterion that reads none of the indicators present cannot tell these inspections apart: it is decided once, here.
        var isActive = new bool[rulebook.Criteria.Count];
        foreach (var c in rulebook.Criteria) isActive[c.Index] = indicators is null || Overlap(c.ReadIndicators, indicators);
        var active = rulebook.Criteria.Where(c => isActive[c.Index]).ToList();
        var compiler = FastCompiler.For(mode);
        var layouts = rulebook.Rulebook.Questions.ToDictionary(q => q.Id, q => new EvidenceLayout.Builder(q.Id), StringComparer.Ordinal);
        // Conditions first: compiling them registers the evidence sources the layouts then freeze.
        var conditions = active.Select(c => ConditionCompiler.ForEvidence(c.Condition, layouts[c.Criterion.QuestionId].SourceOf)).ToList();
        var metWithoutRules = rulebook.Criteria.Where(c => !isActive[c.Index] && EmptyEvidence.Holds(c.Condition)).ToList();
        // Their evidence is looked for in the sources their conditions read, so those are registered too (no rule is made).
        foreach (var c in metWithoutRules) ConditionCompiler.ForEvidence(c.Condition, layouts[c.Criterion.QuestionId].SourceOf);
        var valueExpressions = rulebook.Rulebook.Questions.ToDictionary(q => q.Id,
            q => ValuesRuntime.Expressions(ValuesOf(rulebook, q.Id), layouts[q.Id].SourceOf), StringComparer.Ordinal);
        var evidence = layouts.ToDictionary(l => l.Key, l => l.Value.Build(), StringComparer.Ordinal);
        var ids = rulebook.Rulebook.Values.Ids.Count;
        var values = rulebook.Rulebook.Questions.ToDictionary(q => q.Id,
            q => ValuesRuntime.Of(ids, ValuesOf(rulebook, q.Id), valueExpressions[q.Id], compiler), StringComparer.Ordinal);
        var criteria = rulebook.Criteria.Select(c => new CriterionRuntime(c, evidence[c.Criterion.QuestionId], compiler.Mode)).ToList();
        var rules = new List<IRuleDefinition>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < active.Count; i++)
        {
            var runtime = criteria[active[i].Index];
            var question = runtime.Criterion.QuestionId;
            var n = position.GetValueOrDefault(question);
            position[question] = n + 1;
            rules.Add(CriterionRule(runtime, conditions[i], n / LaneSize));
        }
        var metWithoutFindings = rulebook.Rulebook.Questions
            .Select(q => metWithoutRules.Where(c => c.Criterion.QuestionId == q.Id).Select(c => criteria[c.Index]).ToArray()).ToArray();
        foreach (var question in rulebook.Rulebook.Questions)
        {
            rules.Add(ProfileRule(question.Id, rulebook.Rulebook.Effects.Count, rulebook.Rulebook.Codebook.Kinds.Count, values[question.Id]));
            var table = rulebook.Thresholds[question.Id];
            rules.AddRange(table.Rules.Select(row => QuestionGradeRule(question.Id, table, row)));
        }
        var factory = new RuleCompiler { ExpressionCompiler = compiler }.Compile(rules);
        return new CompiledRulebook(rulebook, factory, criteria, evidence, rules.Count, compiler.Mode)
        {
            Values = values,
            Indicators = indicators,
            MetWithoutFindings = metWithoutFindings,
        };
    }

    /// <summary>Whether the sets share an element, looked up from the smaller: a criterion reads a few indicators, the findings many.</summary>
    private static bool Overlap(IReadOnlySet<string> read, IReadOnlySet<string> present)
    {
        if (read.Count > present.Count) return read.Overlaps(present);
        foreach (var id in read)
        {
            if (present.Contains(id)) return true;
        }
        return false;
    }

    private static IReadOnlyList<CheckedValue> ValuesOf(CheckedRulebook rulebook, string questionId) =>
        rulebook.Values.GetValueOrDefault(questionId) ?? [];

    private static IRuleDefinition CriterionRule(CriterionRuntime runtime, LambdaExpression condition, int lane)
    {
        var criterion = runtime.Criterion;
        var builder = Named($"criterion {criterion.Id}", criterion.Title, CriterionPriority, criterion.Span, "criterion");
        builder.Property("criterion", criterion.Id);
        var lhs = builder.LeftHandSide();
        // Two patterns on the same evidence fact. The first is identical for every criterion of the
        // question, so NRules builds its join once per question; the condition is a join condition of
        // the second, so it runs only when the question's evidence arrives, instead of every session
        // activating every criterion's own join at its start (docs/performance.md).
        var anchor = lhs.Pattern(typeof(QuestionEvidence), AnchorName);
        anchor.Condition(QuestionIs<QuestionEvidence>(AnchorName, e => e.QuestionId, criterion.QuestionId));
        var evidence = lhs.Pattern(typeof(QuestionEvidence), ConditionCompiler.EvidenceParameter);
        var own = QuestionIs<QuestionEvidence>(ConditionCompiler.EvidenceParameter, e => e.QuestionId, criterion.QuestionId);
        evidence.Condition(own);
        // Lanes: when NRules adds a join it compares it with every join under the same parent and right
        // input, so one input per question made compiling quadratic in its criteria. Each lane of LaneSize
        // criteria gets its own alpha input, under the question test the anchor shares. Lanes of 8 rather than 16 or 4:
        // the fewest comparisons of joins and lane tests together (docs/performance.md, "Rulebook scaling").
        evidence.Condition(Expression.Lambda<Func<QuestionEvidence, bool>>(
            Expression.Call(own.Parameters[0], InLane, Expression.Constant(lane)), own.Parameters));
        var question = anchor.Declaration.ToParameterExpression();
        evidence.Condition(Expression.Lambda<Func<QuestionEvidence, QuestionEvidence, bool>>(
            Expression.AndAlso(Expression.ReferenceEqual(question, condition.Parameters[0]), condition.Body),
            question, condition.Parameters[0]));

        // NRules binds action parameters to pattern declarations by name: `evidence` here. The runtime is a constant,
        // not a captured variable, so the action builds and interprets without a closure's field read.
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var met = Expression.Parameter(typeof(QuestionEvidence), ConditionCompiler.EvidenceParameter);
        builder.RightHandSide().Action(Expression.Lambda<Action<IContext, QuestionEvidence>>(
            Expression.Call(CriterionMet, Expression.Constant(runtime), met), context, met));
        return builder.Build();
    }

    private static IRuleDefinition ProfileRule(string questionId, int effects, int kinds, ValuesRuntime values)
    {
        var builder = Named($"profile {questionId}", $"outcome profile of {questionId}", ProfilePriority, null, "profile");
        var lhs = builder.LeftHandSide();
        ScopePattern(lhs, questionId);
        lhs.Pattern(typeof(OutcomesComplete), "complete");
        Expression<Action<IContext, QuestionEvidence>> action = (ctx, scope) => RuleActions.Profile(ctx, scope, effects, kinds, values);
        builder.RightHandSide().Action(action);
        return builder.Build();
    }

    private static IRuleDefinition QuestionGradeRule(string questionId, CheckedTable table, CheckedGradeRule row)
    {
        var builder = Named($"threshold {questionId} {row.Index + 1} {row.Grade.Id}", row.Rule.Because ?? row.Rule.ConditionText,
            QuestionGradePriority, row.Rule.Span, "threshold");
        var profile = builder.LeftHandSide().Pattern(typeof(OutcomeProfile), ConditionCompiler.ProfileParameter);
        var parameter = profile.Declaration.ToParameterExpression();
        profile.Condition(QuestionIs<OutcomeProfile>(ConditionCompiler.ProfileParameter, p => p.QuestionId, questionId));
        profile.Condition(Expression.Lambda<Func<OutcomeProfile, bool>>(FirstMatch(table, row, c => ConditionCompiler.ProfileBody(c, parameter)), parameter));
        var rank = row.Grade.Rank;
        var index = row.Index;
        Expression<Action<IContext, OutcomeProfile>> action = (ctx, profile) => RuleActions.QuestionGrade(ctx, profile, rank, index);
        builder.RightHandSide().Action(action);
        return builder.Build();
    }

    /// <summary>Row i's condition holds and no row above it holds: first match, as exclusive rules.</summary>
    private static Expression FirstMatch(CheckedTable table, CheckedGradeRule row, Func<Check.Binding.BoundExpr, Expression> body)
    {
        Expression? earlier = null;
        foreach (var above in table.Rules.Take(row.Index))
        {
            if (above.Condition is null) continue;
            var condition = body(above.Condition);
            earlier = earlier is null ? condition : Expression.OrElse(earlier, condition);
        }
        var own = row.Condition is null ? Expression.Constant(true) : body(row.Condition);
        return earlier is null ? own : Expression.AndAlso(own, Expression.Not(earlier));
    }

    private static RuleBuilder Named(string name, string description, int priority, Diagnostics.SourceSpan? span, string tag)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(description);
        builder.Priority(priority);
        builder.Tag(tag);
        if (span is { } s)
        {
            builder.Property("file", s.Path);
            builder.Property("line", s.Line);
        }
        return builder;
    }

    /// <summary>The question's evidence anchors its profile, so the profile is made even when no criterion is met.</summary>
    private static void ScopePattern(GroupBuilder lhs, string questionId) =>
        lhs.Pattern(typeof(QuestionEvidence), "scope").Condition(QuestionIs<QuestionEvidence>("scope", s => s.QuestionId, questionId));

    /// <summary>`name.QuestionId == "Q1"` with the question as a constant, so NRules can share the node.</summary>
    private static Expression<Func<T, bool>> QuestionIs<T>(string name, Expression<Func<T, string>> member, string questionId)
    {
        var parameter = Expression.Parameter(typeof(T), name);
        var access = Expression.MakeMemberAccess(parameter, ((MemberExpression)member.Body).Member);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(access, Expression.Constant(questionId)), parameter);
    }
}
