using GradingEngine.Model;
using GradingEngine.Trace;

namespace GradingEngine.Render;

/// <summary>
/// One inspection's report within an HTML page: its ids get <paramref name="IdPrefix"/> so several reports can share
/// a page, its rule links point into the page's copy of its rulebook (ids from <paramref name="RulesPrefix"/>), and
/// every balance chart of the report uses the same <paramref name="MaxWeight"/> so bars compare across questions.
/// </summary>
internal sealed record HtmlReportScope(GradingResult Result, string IdPrefix, string RulesPrefix, int MaxWeight)
{
    public string Id(string local) => HtmlText.Token(IdPrefix + local);

    /// <summary>The anchor of a finding in the report's findings section.</summary>
    public string FindingId(Finding finding) => IdPrefix + "f-" + HtmlText.Token(finding.Id);

    /// <summary>The anchor of a line of a rule file in the page's copy of the rulebook.</summary>
    public string RuleLineId(string file, int line) => RuleFileId(RulesPrefix, file) + FormattableString.Invariant($"-L{line}");

    /// <summary>The anchor of a rule file in the page's copy of a rulebook.</summary>
    public static string RuleFileId(string rulesPrefix, string file) => rulesPrefix + "src-" + HtmlText.Token(file);
}
