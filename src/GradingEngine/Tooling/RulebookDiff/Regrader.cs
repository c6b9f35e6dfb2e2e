using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>Compares one inspection's grading under the old and the new rulebook, and explains each grade that changed.</summary>
internal static class Regrader
{
    public static InspectionRegrade Compare(GradingResult old, GradingResult @new, StructuralDiff structure)
    {
        var questions = new List<QuestionRegrade>();
        // New rulebook order, then questions only the old rulebook has.
        var ids = @new.Questions.Select(q => q.Question.Id)
            .Concat(old.Questions.Select(q => q.Question.Id))
            .Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            QuestionResult? before = old.Find(id), after = @new.Find(id);
            var regrade = new QuestionRegrade(id, before?.Grade.Id, after?.Grade.Id,
                before is null ? null : Row(ItemKind.ThresholdRow, old.Rulebook, before.Decision, structure, oldSide: true),
                after is null ? null : Row(ItemKind.ThresholdRow, @new.Rulebook, after.Decision, structure, oldSide: false),
                []);
            questions.Add(regrade.Changed ? regrade with { Criteria = Causes(old.Rulebook, before, @new.Rulebook, after, structure) } : regrade);
        }
        var overall = new OverallRegrade(old.Overall.Grade.Id, @new.Overall.Grade.Id,
            questions.Where(q => q.Changed).Select(q => q.QuestionId).ToList(),
            Row(ItemKind.RollupRow, old.Rulebook, old.Overall, structure, oldSide: true),
            Row(ItemKind.RollupRow, @new.Rulebook, @new.Overall, structure, oldSide: false));
        var inspection = @new.Inspection;
        return new InspectionRegrade(inspection.Id, inspection.Force, inspection.Path.Replace('\\', '/'), questions, overall);
    }

    /// <summary>
    /// Criteria met under one rulebook and not the other, then criteria met under both whose effect
    /// or weight differ; in the new rulebook's order, then criteria only the old one has.
    /// </summary>
    private static IReadOnlyList<CriterionCause> Causes(Rulebook oldRulebook, QuestionResult? before, Rulebook newRulebook, QuestionResult? after, StructuralDiff structure)
    {
        var oldOutcomes = (before?.Criteria ?? []).ToDictionary(c => c.Criterion.Id, StringComparer.Ordinal);
        var newOutcomes = (after?.Criteria ?? []).ToDictionary(c => c.Criterion.Id, StringComparer.Ordinal);
        var ids = (after?.Criteria ?? []).Select(c => c.Criterion.Id)
            .Concat((before?.Criteria ?? []).Select(c => c.Criterion.Id))
            .Distinct(StringComparer.Ordinal);
        var causes = new List<CriterionCause>();
        foreach (var id in ids)
        {
            var o = State(oldRulebook, oldOutcomes.GetValueOrDefault(id));
            var n = State(newRulebook, newOutcomes.GetValueOrDefault(id));
            CauseKind? kind = (o?.Met ?? false) != (n?.Met ?? false) ? CauseKind.OutcomeChanged
                : o is { Met: true } && n is { Met: true } && (o.Effect != n.Effect || o.Weight != n.Weight) ? CauseKind.ContributionChanged
                : null;
            if (kind is null) continue;
            var change = structure.Find(ItemKind.Criterion, id);
            causes.Add(new CriterionCause(id, kind.Value, change?.Change ?? ChangeKind.Unchanged, change?.Fields ?? [], o, n));
        }
        return causes.OrderBy(c => c.Kind).ToList();
    }

    private static CriterionState? State(Rulebook rulebook, CriterionOutcome? outcome) =>
        outcome is null
            ? null
            : new CriterionState(outcome.Met, outcome.Criterion.Effect.Id(), outcome.Criterion.Weight, StructuralDiffer.Location(rulebook, outcome.Criterion.Span));

    private static DecidingRow Row(ItemKind kind, Rulebook rulebook, GradeDecision decision, StructuralDiff structure, bool oldSide)
    {
        var status = structure.StatusOf(kind, decision.Table, decision.RuleIndex + 1);
        // The diff speaks of positions: on the old side an added row is not this one, and vice versa.
        if ((oldSide && status == ChangeKind.Added) || (!oldSide && status == ChangeKind.Removed)) status = ChangeKind.Unchanged;
        return new DecidingRow(decision.Table, decision.RuleIndex + 1, decision.Grade.Id, decision.Rule.ConditionText,
            StructuralDiffer.Location(rulebook, decision.Rule.Span), status);
    }
}
