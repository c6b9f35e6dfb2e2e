namespace GradingEngine.Tooling.Agreement;

/// <summary>How two codings' quotes were put side by side.</summary>
internal enum AlignmentBasis
{
    /// <summary>By where each quote was found in the report both codings quote: spans of its words that overlap.</summary>
    ReportPlace,

    /// <summary>No report declared: by runs of words the quotes share once normalised (<see cref="QuoteKey"/>).</summary>
    SharedWords,
}
