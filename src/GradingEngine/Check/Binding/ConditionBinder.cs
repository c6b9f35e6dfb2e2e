using System.Diagnostics;
using GradingEngine.Diagnostics;
using GradingEngine.Syntax;
using GradingEngine.Model;

namespace GradingEngine.Check.Binding;

/// <summary>
/// Resolves names and checks types of one condition against the rulebook. Reports every error it
/// can find (a bad sub-expression does not cascade into errors about its parents) and returns null
/// when there was any.
/// </summary>
internal sealed partial class ConditionBinder
{
    private static readonly string[] FindingFields = ["indicator", "area", "judgement", "value", "kind"];
    private static readonly string[] QuestionFields = ["id", "grade"];
    private static readonly string[] Functions = ["any", "all", "count", "sum", "min", "max", "worst", "best", "ratio", "mean", "percentage", "round"];

    /// <summary>Names a condition reads as something else, which a named value cannot take.</summary>
    public static IEnumerable<string> ReservedNames => Functions;

    private readonly ConditionContext _context;
    private readonly Condition _condition;
    private readonly DiagnosticBag _bag;
    private readonly List<ItemVariable> _scope = [];
    private int _errors;

    private ConditionBinder(ConditionContext context, Condition condition, DiagnosticBag bag)
    {
        _context = context;
        _condition = condition;
        _bag = bag;
    }

    /// <summary>The innermost lambda variable of that name, or null: a loop, as every name of every condition is looked up.</summary>
    private ItemVariable? InScope(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name) return _scope[i];
        }
        return null;
    }

    /// <summary>The first index whose item matches, or -1, without copying the list to find it.</summary>
    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i])) return i;
        }
        return -1;
    }

    /// <summary>Binds a condition that must be yes/no. Null when it has errors (all reported to <paramref name="bag"/>).</summary>
    public static BoundExpr? Bind(Condition condition, ConditionContext context, DiagnosticBag bag) =>
        BindAs(TypeKind.Bool, condition, context, bag, "a condition must be yes/no", "compare it, e.g. `count(f => ...) >= 2`");

    /// <summary>Binds an expression that must be a number: a named value's definition.</summary>
    public static BoundExpr? BindNumber(Condition definition, ConditionContext context, DiagnosticBag bag) =>
        BindAs(TypeKind.Number, definition, context, bag, "a value must be a number",
            "values are numbers, such as `round(percentage(f => true))`; compare them in conditions");

    private static BoundExpr? BindAs(TypeKind kind, Condition condition, ConditionContext context, DiagnosticBag bag, string must, string help)
    {
        var binder = new ConditionBinder(context, condition, bag);
        var bound = binder.BindExpr(condition.Syntax, null);
        if (bound is not null && bound.Type.Kind != kind)
        {
            binder.Error(DiagnosticCodes.ConditionType, condition.Syntax, $"{must}, but this is a {bound.Type.Describe()}", help);
        }
        return binder._errors == 0 ? bound : null;
    }

    private void Error(string code, Expr at, string message, string? help = null)
    {
        _errors++;
        _bag.Error(code, _condition.SpanAt(at.Offset), message, help);
    }

    private BoundExpr? BindExpr(Expr expr, ValueType? expected) => expr switch
    {
        NumberLiteral n => new BoundConstant(ValueType.Number, n.Value),
        BoolLiteral b => new BoundConstant(ValueType.Bool, b.Value),
        StringLiteral s => BindString(s, expected),
        NameExpr name => BindName(name, expected),
        MemberExpr member => BindMember(member),
        UnaryExpr unary => BindUnary(unary),
        BinaryExpr binary => BindBinary(binary),
        InExpr @in => BindIn(@in),
        CallExpr call => BindCall(call),
        LambdaExpr lambda => Fail(lambda, DiagnosticCodes.ConditionSyntax, $"`{lambda.Parameter} => ...` can only be an argument of an aggregate such as `any`"),
        _ => Fail(expr, DiagnosticCodes.ConditionSyntax, "unsupported expression"),
    };

    private BoundExpr? Fail(Expr at, string code, string message, string? help = null)
    {
        Error(code, at, message, help);
        return null;
    }

    private BoundExpr? BindString(StringLiteral s, ValueType? expected) =>
        expected?.Kind == TypeKind.Judgement ? BindLevel(s.Value, s, expected) : new BoundConstant(ValueType.Text, s.Value);

    private BoundExpr? BindName(NameExpr name, ValueType? expected)
    {
        if (InScope(name.Name) is { } variable)
        {
            var fields = variable.Kind == ItemKind.Finding ? FindingFields : QuestionFields;
            return Fail(name, DiagnosticCodes.ConditionType, $"`{name.Name}` is a {(variable.Kind == ItemKind.Finding ? "finding" : "question result")}, not a value",
                $"use one of its fields: {string.Join(", ", fields.Select(f => $"`{name.Name}.{f}`"))}");
        }
        if (_context is ConditionContext.Findings { Values: { } values } && values.Has(name.Name))
        {
            if (values.Bind(name.Name) is { } value) return value;
            // Its definition's errors are reported where it is written.
            _errors++;
            return null;
        }
        if (_context is ConditionContext.Profile p && p.Values.ToList().IndexOf(name.Name) is var index and >= 0)
        {
            return new BoundProfileVariable(ProfileMeasure.Value, index, name.Name);
        }
        if (_context is ConditionContext.Profile profile && profile.Effects.Any(e => e.Plural == name.Name))
        {
            return Fail(name, DiagnosticCodes.UnknownName, $"`{name.Name}` needs `.count` or `.weight`", $"write `{name.Name}.count` or `{name.Name}.weight`");
        }
        if (_context is ConditionContext.Profile or ConditionContext.QuestionGrades && name.Name == ConditionContext.Profile.FindingsName)
        {
            return Fail(name, DiagnosticCodes.UnknownName, $"`{name.Name}` needs `.count` or a finding kind", $"write `{name.Name}.count`, or `{name.Name}.<kind>` for the findings of one kind");
        }
        if (expected?.Kind == TypeKind.Judgement)
        {
            return BindLevel(name.Name, name, expected);
        }
        return Fail(name, DiagnosticCodes.UnknownName, $"unknown name `{name.Name}`", NameHelp(name.Name));
    }

    private string? NameHelp(string name) => _context switch
    {
        ConditionContext.Profile p => NameSuggester.Help(name, p.VariableNames) ?? ProfileHelp(p),
        _ when NameSuggester.Suggest(name, Functions) is { } f => $"did you mean the aggregate `{f}(...)`?",
        _ => "levels such as `mostly-effective` can only be compared with a judgement; findings are reached through aggregates such as `any(f => ...)`",
    };

    private static string ProfileHelp(ConditionContext.Profile p) =>
        $"threshold conditions read {string.Join(", ", p.VariableNames.Take(4).Select(n => $"`{n}`"))}, ...";

    private BoundExpr? BindLevel(string level, Expr at, ValueType expected)
    {
        var scale = expected.Scale!;
        var rank = scale.RankOf(level);
        if (rank < 0)
        {
            var kind = scale.Id == "grade" ? "grade" : "level";
            return Fail(at, DiagnosticCodes.UnknownLevel, $"`{level}` is not a {kind} of {expected.Describe()}",
                NameSuggester.Help(level, scale.Levels) ?? $"{kind}s are: {string.Join(", ", scale.Levels.Select(l => $"`{l}`"))}");
        }
        return new BoundConstant(expected, rank);
    }

    private BoundExpr? BindMember(MemberExpr member)
    {
        if (member.Target is not NameExpr target)
        {
            return Fail(member, DiagnosticCodes.ConditionType, $"`.{member.Member}` can only follow a variable name");
        }
        if (_context is ConditionContext.Profile profile)
        {
            return BindProfileVariable(profile, target, member);
        }
        var variable = InScope(target.Name);
        if (variable is null && _context is ConditionContext.QuestionGrades rollup)
        {
            return BindInspectionVariable(rollup, target, member);
        }
        if (variable is null)
        {
            return Fail(target, DiagnosticCodes.UnknownName, $"unknown variable `{target.Name}`",
                "findings are reached through aggregates, e.g. `any(f => f.indicator == \"...\")`");
        }
        return variable.Kind == ItemKind.Finding ? BindFindingField(member, variable) : BindQuestionField(member, variable);
    }

    private BoundExpr? BindProfileVariable(ConditionContext.Profile profile, NameExpr target, MemberExpr member)
    {
        var full = $"{target.Name}.{member.Member}";
        if (target.Name == ConditionContext.Profile.FindingsName)
        {
            return BindFindingsCount(profile.Kinds, member, "of the question");
        }
        var effect = IndexOf(profile.Effects, e => e.Plural == target.Name);
        if (effect < 0 || member.Member is not ("count" or "weight"))
        {
            return Fail(target, DiagnosticCodes.UnknownName, $"unknown profile variable `{full}`",
                NameSuggester.Help(full, profile.VariableNames) ?? ProfileHelp(profile));
        }
        return new BoundProfileVariable(member.Member == "weight" ? ProfileMeasure.Weight : ProfileMeasure.Count, effect, full);
    }

    /// <summary>`findings.count` or `findings.<kind>`: how many findings, of all kinds or of one, the scope holds.</summary>
    private BoundExpr? BindFindingsCount(IReadOnlyList<FindingKind> kinds, MemberExpr member, string of)
    {
        var full = $"{ConditionContext.Profile.FindingsName}.{member.Member}";
        if (member.Member == "count") return new BoundProfileVariable(ProfileMeasure.Findings, -1, full);
        var kind = IndexOf(kinds, k => k.Id == member.Member);
        if (kind >= 0) return new BoundProfileVariable(ProfileMeasure.Findings, kind, full);
        return Fail(member, DiagnosticCodes.UnknownKind, $"`{member.Member}` is not a finding kind",
            kinds.Count == 0
                ? $"the codebook declares no kinds: `{ConditionContext.Profile.FindingsName}.count` counts every finding {of}"
                : NameSuggester.Help(member.Member, kinds.Select(k => k.Id)) ?? $"kinds are: {string.Join(", ", kinds.Select(k => $"`{k.Id}`"))}");
    }

    /// <summary>
    /// A variable of a roll-up outside its question lambdas: the inspection's findings counts. They are one number for the
    /// whole inspection, so a lambda over the questions cannot read them; an effect counts one question's met criteria.
    /// </summary>
    private BoundExpr? BindInspectionVariable(ConditionContext.QuestionGrades rollup, NameExpr target, MemberExpr member)
    {
        var full = $"{target.Name}.{member.Member}";
        if (target.Name == ConditionContext.Profile.FindingsName)
        {
            return _scope.Count > 0
                ? Fail(target, DiagnosticCodes.ConditionSyntax, $"`{full}` counts the whole inspection's findings, the same for every question: it cannot be read inside `{_scope[^1].Name} => ...`",
                    $"read it outside the aggregate, e.g. `count(q => q.grade == inadequate) >= 1 or {full} >= 1`")
                : BindFindingsCount(rollup.Kinds, member, "of the inspection");
        }
        if (rollup.Effects.Any(e => e.Plural == target.Name))
        {
            return Fail(target, DiagnosticCodes.UnknownName, $"`{full}` counts the met criteria of one question: a roll-up cannot read it",
                "a roll-up reads the question results through aggregates such as `count(q => q.grade == good)`, and the inspection's findings as `findings.count` or `findings.<kind>`");
        }
        return Fail(target, DiagnosticCodes.UnknownName, $"unknown variable `{target.Name}`",
            "question results are reached through aggregates, e.g. `any(q => q.grade == inadequate)`; the inspection's findings are `findings.count` and `findings.<kind>`");
    }

    private BoundExpr? BindQuestionField(MemberExpr member, ItemVariable variable)
    {
        var rollup = (ConditionContext.QuestionGrades)_context;
        return member.Member switch
        {
            "id" => new BoundField(ValueType.Text, variable, ItemField.QuestionId),
            "grade" => new BoundField(ValueType.Judgement(rollup.Grades), variable, ItemField.Grade),
            _ => Fail(member, DiagnosticCodes.UnknownName, $"a question result has no field `{member.Member}`",
                NameSuggester.Help(member.Member, QuestionFields) ?? "fields are `id` and `grade`"),
        };
    }

    private BoundExpr? BindFindingField(MemberExpr member, ItemVariable variable)
    {
        switch (member.Member)
        {
            case "indicator":
                return new BoundField(ValueType.Text, variable, ItemField.Indicator);
            case "area":
                return new BoundField(ValueType.Text, variable, ItemField.Area);
            case "kind":
                return new BoundField(ValueType.Text, variable, ItemField.Kind);
            case "judgement":
            case "value":
                break;
            default:
                return Fail(member, DiagnosticCodes.UnknownName, $"a finding has no field `{member.Member}`",
                    NameSuggester.Help(member.Member, FindingFields) ?? "fields are `indicator`, `area`, `judgement`, `value` and `kind`");
        }
        var candidates = variable.Candidates;
        if (candidates.Count == 0 && variable.NamesUnknown)
        {
            // The unknown indicator or area was reported where it is written; do not echo it here.
            _errors++;
            return null;
        }
        if (candidates.Count == 0)
        {
            return Fail(member, DiagnosticCodes.AmbiguousField, $"no indicator of this question can match `{variable.Name}` here",
                "check the `f.indicator` and `f.area` tests of this lambda");
        }
        if (member.Member == "judgement" && candidates.Any(i => i.Scale?.IsNumeric == true))
        {
            return BindScore(member, variable, candidates);
        }
        // The distinct types in order of first use; neighbours on one scale (an area's hundreds) are typed once.
        var types = new List<ValueType>(1);
        Indicator? typed = null;
        foreach (var candidate in candidates)
        {
            if (typed is not null && candidate.Type == typed.Type && ReferenceEquals(candidate.Scale, typed.Scale)) continue;
            typed = candidate;
            var t = TypeOf(candidate);
            if (!types.Contains(t)) types.Add(t);
        }
        var wanted = member.Member == "judgement"
            ? types.All(t => t.Kind == TypeKind.Judgement)
            : candidates.All(i => i.Type != IndicatorType.Judgement);
        if (!wanted)
        {
            var wrong = candidates.Where(i => (member.Member == "judgement") != (i.Type == IndicatorType.Judgement)).Select(i => $"`{i.Id}`").Take(4);
            return Fail(member, DiagnosticCodes.AmbiguousField,
                member.Member == "judgement"
                    ? $"`{variable.Name}.judgement` is not defined for indicators without a judgement scale: {string.Join(", ", wrong)}"
                    : $"`{variable.Name}.value` is not defined for judgement indicators: {string.Join(", ", wrong)}",
                $"narrow the finding first, e.g. `{variable.Name}.indicator == \"{candidates[0].Id}\" and ...`");
        }
        if (types.Count > 1)
        {
            return Fail(member, DiagnosticCodes.AmbiguousField,
                $"`{variable.Name}.{member.Member}` has a different type depending on the indicator: {string.Join(", ", types.Select(t => t.Describe()))}",
                $"narrow the finding first, e.g. `{variable.Name}.indicator == \"{candidates[0].Id}\" and ...`");
        }
        var type = types[0];
        var field = type.Kind switch
        {
            TypeKind.Judgement => ItemField.Judgement,
            TypeKind.Number => ItemField.Number,
            TypeKind.Bool => ItemField.Flag,
            _ => throw new UnreachableException(type.Kind.ToString()),
        };
        return new BoundField(type, variable, field);
    }

    /// <summary>`f.judgement` of findings scored on numeric scales: a number, whatever scale each is on.</summary>
    private BoundExpr? BindScore(MemberExpr member, ItemVariable variable, IReadOnlyList<Indicator> candidates)
    {
        var levels = candidates.Where(i => i.Scale?.IsNumeric != true).Select(i => $"`{i.Id}`").Take(4).ToList();
        if (levels.Count > 0)
        {
            return Fail(member, DiagnosticCodes.AmbiguousField,
                $"`{variable.Name}.judgement` is a score for some indicators and not for others: {string.Join(", ", levels)}",
                $"narrow the finding first, e.g. `{variable.Name}.indicator == \"{candidates[0].Id}\" and ...`");
        }
        return new BoundField(ValueType.Number, variable, ItemField.Score);
    }

    private static ValueType TypeOf(Indicator indicator) => indicator.Type switch
    {
        IndicatorType.Judgement => ValueType.Judgement(indicator.Scale!),
        IndicatorType.Number => ValueType.Number,
        IndicatorType.YesNo => ValueType.Bool,
        _ => throw new UnreachableException(indicator.Type.ToString()),
    };

    private BoundExpr? BindUnary(UnaryExpr unary)
    {
        var operand = BindExpr(unary.Operand, null);
        if (operand is null) return null;
        if (unary.Op == UnaryOp.Not)
        {
            return operand.Type.Kind == TypeKind.Bool
                ? new BoundNot(operand)
                : Fail(unary, DiagnosticCodes.ConditionType, $"`not` needs a yes/no value, found a {operand.Type.Describe()}");
        }
        return operand.Type.Kind == TypeKind.Number
            ? new BoundNegate(operand)
            : Fail(unary, DiagnosticCodes.ConditionType, $"`-` needs a number, found a {operand.Type.Describe()}");
    }
}
