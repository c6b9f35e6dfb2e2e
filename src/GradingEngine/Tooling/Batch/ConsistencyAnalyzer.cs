using GradingEngine.Model;

namespace GradingEngine.Tooling.Batch;

/// <summary>
/// Compares inspections with each other and with their proposed grades: like cases proposed unlike
/// (consistency groups), proposed grades the rules do not give (disagreements), and agreement rates.
/// Inputs arrive sorted by path then id and every output is sorted, so results never depend on timing.
/// </summary>
internal static class ConsistencyAnalyzer
{
    /// <summary>
    /// Per question, in rulebook order: groups of inspections with a proposed grade for it that met the
    /// same set of criteria, then groups that met as many criteria of each effect but not the same ones,
    /// whenever their proposed grades differ. A same-profile group is reported only when two members that
    /// met different criteria also proposed different grades; otherwise a same-criteria group says it all.
    /// </summary>
    public static List<ConsistencyGroup> Groups(Rulebook rulebook, IReadOnlyList<BatchInspection> inspections)
    {
        var groups = new List<ConsistencyGroup>();
        for (var q = 0; q < rulebook.Questions.Count; q++)
        {
            var question = rulebook.Questions[q];
            var members = new List<(ConsistencyMember Member, string CriteriaKey, string ProfileKey, IReadOnlyList<KeyValuePair<string, int>> Profile)>();
            foreach (var inspection in inspections)
            {
                if (inspection.Find(question.Id) is not { Proposed: { } proposed } grade) continue;
                var met = inspection.Met[q];
                var ids = met.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
                var profile = rulebook.Effects.Select(e => KeyValuePair.Create(e.Plural, met.Count(c => c.EffectId == e.Id))).ToList();
                members.Add((new ConsistencyMember(inspection, proposed, grade.Computed, ids), string.Join("\n", ids),
                    string.Join(",", profile.Select(p => p.Value)), profile));
            }
            foreach (var same in members.GroupBy(m => m.CriteriaKey, StringComparer.Ordinal))
            {
                var list = same.Select(m => m.Member).ToList();
                if (list.Select(m => m.Proposed.Id).Distinct().Count() > 1)
                {
                    groups.Add(new ConsistencyGroup(question.Id, ConsistencyKind.SameCriteria, list[0].MetCriteria, same.First().Profile, list));
                }
            }
            foreach (var same in members.GroupBy(m => m.ProfileKey, StringComparer.Ordinal))
            {
                var list = same.Select(m => m.Member).ToList();
                // Two members with different criteria and different proposals exist exactly when the group
                // holds more than one set of criteria and more than one proposed grade.
                if (same.Select(m => m.CriteriaKey).Distinct(StringComparer.Ordinal).Count() < 2 || list.Select(m => m.Proposed.Id).Distinct().Count() < 2) continue;
                var common = list.Skip(1).Aggregate((IEnumerable<string>)list[0].MetCriteria, (acc, m) => acc.Intersect(m.MetCriteria)).ToList();
                groups.Add(new ConsistencyGroup(question.Id, ConsistencyKind.SameProfile, common, same.First().Profile, list));
            }
        }
        // GroupBy keeps first-appearance order over sorted members; order by question, kind, then first member.
        var questionIndex = rulebook.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return groups
            .OrderBy(g => questionIndex[g.QuestionId])
            .ThenBy(g => g.Kind)
            .ThenBy(g => g.Members[0].Inspection.Path, StringComparer.Ordinal)
            .ThenBy(g => g.Members[0].Inspection.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every proposed grade that differs from the computed one: farthest first, then by subject (rulebook order), inspection id and path.</summary>
    public static List<Disagreement> Disagreements(IReadOnlyList<string> subjects, IReadOnlyList<BatchInspection> inspections)
    {
        var subjectIndex = subjects.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        return inspections
            .SelectMany(i => i.Grades.Where(g => g.Agrees == false).Select(g => new Disagreement(i, g.Subject, g.Proposed!, g.Computed)))
            .OrderByDescending(d => d.Distance)
            .ThenBy(d => subjectIndex[d.Subject])
            .ThenBy(d => d.Inspection.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Inspection.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Agreement per subject, in column order; proposed grades only.</summary>
    public static List<SubjectAgreement> Agreement(IReadOnlyList<string> subjects, IReadOnlyList<BatchInspection> inspections) =>
        subjects.Select(s =>
        {
            var compared = inspections.Select(i => i.Find(s)).Where(g => g?.Agrees is not null).ToList();
            var notGraded = inspections.Count(i => i.Find(s)?.Computed.Id == ProposedGrades.NotGradedId);
            return new SubjectAgreement(s, compared.Count, compared.Count(g => g!.Agrees == true), notGraded);
        }).ToList();
}
