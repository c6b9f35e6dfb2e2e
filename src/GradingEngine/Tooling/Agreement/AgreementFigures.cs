using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// The agreement figures of one or more pairs of codings, pooled: per question in rulebook order, then
/// over all questions. A passage counts for a question when either coder filed it there; its indicator
/// choice is then one item of that question's kappa, whatever question the other coder chose.
/// </summary>
internal static class AgreementFigures
{
    public static IReadOnlyList<SubjectFigures> Of(Rulebook rulebook, IReadOnlyList<(Inspection A, Inspection B, Alignment Alignment)> codings)
    {
        var figures = rulebook.Questions.Select(q => Figures(rulebook, q.Id, codings, f => f.QuestionId == q.Id)).ToList();
        figures.Add(Figures(rulebook, SubjectFigures.All, codings, _ => true));
        return figures;
    }

    private static SubjectFigures Figures(Rulebook rulebook, string subject, IReadOnlyList<(Inspection A, Inspection B, Alignment Alignment)> codings, Func<Finding, bool> inSubject)
    {
        var pairs = codings.SelectMany(c => c.Alignment.Pairs).Where(p => inSubject(p.A) || inSubject(p.B)).ToList();
        var sameIndicator = pairs.Where(p => p.Kind != PairKind.IndicatorDiffers).ToList();
        var judgements = sameIndicator
            .Select(p => (Pair: p, Scale: rulebook.Codebook.Find(p.A.IndicatorId)?.Scale))
            .Where(x => x.Scale is not null)
            .GroupBy(x => x.Scale!.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var scale = g.First().Scale!;
                return WeightedKappaFigure.Of(scale.Id, scale.Levels.Count, [.. g.Select(x => (scale.RankOf(x.Pair.A.Judgement!), scale.RankOf(x.Pair.B.Judgement!)))]);
            })
            .ToList();
        var values = sameIndicator.Where(p => p.A.Judgement is null).ToList();
        return new SubjectFigures(
            subject,
            codings.Sum(c => c.A.Findings.Count(inSubject)),
            codings.Sum(c => c.B.Findings.Count(inSubject)),
            pairs.Count,
            codings.Sum(c => c.Alignment.OnlyA.Count(inSubject)),
            codings.Sum(c => c.Alignment.OnlyB.Count(inSubject)),
            KappaFigure.Of([.. pairs.Select(p => (p.A.IndicatorId, p.B.IndicatorId))]),
            judgements,
            new Tally(values.Count, values.Count(p => p.Kind == PairKind.Agree)));
    }
}
