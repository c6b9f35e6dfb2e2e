using System.Globalization;
using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>An ordered judgement scale, best level first. A numeric scale's levels are its scores.</summary>
public sealed record JudgementScale(string Id, IReadOnlyList<string> Levels, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    /// <summary>The scores of a numeric scale (`range:`), whose judgements compare as numbers; null for a scale of named levels.</summary>
    public ScoreRange? Scores { get; init; }

    public bool IsNumeric => Scores is not null;

    /// <summary>The level's rank (0 = best), or -1 when the level is not on this scale.</summary>
    public int RankOf(string level)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i] == level) return i;
        }
        return -1;
    }

    /// <summary>A numeric scale's level as its score; null for a scale of named levels or a level not on the scale.</summary>
    public decimal? ScoreOf(string level) =>
        Scores is not null && RankOf(level) >= 0 ? decimal.Parse(level, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    /// <summary>"levels are: `a`, `b`", or for a numeric scale "scores are whole numbers from 1 to 4", for help texts.</summary>
    public string LevelsHelp => Scores is { } s
        ? FormattableString.Invariant($"scores are whole numbers from {s.Min} to {s.Max}")
        : $"levels are: {string.Join(", ", Levels.Select(l => $"`{l}`"))}";
}
