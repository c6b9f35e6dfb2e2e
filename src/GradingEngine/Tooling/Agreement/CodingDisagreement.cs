using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>One difference between the codings, named `D1`, `D2`, ... in report order: A's finding, B's, or both.</summary>
internal sealed record CodingDisagreement(string Id, DisagreementKind Kind, Finding? A, Finding? B)
{
    /// <summary>The questions its findings are filed under, A's first.</summary>
    public IReadOnlyList<string> Questions =>
        new[] { A?.QuestionId, B?.QuestionId }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public bool Touches(string questionId) => Questions.Contains(questionId, StringComparer.Ordinal);

    /// <summary>Every disagreement of an alignment, numbered in report order (then by finding id).</summary>
    public static IReadOnlyList<CodingDisagreement> Of(Alignment alignment)
    {
        var found = alignment.Pairs
            .Where(p => p.Kind != PairKind.Agree)
            .Select(p => (Kind: p.Kind == PairKind.ValueDiffers ? DisagreementKind.Value : DisagreementKind.Indicator, A: (Finding?)p.A, B: (Finding?)p.B))
            .Concat(alignment.OnlyA.Select(f => (Kind: DisagreementKind.OnlyA, A: (Finding?)f, B: (Finding?)null)))
            .Concat(alignment.OnlyB.Select(f => (Kind: DisagreementKind.OnlyB, A: (Finding?)null, B: (Finding?)f)))
            .OrderBy(d => Math.Min(d.A is null ? int.MaxValue : PassageAligner.Position(d.A), d.B is null ? int.MaxValue : PassageAligner.Position(d.B)))
            .ThenBy(d => d.A?.Id ?? d.B!.Id, StringComparer.Ordinal)
            .ThenBy(d => d.B?.Id ?? "", StringComparer.Ordinal)
            .ToList();
        return [.. found.Select((d, i) => new CodingDisagreement(FormattableString.Invariant($"D{i + 1}"), d.Kind, d.A, d.B))];
    }
}
