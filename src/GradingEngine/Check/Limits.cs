using GradingEngine.Model;

namespace GradingEngine.Check;

/// <summary>How limits act on the grade a table gave: the floors that hold first, then the caps, so a cap always holds.</summary>
internal static class Limits
{
    /// <summary>
    /// The rank after the limits that hold (<paramref name="holds"/> by index), and the index of the limit that set it
    /// (-1 when none moved the table's grade).
    /// </summary>
    public static (int Rank, int Limit) Apply(int rank, IReadOnlyList<CheckedLimit> limits, Func<int, bool> holds)
    {
        var setBy = -1;
        foreach (var kind in new[] { LimitKind.NoWorseThan, LimitKind.NoBetterThan })
        {
            for (var k = 0; k < limits.Count; k++)
            {
                var limit = limits[k];
                if (limit.Limit.Kind != kind || !holds(k)) continue;
                var moved = kind == LimitKind.NoWorseThan ? Math.Min(rank, limit.Grade.Rank) : Math.Max(rank, limit.Grade.Rank);
                if (moved == rank) continue;
                (rank, setBy) = (moved, k);
            }
        }
        return (rank, setBy);
    }
}
