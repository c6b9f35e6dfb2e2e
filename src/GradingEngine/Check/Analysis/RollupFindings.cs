using GradingEngine.Check.Binding;
using GradingEngine.Facts;
using GradingEngine.Model;

namespace GradingEngine.Check.Analysis;

/// <summary>
/// The inspection's findings counts a roll-up reads, as a grid the roll-up analysis goes through beside the question
/// outcomes: one dimension per count read (`findings.count`, `findings.&lt;kind&gt;`), each from 0 to where no condition tells
/// larger counts apart, as the threshold analysis bounds them (<see cref="ProfileDomain.FindingsBound"/>). A roll-up that
/// reads none has one point, so it is proved exactly as one over question grades alone. Points are numbered with the first
/// variable most significant.
/// </summary>
internal sealed class RollupFindings
{
    private readonly ProfileDomain _domain;
    private readonly IReadOnlyList<FindingKind> _kinds;
    private readonly int _all;
    private readonly int[] _kindVariables;

    public RollupFindings(IReadOnlyList<FindingKind> kinds, IReadOnlyList<BoundExpr> conditions)
    {
        _kinds = kinds;
        _domain = new ProfileDomain(ProposedGrades.OverallKey, [], kinds, [], conditions);
        var variables = _domain.Variables;
        _all = -1;
        var own = new List<int>();
        var size = 1L;
        for (var v = 0; v < variables.Count; v++)
        {
            if (variables[v].Index < 0) _all = v;
            else own.Add(v);
            size = size > long.MaxValue / (variables[v].Hi + 1) ? long.MaxValue : size * (variables[v].Hi + 1);
        }
        _kindVariables = [.. own];
        Size = size;
    }

    /// <summary>How many points the grid has (saturating): 1 when the roll-up reads no findings counts.</summary>
    public long Size { get; }

    /// <summary>Whether the roll-up reads no findings counts.</summary>
    public bool IsEmpty => _domain.Variables.Count == 0;

    /// <summary>One more finding of each directed kind the roll-up reads (and so one more finding): the steps it must be monotone in.</summary>
    public IReadOnlyList<ProfileDomain.Step> Steps() => _domain.Steps([], _kinds);

    /// <summary>The counts at a point, one per variable.</summary>
    public int[] Point(int index)
    {
        var variables = _domain.Variables;
        var point = new int[variables.Count];
        for (var v = variables.Count - 1; v >= 0; v--)
        {
            point[v] = index % (variables[v].Hi + 1);
            index /= variables[v].Hi + 1;
        }
        return point;
    }

    private int Index(int[] point)
    {
        var index = 0;
        for (var v = 0; v < point.Length; v++) index = index * (_domain.Variables[v].Hi + 1) + point[v];
        return index;
    }

    /// <summary>
    /// Whether some inspection has these counts: every finding of a kind is a finding, so `findings.count` is at least the
    /// kinds' counts added up (a count at its bound stands for every larger count, and can be any of them).
    /// </summary>
    public bool Possible(int[] point) =>
        _all < 0 || point[_all] == _domain.Variables[_all].Hi || point[_all] >= _kindVariables.Sum(v => point[v]);

    /// <summary>The counts as the profile the conditions read; counts not read are 0.</summary>
    public OutcomeProfile Profile(int[] point) => _domain.Profile(point);

    /// <summary>The point one <paramref name="step"/> on, each count staying at its bound; -1 when that changes no count read.</summary>
    public int Next(int index, ProfileDomain.Step step)
    {
        var point = Point(index);
        var moved = false;
        for (var v = 0; v < point.Length; v++)
        {
            if (step.Fixed[v] == 0 || point[v] == _domain.Variables[v].Hi) continue;
            point[v] += step.Fixed[v];
            moved = true;
        }
        return moved ? Index(point) : -1;
    }

    /// <summary>"`findings.breach` is 1": the counts read, at a point.</summary>
    public string Describe(int index) => _domain.Describe(Point(index));
}
