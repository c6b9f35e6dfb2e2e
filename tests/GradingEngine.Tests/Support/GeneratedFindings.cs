using System.Text;

namespace GradingEngine.Tests.Support;

/// <summary>A findings file written for generated evidence: each finding with a placeholder quote and source.</summary>
internal static class GeneratedFindings
{
    /// <summary>One finding: its id, question, indicator, `judgement:` or `value:` line, and kind when it has one.</summary>
    public sealed record Entry(string Id, string Question, string Indicator, string ValueLine, string? Kind = null);

    public static string Yaml(string inspection, string framework, IReadOnlyList<Entry> findings)
    {
        var text = new StringBuilder($"inspection: {inspection}\nforce: Example Force\nframework: {framework}\nfindings:");
        if (findings.Count == 0) text.Append(" []");
        text.Append('\n');
        foreach (var f in findings)
        {
            text.Append($"  - id: {f.Id}\n");
            text.Append($"    question: {f.Question}\n");
            text.Append($"    indicator: {f.Indicator}\n");
            text.Append($"    {f.ValueLine}\n");
            if (f.Kind is not null) text.Append($"    kind: {f.Kind}\n");
            text.Append("    quote: A quote.\n");
            text.Append("    source: A section\n");
        }
        return text.ToString();
    }
}
