using GradingEngine.Check.Analysis;
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
        var banded = new HashSet<NamedValue>(ReferenceEqualityComparer.Instance);
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
                if (scope.Bind(value.Id) is not { } b) continue;
                bound.Add(new CheckedValue(b.Index, value, b.Definition));
                // A default value is bound for every question; its bands are judged once, over the first.
                if (b.Definition is BoundBands bands && banded.Add(value)) CheckBands(value, bands);
            }
            _values[question.Id] = bound;
        }
    }

    /// <summary>
    /// A banded value's bands should move one way as the input rises (its `direction` then carries over to the input), and
    /// should cover every number the input can be: below the first band the value is undefined, and the question not graded.
    /// </summary>
    private void CheckBands(NamedValue value, BoundBands bands)
    {
        var steps = bands.Values.Zip(bands.Values.Skip(1), (a, b) => Math.Sign(b - a)).Where(s => s != 0).Distinct().Count();
        if (steps > 1)
        {
            _bag.Warning(DiagnosticCodes.BandsNotMonotone, value.Fields["bands"],
                $"the bands of `{value.Id}` go up and down ({string.Join(", ", bands.Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}): a higher input does not always move it the same way",
                "give the bands values that only rise or only fall, or split the value in two");
        }
        var input = ValueRange.Of(bands.Input);
        var first = bands.From[0];
        var lowest = input.Lowest;
        if (lowest is null || lowest < first)
        {
            var what = lowest is { } low ? $"can be as low as {low.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "has no lower bound";
            _bag.Warning(DiagnosticCodes.BandsNotCovering, value.Fields["bands"],
                $"the input of `{value.Id}` {what}, below its first band (`from: {first.ToString(System.Globalization.CultureInfo.InvariantCulture)}`): there it is undefined, and a question whose thresholds read it is not graded",
                "add a band from the lowest input, or check that such inputs cannot occur");
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
