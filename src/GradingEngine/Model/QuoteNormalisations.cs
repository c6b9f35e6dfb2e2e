using System.Diagnostics;
namespace GradingEngine.Model;

public static class QuoteNormalisations
{
    public static IReadOnlyList<QuoteNormalisation> All { get; } =
        [QuoteNormalisation.LineEndHyphen, QuoteNormalisation.FootnoteNumber, QuoteNormalisation.PageBreak, QuoteNormalisation.Typography];

    public static string Id(this QuoteNormalisation normalisation) => normalisation switch
    {
        QuoteNormalisation.LineEndHyphen => "line-end-hyphen",
        QuoteNormalisation.FootnoteNumber => "footnote-number",
        QuoteNormalisation.PageBreak => "page-break",
        QuoteNormalisation.Typography => "typography",
        _ => throw new UnreachableException(normalisation.ToString()),
    };

    public static IReadOnlyList<string> Names(QuoteNormalisation set) => All.Where(n => set.HasFlag(n)).Select(Id).ToList();
}
