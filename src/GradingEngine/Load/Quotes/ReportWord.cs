namespace GradingEngine.Load.Quotes;

/// <summary>
/// One word of a report (a run of non-space characters) as written and as compared, without its footnote
/// number when it has one (<see cref="PdfText.WithoutFootnote"/>), with its line.
/// </summary>
internal readonly record struct ReportWord(string Raw, string Folded, string? Bare, int Line, bool StartsLine, bool EndsLine)
{
    /// <summary>Ends in a hyphen (or soft hyphen) at the end of its line: PDF extraction's word break, perhaps.</summary>
    public bool HyphenatedAtLineEnd => EndsLine && Raw.Length > 1 && (Folded.EndsWith('-') || Raw.EndsWith('\u00AD'));
}
