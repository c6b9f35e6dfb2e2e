using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// Puts two codings of one report side by side. Two findings are on the same passage when their quotes
/// share at least half the words of the shorter one: by place in the report when both quotes were found
/// in it, else by the longest run of normalised words they share (then at least min(3, shorter) words).
/// Each finding is paired at most once, best candidates first: the same indicator before different ones,
/// then the larger share of the shorter quote, then more shared words, then finding ids. The order is
/// total, so the pairs do not depend on the order of findings in either file.
/// </summary>
internal static class PassageAligner
{
    public static Alignment Align(IReadOnlyList<Finding> a, IReadOnlyList<Finding> b)
    {
        var basis = a.Concat(b).All(f => f.QuoteAt is not null) ? AlignmentBasis.ReportPlace : AlignmentBasis.SharedWords;
        var keysA = basis == AlignmentBasis.SharedWords ? a.Select(f => QuoteKey.Words(f.Quote)).ToArray() : [];
        var keysB = basis == AlignmentBasis.SharedWords ? b.Select(f => QuoteKey.Words(f.Quote)).ToArray() : [];
        var candidates = new List<Candidate>();
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var (shared, shorter) = basis == AlignmentBasis.ReportPlace
                    ? Overlap(a[i].QuoteAt!, b[j].QuoteAt!)
                    : (QuoteKey.LongestSharedRun(keysA[i], keysB[j]), Math.Min(keysA[i].Length, keysB[j].Length));
                var enough = shared > 0 && 2 * shared >= shorter
                    && (basis == AlignmentBasis.ReportPlace || shared >= Math.Min(3, shorter));
                if (enough) candidates.Add(new Candidate(a[i], b[j], shared, shorter));
            }
        }
        candidates.Sort(Candidate.Compare);
        var (usedA, usedB) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        var pairs = new List<AlignedPair>();
        foreach (var c in candidates)
        {
            if (usedA.Contains(c.A.Id) || usedB.Contains(c.B.Id)) continue;
            usedA.Add(c.A.Id);
            usedB.Add(c.B.Id);
            pairs.Add(new AlignedPair(c.A, c.B, c.Shared));
        }
        return new Alignment(basis,
            [.. pairs.OrderBy(p => Position(p.A)).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal)],
            InOrder(a.Where(f => !usedA.Contains(f.Id))),
            InOrder(b.Where(f => !usedB.Contains(f.Id))));
    }

    /// <summary>Report order when quotes were located, else id order.</summary>
    public static int Position(Finding f) => f.QuoteAt?.FirstWord ?? int.MaxValue;

    private static IReadOnlyList<Finding> InOrder(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(Position).ThenBy(f => f.Id, StringComparer.Ordinal)];

    private static (int Shared, int Shorter) Overlap(QuoteLocation x, QuoteLocation y)
    {
        var shared = Math.Min(x.LastWord, y.LastWord) - Math.Max(x.FirstWord, y.FirstWord) + 1;
        return (Math.Max(0, shared), Math.Min(x.LastWord - x.FirstWord + 1, y.LastWord - y.FirstWord + 1));
    }

    private sealed record Candidate(Finding A, Finding B, int Shared, int Shorter)
    {
        private bool SameIndicator => string.Equals(A.IndicatorId, B.IndicatorId, StringComparison.Ordinal);

        public static int Compare(Candidate x, Candidate y)
        {
            if (x.SameIndicator != y.SameIndicator) return x.SameIndicator ? -1 : 1;
            // The larger share of the shorter quote first: x.Shared / x.Shorter against y.Shared / y.Shorter, in whole numbers.
            var share = ((long)y.Shared * x.Shorter).CompareTo((long)x.Shared * y.Shorter);
            if (share != 0) return share;
            if (x.Shared != y.Shared) return y.Shared.CompareTo(x.Shared);
            var byA = string.CompareOrdinal(x.A.Id, y.A.Id);
            return byA != 0 ? byA : string.CompareOrdinal(x.B.Id, y.B.Id);
        }
    }
}
