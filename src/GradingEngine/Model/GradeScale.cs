using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>The ordered grades, best first (Annex A). Also a judgement scale for roll-up conditions.</summary>
public sealed record GradeScale(IReadOnlyList<Grade> Grades)
{
    public Grade? Find(string id) => Grades.FirstOrDefault(g => g.Id == id);

    public Grade this[int rank] => Grades[rank];

    public JudgementScale AsJudgementScale() =>
        new("grade", Grades.Select(g => g.Id).ToList(), Grades.Count > 0 ? Grades[0].Fields : FieldSpans.None(default));
}
