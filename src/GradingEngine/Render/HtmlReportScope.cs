using GradingEngine.Trace;

namespace GradingEngine.Render;

/// <summary>
/// One inspection's report within an HTML page: ids get <paramref name="IdPrefix"/> so several
/// reports can share a page, rule links start at <paramref name="RulesHref"/>, and every balance
/// chart of the report uses the same <paramref name="MaxWeight"/> so bars compare across questions.
/// </summary>
internal sealed record HtmlReportScope(GradingResult Result, string IdPrefix, string RulesHref, int MaxWeight)
{
    public string Id(string local) => HtmlText.Token(IdPrefix + local);
}
