namespace GradingEngine.Model;

/// <summary>What a quote needed, beyond collapsed whitespace, to be found in its report (docs/findings-format.md).</summary>
[Flags]
public enum QuoteNormalisation
{
    None = 0,

    /// <summary>A word hyphenated at a line end was quoted whole, with or without its hyphen.</summary>
    LineEndHyphen = 1,

    /// <summary>A footnote reference number attached to a word of the report was left out.</summary>
    FootnoteNumber = 2,

    /// <summary>The quote runs on over a page break: the page's footnotes, footer, number or header were skipped.</summary>
    PageBreak = 4,

    /// <summary>Typographic quotes, dashes, ligatures or invisible characters were read as their plain forms.</summary>
    Typography = 8,
}
