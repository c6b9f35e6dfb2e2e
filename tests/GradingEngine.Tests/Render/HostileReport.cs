using GradingEngine.Rollup;
using GradingEngine.Trace;
using GradingEngine.Tests.Support;

namespace GradingEngine.Tests.Render;

/// <summary>
/// The mini rulebook graded with user text built to break a report: markup, pipes, emphasis, a
/// network link, an attribute break-out in a finding id, and quotes that look like list items.
/// </summary>
public static class HostileReport
{
    public const string Quote = "<script>alert(1)</script> | pipes | *star* _under_ [link](https://evil.example/x.png) &amp; `tick`";
    public const string Source = "# Heading <img src=x onerror=alert(1)>";
    public const string FindingId = "F1\"><script>alert(2)</script>";
    public const string ListQuote = "- looks like a list item";
    public const string OrderedQuote = "1. looks like an ordered list";
    public const string Force = "Force | <b>Bold</b> #1";
    public const string QuestionTitle = "How | well <em>does</em> it *prevent*? #";

    public static GradingResult Grade()
    {
        using var temp = new TempFolder();
        var rulebookYaml = MiniRulebook.RulebookYaml.Replace("title: How well does it prevent?", $"title: '{QuestionTitle}'", StringComparison.Ordinal);
        var rules = new MiniRulebook().With("rulebook.yaml", rulebookYaml).WriteTo(temp);
        var rulebook = GradingPipeline.LoadRulebook(rules).Value!;
        var inspection = GradingPipeline.LoadInspection(temp.Write("findings.yaml", MiniRulebook.FindingsYaml), rulebook).Value!;
        var findings = inspection.Findings.Select(f => f.Id switch
        {
            "F1" => f with { Id = FindingId, Quote = Quote, Source = Source },
            "F2" => f with { Quote = ListQuote },
            "F3" => f with { Quote = OrderedQuote },
            _ => f,
        }).ToList();
        return GradingPipeline.Grade(rulebook, inspection with { Force = Force, Findings = findings, Path = "findings.yaml" });
    }
}
