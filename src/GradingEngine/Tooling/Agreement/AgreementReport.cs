using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// What `grading agree` found: one comparison of two codings, or one per pair of a sample with the sample
/// pooled. Rendered by <see cref="AgreementRenderer"/>; the details are the engine's own.
/// </summary>
public sealed class AgreementReport
{
    internal AgreementReport(Rulebook rulebook, IReadOnlyList<CodingComparison> comparisons, SampleAgreement? sample)
    {
        Rulebook = rulebook;
        Comparisons = comparisons;
        Sample = sample;
    }

    internal Rulebook Rulebook { get; }

    internal IReadOnlyList<CodingComparison> Comparisons { get; }

    /// <summary>Only for a sample of pairs (`agree --pairs`).</summary>
    internal SampleAgreement? Sample { get; }

    /// <summary>How many pairs of codings were compared.</summary>
    public int PairCount => Comparisons.Count;

    /// <summary>Whether the codings of any pair give any question, or the overall judgement, different grades.</summary>
    public bool GradesDiffer => Comparisons.Any(c => c.GradesDiffer);
}
