using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;

namespace GradingEngine.Tests.Tooling.Agreement;

/// <summary>Two codings of a small report against the mini rulebook, written to a temporary folder and compared.</summary>
internal static class AgreementKit
{
    /// <summary>A report a few findings can quote, with a word hyphenated at a line end.</summary>
    public const string Report = """
        Prevention is a clear priority for the force, and officers
        understand it well. Partnership working is inconsistent across the
        county. Investigations are well managed and supervised, and a shared problem-
        solving database exists.

        """;

    /// <summary>A findings file for the mini rulebook.</summary>
    public static string Coding(string? report, params string[] findings) =>
        $"inspection: mini-agree\nforce: Test Force\nframework: mini\n{(report is null ? "" : $"report: {report}\n")}findings:\n" +
        string.Join("\n", findings.Select(f => TestKit.Indent(f, 2))) + "\n";

    public static string Finding(string id, string indicator, string quote, string? judgement = null, string? value = null) =>
        TestKit.Finding(id, indicator.StartsWith("q2", StringComparison.Ordinal) ? "Q2" : "Q1", indicator, judgement, value, quote);

    /// <summary>Coder A's coding: Q1 good (priority effective, partnership inconsistent), Q2 good; overall good.</summary>
    public static string[] CoderA =>
    [
        Finding("A1", "q1.prevention.priority", "Prevention is a clear priority for the force", judgement: "effective"),
        Finding("A2", "q1.partnership.working", "Partnership working is inconsistent across the county.", judgement: "inconsistent"),
        Finding("A3", "q2.investigation.quality", "Investigations are well managed", judgement: "effective"),
    ];

    public static Result<AgreementReport> Agree(TempFolder temp, string a, string b, string? report = Report, MiniRulebook? rulebook = null)
    {
        var rules = (rulebook ?? new MiniRulebook()).WriteTo(temp);
        if (report is not null) temp.Write("report.txt", report);
        return GradingPipeline.Agree(rules, temp.Write("a.yaml", a), temp.Write("b.yaml", b));
    }

    public static AgreementReport Succeed(Result<AgreementReport> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("agree failed:\n" + TestKit.Render(result.Diagnostics));
}
