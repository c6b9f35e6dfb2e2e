namespace GradingEngine.Tooling.Agreement;

/// <summary>The agreement report in each output format of `grading agree`.</summary>
public static class AgreementRenderer
{
    /// <summary>For a terminal: user text with control characters neutralised.</summary>
    public static string RenderText(AgreementReport report) => AgreementTextRenderer.Render(report);

    /// <summary>Documented in docs/json-output.md ("grading agree").</summary>
    public static string RenderJson(AgreementReport report) => AgreementJsonRenderer.Render(report);

    public static string RenderMarkdown(AgreementReport report) => AgreementMarkdownRenderer.Render(report);

    /// <summary>One self-contained page: no script, nothing loaded, every piece of user text encoded.</summary>
    public static string RenderHtml(AgreementReport report) => AgreementHtmlRenderer.Render(report);
}
