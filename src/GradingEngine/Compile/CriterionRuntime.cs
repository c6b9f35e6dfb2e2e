using GradingEngine.Check;
using GradingEngine.Compile.Runtime;

namespace GradingEngine.Compile;

/// <summary>What a criterion rule's action needs at run time: who it is and how to pick its evidence.</summary>
public sealed class CriterionRuntime
{
    private readonly (Func<IEnumerable<FindingFact>, FindingFact, bool> Matches, bool Positive)[] _witnesses;
    private readonly HashSet<string> _read;
    private readonly HashSet<string>[] _examined;

    public CriterionRuntime(CheckedCriterion criterion)
    {
        Criterion = criterion;
        _read = criterion.ReadIndicators.ToHashSet(StringComparer.Ordinal);
        _witnesses = criterion.Witnesses
            .Select(w => (ConditionCompiler.CompileFindingPredicate(w.Filter), w.Positive))
            .ToArray();
        _examined = criterion.Witnesses.Select(w => w.Filter.Variable.Candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal)).ToArray();
    }

    public CheckedCriterion Criterion { get; }

    /// <summary>
    /// The findings that make the criterion met: those matching a positive aggregate's filter,
    /// and for an aggregate under `not`, the findings it examined. Sorted by id.
    /// </summary>
    public CriterionMet Met(IEnumerable<FindingFact> findings)
    {
        var all = findings as IReadOnlyCollection<FindingFact> ?? findings.ToList();
        var witnesses = new List<FindingFact>();
        foreach (var finding in all)
        {
            for (var i = 0; i < _witnesses.Length; i++)
            {
                var (matches, positive) = _witnesses[i];
                if (positive ? matches(all, finding) : _examined[i].Contains(finding.IndicatorId))
                {
                    witnesses.Add(finding);
                    break;
                }
            }
        }
        witnesses.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var c = Criterion.Criterion;
        return new CriterionMet(Criterion.Index, c.QuestionId, (int)c.Effect, c.Weight, witnesses);
    }

    public bool Reads(string indicatorId) => _read.Contains(indicatorId);
}
