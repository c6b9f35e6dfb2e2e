using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>Where a criterion written once for several questions was written, and the question this copy is for.</summary>
public sealed record TemplateOrigin(SourceSpan Template, string QuestionId)
{
    /// <summary>"in the template at criteria/x.yaml:12, for question `Q3`", the path relative to the rulebook folder.</summary>
    public string Describe(string rulebookDirectory) =>
        $"in the template at {Path.GetRelativePath(rulebookDirectory, Template.Path).Replace('\\', '/')}:{Template.Line}, for question `{QuestionId}`";
}
