using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

internal sealed partial class RulebookChecker
{
    private void CheckCriteria()
    {
        DuplicateCriteria();
        // One context per question: each lists the question's indicators, a scan of the whole codebook.
        var contexts = new Dictionary<Question, (ConditionContext.Findings Context, List<string> Indicators)>(ReferenceEqualityComparer.Instance);
        foreach (var criterion in _rulebook.Criteria)
        {
            InTemplate(criterion, () =>
            {
                CheckMessage(criterion);
                var question = Question(criterion.QuestionId, criterion.Fields["question"]);
                if (question is null) return;
                Area(question, criterion.AreaId, criterion.Fields["area"]);
                if (!contexts.TryGetValue(question, out var context))
                {
                    var c = FindingsContext(question);
                    contexts[question] = context = (c, [.. c.Indicators.Select(i => i.Id)]);
                }
                var effect = EffectOf(criterion);
                var bound = ConditionBinder.Bind(criterion.When, context.Context, _bag);
                if (bound is null || effect < 0) return;
                var witnesses = new List<WitnessSource>();
                CollectWitnesses(bound, positive: true, witnesses);
                _criteria.Add(new CheckedCriterion(_criteria.Count, criterion, effect, bound, witnesses, ReadIndicators(bound, context.Indicators)));
            });
        }
    }

    /// <summary>
    /// Checks a criterion; one copied from a template has its diagnostics say so and name the question, since they
    /// point at the template, which every copy shares.
    /// </summary>
    private void InTemplate(Criterion criterion, Action check)
    {
        if (criterion.Template is not { } template)
        {
            check();
            return;
        }
        var outer = _bag;
        var inner = new DiagnosticBag();
        _bag = inner;
        try
        {
            check();
        }
        finally
        {
            _bag = outer;
        }
        foreach (var d in inner.ToSortedList())
        {
            // Values and other shared definitions report where they are written, not as the template's.
            outer.Add(d.Span.Path == template.Template.Path && d.Span.Line >= template.Template.Line && d.Span.Line <= criterion.Fields.LastLine
                ? d with { Message = $"{d.Message} ({Describe(template)})" }
                : d);
        }
    }

    private string Describe(TemplateOrigin template) => template.Describe(_rulebook.Directory);

    private void DuplicateCriteria()
    {
        var seen = new Dictionary<string, Criterion>(StringComparer.Ordinal);
        foreach (var criterion in _rulebook.Criteria)
        {
            if (seen.TryAdd(criterion.Id, criterion)) continue;
            var first = seen[criterion.Id];
            var where = criterion.Template is { } t ? $" ({Describe(t)})" : "";
            _bag.Error(DiagnosticCodes.DuplicateId, criterion.Fields["id"], $"duplicate criterion id `{criterion.Id}`{where}", $"first defined at {first.Fields["id"]}");
        }
    }

    /// <summary>
    /// The index of the criterion's effect among those the rulebook declares; -1 when there is none such, which the loader
    /// has reported where the effect is written (or, when rulebook.yaml declares no effects, there).
    /// </summary>
    private int EffectOf(Criterion criterion)
    {
        for (var i = 0; i < _rulebook.Effects.Count; i++)
        {
            if (_rulebook.Effects[i].Id == criterion.EffectId) return i;
        }
        return -1;
    }

    private void CheckMessage(Criterion criterion)
    {
        foreach (var name in MessageTemplate.Parse(criterion.Message).Placeholders)
        {
            if (!MessageTemplate.Known.Contains(name))
            {
                _bag.Error(DiagnosticCodes.UnknownPlaceholder, criterion.Fields["message"], $"unknown placeholder `{{{name}}}` in message",
                    NameSuggester.Help(name, MessageTemplate.Known) ?? $"placeholders are: {string.Join(", ", MessageTemplate.Known.Select(p => $"`{{{p}}}`"))}");
            }
        }
    }

    /// <summary>Top-level aggregates, with their polarity under `not`.</summary>
    internal static void CollectWitnesses(BoundExpr expr, bool positive, List<WitnessSource> into)
    {
        switch (expr)
        {
            case BoundNot not:
                CollectWitnesses(not.Operand, !positive, into);
                break;
            case BoundBinary binary:
                CollectWitnesses(binary.Left, positive, into);
                CollectWitnesses(binary.Right, positive, into);
                break;
            case BoundNegate negate:
                CollectWitnesses(negate.Operand, positive, into);
                break;
            case BoundRound round:
                CollectWitnesses(round.Operand, positive, into);
                break;
            case BoundBands bands:
                CollectWitnesses(bands.Input, positive, into);
                break;
            case BoundNamedValue value:
                // A criterion that reads a value has the findings behind it as its evidence.
                CollectWitnesses(value.Definition, positive, into);
                break;
            case BoundIn @in:
                CollectWitnesses(@in.Value, positive, into);
                break;
            case BoundAggregate aggregate:
                into.Add(new WitnessSource(aggregate, positive));
                break;
        }
    }

    /// <summary>Every indicator any aggregate of the condition can read: findings of other indicators are not considered.</summary>
    /// <remarks>
    /// Narrowing only uses `and`-ed tests, which every matching finding must pass, so a finding of
    /// another indicator can never change the condition's value; except `all(f => P)`, which ranges
    /// over every finding of the question.
    /// </remarks>
    private IReadOnlySet<string> ReadIndicators(BoundExpr expr, IReadOnlyList<string> questionIndicators)
    {
        // The lists of indicators an aggregate can read are shared (one per area, one per question), and most criteria
        // read one: that list's set is made once and shared too. A set per criterion hashed every indicator of an area
        // or question again for each criterion that ranges over it (docs/performance.md, "Rulebook scaling").
        var sources = new List<object>(2);
        void Visit(BoundExpr e)
        {
            switch (e)
            {
                case BoundNot n: Visit(n.Operand); break;
                case BoundNegate n: Visit(n.Operand); break;
                case BoundRound r: Visit(r.Operand); break;
                case BoundBands b: Visit(b.Input); break;
                case BoundNamedValue v: Visit(v.Definition); break;
                case BoundBinary b: Visit(b.Left); Visit(b.Right); break;
                case BoundIn i: Visit(i.Value); break;
                case BoundAggregate a:
                    object source = a is { Kind: AggregateKind.All, Second: null } ? questionIndicators : a.Filter.Variable.Candidates;
                    if (!sources.Contains(source)) sources.Add(source);
                    Visit(a.Filter.Body);
                    if (a.Second is not null) Visit(a.Second.Body);
                    break;
            }
        }
        Visit(expr);
        if (sources.Count == 1) return SetOf(sources[0]);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources) read.UnionWith(SetOf(source));
        return read;
    }

    private IReadOnlySet<string> SetOf(object source)
    {
        if (_readSets.TryGetValue(source, out var set)) return set;
        var ids = source is IReadOnlyList<Indicator> indicators ? indicators.Select(i => i.Id) : (IReadOnlyList<string>)source;
        return _readSets[source] = new HashSet<string>(ids, StringComparer.Ordinal);
    }
}
