namespace GradingEngine.Load.Quotes;

/// <summary>One word of a quote as written and as compared, with where it starts in the quote.</summary>
internal readonly record struct QuoteWord(string Raw, string Folded, int Offset)
{
    /// <summary>The quote's words; a word that is nothing but invisible characters is left out.</summary>
    public static IReadOnlyList<QuoteWord> Split(string quote)
    {
        var words = new List<QuoteWord>();
        for (var i = 0; i < quote.Length;)
        {
            if (char.IsWhiteSpace(quote[i])) { i++; continue; }
            var start = i;
            while (i < quote.Length && !char.IsWhiteSpace(quote[i])) i++;
            var raw = quote[start..i];
            var folded = PdfText.Fold(raw);
            if (folded.Length > 0) words.Add(new QuoteWord(raw, folded, start));
        }
        return words;
    }
}
