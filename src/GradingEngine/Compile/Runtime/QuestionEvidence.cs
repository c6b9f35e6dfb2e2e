namespace GradingEngine.Compile.Runtime;

/// <summary>
/// One fact per question and inspection: the question's findings, gathered once into the sources its
/// criteria's aggregates range over (see <see cref="EvidenceLayout"/>). Criterion rules match this
/// fact, so a finding is sorted into place once instead of flowing through every criterion's aggregate.
/// </summary>
public sealed class QuestionEvidence(string questionId, FindingFact[] all, FindingFact[][] sources)
{
    public string QuestionId { get; } = questionId;

    /// <summary>Every finding of the question, in canonical (id) order.</summary>
    public FindingFact[] All { get; } = all;

    /// <summary>The findings of one source, in canonical order; <see cref="EvidenceLayout.AllFindings"/> is every finding.</summary>
    public FindingFact[] Source(int index) => index < 0 ? All : sources[index];
}
