using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>An ordered judgement scale, best level first.</summary>
public sealed record JudgementScale(string Id, IReadOnlyList<string> Levels, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>The level's rank (0 = best), or -1 when the level is not on this scale.</summary>
    public int RankOf(string level)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i] == level) return i;
        }
        return -1;
    }
}
