using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// Where a criterion written once for several questions (or for every area of them) was written, and the question, and
/// area when the template is copied per area, this copy is for.
/// </summary>
public sealed record TemplateOrigin(SourceSpan Template, string QuestionId, string? AreaId = null)
{
    /// <summary>"in the template at criteria/x.yaml:12, for question `Q3`" (and "area `a`"), the path relative to the rulebook folder.</summary>
    public string Describe(string rulebookDirectory) =>
        $"in the template at {Path.GetRelativePath(rulebookDirectory, Template.Path).Replace('\\', '/')}:{Template.Line}, {For}";

    /// <summary>"for question `Q3`", or "for question `Q3`, area `a`".</summary>
    public string For => AreaId is null ? $"for question `{QuestionId}`" : $"for question `{QuestionId}`, area `{AreaId}`";
}
