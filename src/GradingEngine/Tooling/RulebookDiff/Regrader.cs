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
            var regrade = new QuestionRegrade(id, Id(before), Id(after),
                before?.Decision is { } b ? Row(ItemKind.ThresholdRow, old.Rulebook, b, structure, oldSide: true) : null,
                after?.Decision is { } a ? Row(ItemKind.ThresholdRow, @new.Rulebook, a, structure, oldSide: false) : null,
                [])
            {
                OldLimit = before?.Decision is { } bl ? Limit(old.Rulebook, Section(old.Rulebook.QuestionGrading.QuestionLimits, id), bl, structure, oldSide: true) : null,
                NewLimit = after?.Decision is { } al ? Limit(@new.Rulebook, Section(@new.Rulebook.QuestionGrading.QuestionLimits, id), al, structure, oldSide: false) : null,
                OldUnmet = Unmet(old.Rulebook, id, before, structure, oldSide: true),
                NewUnmet = Unmet(@new.Rulebook, id, after, structure, oldSide: false),
            };
            questions.Add(regrade.Changed ? regrade with { Criteria = Causes(old.Rulebook, before, @new.Rulebook, after, structure) } : regrade);
        }
        var overall = new OverallRegrade(Overall(old), Overall(@new),
            questions.Where(q => q.Changed).Select(q => q.QuestionId).ToList(),
            old.Overall is { } o ? Row(ItemKind.RollupRow, old.Rulebook, o, structure, oldSide: true) : null,
            @new.Overall is { } n ? Row(ItemKind.RollupRow, @new.Rulebook, n, structure, oldSide: false) : null)
        {
            OldLimit = old.Overall is { } ol ? Limit(old.Rulebook, ProposedGrades.OverallKey, ol, structure, oldSide: true) : null,
            NewLimit = @new.Overall is { } nl ? Limit(@new.Rulebook, ProposedGrades.OverallKey, nl, structure, oldSide: false) : null,
        };
        var inspection = @new.Inspection;
        return new InspectionRegrade(inspection.Id, inspection.Force, inspection.Path.Replace('\\', '/'), questions, overall);
    }

    /// <summary>A question's grade id, `not-graded`, or null when the rulebook has no such question.</summary>
    private static string? Id(QuestionResult? result) =>
        result is null ? null : result.Grade?.Id ?? ProposedGrades.NotGradedId;

    /// <summary>The overall grade id, `not-graded`, or null when the rulebook has no overall grade.</summary>
    private static string? Overall(GradingResult result) =>
        !result.HasOverall ? null : result.Overall?.Grade.Id ?? ProposedGrades.NotGradedId;

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
            : new CriterionState(outcome.Met, outcome.Criterion.EffectId, outcome.Criterion.Weight, StructuralDiffer.Location(rulebook, outcome.Criterion.Span));

    /// <summary>A question's own list when it has one, else `default`: the name the structural diff gives the list.</summary>
    private static string Section<T>(IReadOnlyDictionary<string, T> perQuestion, string questionId) =>
        perQuestion.ContainsKey(questionId) ? questionId : "default";

    private static DecidingLimit? Limit(Rulebook rulebook, string section, GradeDecision decision, StructuralDiff structure, bool oldSide) =>
        decision.LimitedBy is not { } applied
            ? null
            : new DecidingLimit(section, applied.Index + 1, applied.Limit.KindText, applied.Bound.Id, applied.Limit.When.Text,
                StructuralDiffer.Location(rulebook, applied.Limit.Span), Side(structure.StatusOf(ItemKind.Limit, section, applied.Index + 1), oldSide));

    private static IReadOnlyList<UnmetEvidence> Unmet(Rulebook rulebook, string questionId, QuestionResult? result, StructuralDiff structure, bool oldSide)
    {
        if (result?.NotGraded is not { } notGraded) return [];
        var section = Section(rulebook.QuestionGrading.QuestionRequirements, questionId);
        var requirements = rulebook.QuestionGrading.RequirementsFor(questionId);
        return notGraded.Unmet.Select(u =>
        {
            var row = requirements.ToList().IndexOf(u.Requirement) + 1;
            return new UnmetEvidence(section, row, u.Requirement.When.Text, StructuralDiffer.Location(rulebook, u.Requirement.Span),
                Side(structure.StatusOf(ItemKind.Requirement, section, row), oldSide));
        }).ToList();
    }

    /// <summary>The diff speaks of positions: on the old side an added item is not this one, and vice versa.</summary>
    private static ChangeKind Side(ChangeKind status, bool oldSide) =>
        (oldSide && status == ChangeKind.Added) || (!oldSide && status == ChangeKind.Removed) ? ChangeKind.Unchanged : status;

    private static DecidingRow Row(ItemKind kind, Rulebook rulebook, GradeDecision decision, StructuralDiff structure, bool oldSide)
    {
        var status = Side(structure.StatusOf(kind, decision.Table, decision.RuleIndex + 1), oldSide);
        // The row's own grade: a limit that moved it is shown as the limit.
        return new DecidingRow(decision.Table, decision.RuleIndex + 1, decision.RowGrade.Id, decision.Rule.ConditionText,
            StructuralDiffer.Location(rulebook, decision.Rule.Span), status);
    }
}
