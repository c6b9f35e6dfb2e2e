using GradingEngine.Check;
using GradingEngine.Check.Binding;
using GradingEngine.Compile;
using GradingEngine.Facts;
using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Explain;

/// <summary>
/// For every graded question and the overall grade: the next better grade and why it was not given (the parts of its
/// row that do not hold, and any limit that caps the grade), and the next worse grade and how little would bring it.
/// Computed from the rules, never written by hand. A question that is not graded has no outlook: its trace says what
/// evidence it lacks.
/// </summary>
internal static class Outlooks
{
    public static IReadOnlyList<GradeOutlook> Compute(CompiledRulebook compiled, GradingResult result)
    {
        var scale = result.Rulebook.Scale;
        var outlooks = new List<GradeOutlook>();
        foreach (var question in result.Questions.Where(q => q.IsGraded))
        {
            var runtime = compiled.Thresholds[question.Question.Id];
            var profile = Profile(compiled.Rulebook, question, result.Inspection);
            var current = question.Grade!;
            GradeStep? Step(int rank)
            {
                if (rank < 0 || rank >= scale.Grades.Count) return null;
                var target = scale[rank];
                var row = runtime.Table.Rules.FirstOrDefault(r => r.Grade.Id == target.Id);
                if (row is null) return null;
                var gaps = rank < current.Rank ? [.. ProfileGaps(runtime, row, profile), .. Caps(runtime.Limits, runtime.Holding(profile), rank, profile)] : new List<string>();
                var values = row.Condition is { } condition
                    ? BoundPrinter.Variables(condition).Where(v => v.Measure == ProfileMeasure.Value).Select(v => v.Name).Distinct(StringComparer.Ordinal).ToList()
                    : [];
                return new GradeStep(target, row.Rule, row.Index, gaps, Counterfactuals.ForQuestion(compiled, question, target, result.Inspection), [])
                {
                    ValuesRead = values,
                };
            }
            outlooks.Add(new GradeOutlook(question.Question.Id, current, Step(current.Rank - 1), Step(current.Rank + 1)));
        }
        if (result.Overall is not null && compiled.Rollup is not null) outlooks.Add(Overall(compiled, compiled.Rollup, result));
        return outlooks;
    }

    /// <summary>The question's profile, rebuilt from its met criteria and its findings.</summary>
    private static OutcomeProfile Profile(Rulebook rulebook, QuestionResult question, Inspection inspection)
    {
        var counts = new int[rulebook.Effects.Count];
        var weights = new int[rulebook.Effects.Count];
        foreach (var outcome in question.Criteria.Where(c => c.Met))
        {
            var e = rulebook.Effects.ToList().FindIndex(x => x.Id == outcome.Criterion.EffectId);
            counts[e]++;
            weights[e] += outcome.Criterion.Weight;
        }
        var (findings, kinds) = Counterfactuals.FindingCounts(rulebook, inspection, question.Question.Id);
        return OutcomeProfile.Of(question.Question.Id, counts, weights, findings, kinds, Counterfactuals.ValuesOf(rulebook, question));
    }

    /// <summary>Each `and`-ed part of the row's condition that does not hold, with the values it reads.</summary>
    private static IEnumerable<string> ProfileGaps(GradeTableRuntime table, CheckedGradeRule row, OutcomeProfile profile) =>
        table.FailingParts(row, profile).Select(part => $"`{BoundPrinter.Print(part)}` does not hold: {Values(part, profile)}");

    /// <summary>The caps that hold and keep the grade below <paramref name="rank"/>, each with the values its condition reads.</summary>
    private static IEnumerable<string> Caps(IReadOnlyList<CheckedLimit> limits, bool[] holding, int rank, OutcomeProfile profile) =>
        limits.Where(l => holding[l.Index] && l.Limit.Kind == LimitKind.NoBetterThan && l.Grade.Rank > rank)
            .Select(l => $"limit `no-better-than: {l.Grade.Id}` holds: `{l.Limit.When.Text}`: {Values(l.Condition, profile)}");

    private static string Values(BoundExpr condition, OutcomeProfile profile) =>
        string.Join(", ", BoundPrinter.Variables(condition).Select(v => $"{v.Name} is {Read(v, profile)}").Distinct());

    private static string Read(BoundProfileVariable v, OutcomeProfile profile) => v.Measure switch
    {
        ProfileMeasure.Count => Invariant(profile.Count(v.Index)),
        ProfileMeasure.Weight => Invariant(profile.Weight(v.Index)),
        ProfileMeasure.Findings => Invariant(profile.Findings(v.Index)),
        ProfileMeasure.Value => profile.Value(v.Index) is { } value ? Numbers.Text(value) : "undefined",
        _ => throw new System.Diagnostics.UnreachableException(v.Measure.ToString()),
    };

    /// <summary>": findings.x is 1", the inspection's findings counts a roll-up condition reads; empty when it reads none.</summary>
    private static string Counts(BoundExpr condition, OutcomeProfile findings) =>
        BoundPrinter.Variables(condition).Any() ? $": {Values(condition, findings)}" : "";

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static GradeOutlook Overall(CompiledRulebook compiled, RollupRuntime rollup, GradingResult result)
    {
        var scale = result.Rulebook.Scale;
        var current = result.Overall!.Grade;
        var empty = OutcomeProfile.Of("", [], []);
        var facts = result.Questions.Where(q => q.RollupGrade is not null).Select(q => new QuestionGradeFact(q.Question.Id, q.RollupGrade!.Rank, -1, empty)).ToList();
        var findings = OutcomeProfile.OfInspection(result.Rulebook.Codebook, result.Inspection.Findings);
        var holding = rollup.Holding(facts, findings);
        GradeStep? Step(int rank)
        {
            if (rank < 0 || rank >= scale.Grades.Count) return null;
            var target = scale[rank];
            var row = rollup.Table.Rules.FirstOrDefault(r => r.Grade.Id == target.Id);
            if (row is null) return null;
            var gaps = new List<string>();
            if (rank < current.Rank)
            {
                gaps.AddRange(rollup.FailingParts(row, facts, findings).Select(part => $"`{BoundPrinter.Print(part)}` does not hold{Counts(part, findings)}"));
                gaps.AddRange(rollup.Limits
                    .Where(l => holding[l.Index] && l.Limit.Kind == LimitKind.NoBetterThan && l.Grade.Rank > rank)
                    .Select(l => $"limit `no-better-than: {l.Grade.Id}` holds: `{l.Limit.When.Text}`{Counts(l.Condition, findings)}"));
            }
            return new GradeStep(target, row.Rule, row.Index, gaps, [], Counterfactuals.ForOverall(compiled, result, target));
        }
        return new GradeOutlook(ProposedGrades.OverallKey, current, Step(current.Rank - 1), Step(current.Rank + 1));
    }
}
