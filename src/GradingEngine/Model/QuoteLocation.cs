namespace GradingEngine.Model;

/// <summary>
/// Where a finding's quote was found in its declared report: the report's lines it runs over (1-based),
/// what it needed to match (nothing when it occurs as written, whitespace aside), and the report's words
/// it covers, counted from 0, so that two quotes of one report can be compared by place.
/// </summary>
public sealed record QuoteLocation(int Line, int EndLine, QuoteNormalisation Normalised, int FirstWord, int LastWord)
{
    /// <summary>`line 12` or `lines 12-14`.</summary>
    public string LinesText => Line == EndLine
        ? FormattableString.Invariant($"line {Line}")
        : FormattableString.Invariant($"lines {Line}-{EndLine}");

    /// <summary>The normalisations by their documented names (`line-end-hyphen`, ...), in a fixed order.</summary>
    public IReadOnlyList<string> NormalisedNames => QuoteNormalisations.Names(Normalised);
}
