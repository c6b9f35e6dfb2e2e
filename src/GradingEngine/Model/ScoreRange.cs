namespace GradingEngine.Model;

/// <summary>
/// The scores of a numeric scale: every whole number from <paramref name="Min"/> to <paramref name="Max"/>, and which end
/// is best. Conditions compare a score as a number; a finding writes it as its judgement (`judgement: 3`).
/// </summary>
public sealed record ScoreRange(int Min, int Max, bool HigherIsBetter)
{
    /// <summary>The scores as levels, best first, as a judgement scale lists them.</summary>
    public IReadOnlyList<string> Levels()
    {
        var scores = Enumerable.Range(Min, Max - Min + 1).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. HigherIsBetter ? scores.Reverse() : scores];
    }
}
