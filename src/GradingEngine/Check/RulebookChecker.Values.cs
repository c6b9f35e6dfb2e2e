using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Model;

namespace GradingEngine.Check;

internal sealed partial class RulebookChecker
{
    private static readonly string[] Keywords = ["and", "or", "not", "in", "no", "worse", "better", "than", "true", "false"];

    /// <summary>
    /// values.yaml: ids distinct and free for conditions to read, per-question lists for real questions, and every value
    /// of every question bound over that question's findings (in any order of declaration; a value that reads itself is an error).
    /// </summary>
    private void CheckValues()
    {
        var values = _rulebook.Values;
        Duplicates(values.Default, v => v.Id, v => v.Fields["id"], "value");
        foreach (var (questionId, own) in values.PerQuestion)
        {
            Duplicates(own, v => v.Id, v => v.Fields["id"], "value");
            if (own.Count > 0) Question(questionId, own[0].Span);
        }
        var taken = TakenNames();
        foreach (var value in values.Default.Concat(values.PerQuestion.Values.SelectMany(v => v)))
        {
            if (taken.TryGetValue(value.Id, out var what))
            {
                _bag.Error(DiagnosticCodes.InvalidId, value.Fields["id"], $"`{value.Id}` cannot name a value: it is {what}", "give the value another id");
            }
        }
        foreach (var question in _rulebook.Questions)
        {
            var scope = new ValueScope(question, _rulebook.Codebook, values, _bag);
            _valueScopes[question.Id] = scope;
            var bound = new List<CheckedValue>();
            foreach (var value in scope.Definitions.Where(v => !taken.ContainsKey(v.Id)))
            {
                if (scope.Bind(value.Id) is { } b) bound.Add(new CheckedValue(b.Index, value, b.Definition));
            }
            _values[question.Id] = bound;
        }
    }

    /// <summary>Names a condition already reads as something else: keywords, functions, levels and grades.</summary>
    private Dictionary<string, string> TakenNames()
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var k in Keywords) taken.TryAdd(k, "a keyword of the condition language");
        foreach (var f in ConditionBinder.ReservedNames) taken.TryAdd(f, "a function of the condition language");
        taken.TryAdd(ConditionContext.Profile.FindingsName, "what thresholds call the question's findings");
        foreach (var g in _rulebook.Scale.Grades) taken.TryAdd(g.Id, "a grade of the scale");
        foreach (var s in _rulebook.Codebook.Scales)
        {
            foreach (var level in s.Levels) taken.TryAdd(level, $"a level of scale `{s.Id}`");
        }
        return taken;
    }

    /// <summary>A value a question's thresholds or limits read must be one the question has.</summary>
    private void CheckValueUse()
    {
        if (_rulebook.Values.Ids.Count == 0) return;
        foreach (var question in _rulebook.Questions)
        {
            if (!_thresholds.TryGetValue(question.Id, out var table) || !_limits.TryGetValue(question.Id, out var limits)) continue;
            var has = _valueScopes.TryGetValue(question.Id, out var scope) ? scope : null;
            var read = table.Rules.Select(r => (r.Condition, r.Rule.Span)).Concat(limits.Select(l => ((BoundExpr?)l.Condition, l.Limit.Span)));
            foreach (var (condition, span) in read)
            {
                if (condition is null) continue;
                foreach (var v in BoundPrinter.Variables(condition).Where(v => v.Measure == ProfileMeasure.Value).DistinctBy(v => v.Index))
                {
                    if (has?.Has(v.Name) == true) continue;
                    _bag.Error(DiagnosticCodes.UnknownName, span, $"this reads value `{v.Name}`, which question `{question.Id}` does not have",
                        $"define it for `{question.Id}` in values.yaml, under `default` or `questions: {{{question.Id}: [...]}}`");
                }
            }
        }
    }
}
