namespace GradingEngine.Facts;

/// <summary>
/// One fact per question and inspection: the question's findings, gathered once into the sources its
/// criteria's aggregates range over (see <see cref="EvidenceLayout"/>). Criterion rules match this
/// fact, so a finding is sorted into place once instead of flowing through every criterion's aggregate,
/// and record their outcomes on it for the question's profile rule to sum. Lives for one session.
/// </summary>
internal sealed class QuestionEvidence(string questionId, FindingFact[] all, FindingFact[][] sources)
{
    private readonly List<CriterionMet> _met = [];

    public string QuestionId { get; } = questionId;

    /// <summary>Every finding of the question, in canonical (id) order.</summary>
    public FindingFact[] All { get; } = all;

    /// <summary>The findings of one source, in canonical order; <see cref="EvidenceLayout.AllFindings"/> is every finding.</summary>
    public FindingFact[] Source(int index) => index < 0 ? All : sources[index];

    /// <summary>The outcomes of this question's met criteria, in firing order: sort or sum, never read in order.</summary>
    public IReadOnlyList<CriterionMet> Met => _met;

    /// <summary>A criterion rule's action: the criterion is met on this evidence.</summary>
    public void Record(CriterionMet outcome) => _met.Add(outcome);

    /// <summary>Always true: gives each lane of a question's criteria its own alpha node (see RulebookCompiler).</summary>
    public bool InLane(int lane) => lane >= 0;
}
