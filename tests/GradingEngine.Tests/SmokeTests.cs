using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests;

public class SmokeTests
{
    [Fact]
    public void MiniRulebook_Loads_WithoutErrors()
    {
        using var temp = new TempFolder();
        var result = GradingPipeline.LoadRulebook(new MiniRulebook().WriteTo(temp));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml);
        var inspection = GradingPipeline.LoadInspection(findings, result.Value!);
        Assert.True(inspection.Succeeded, string.Join("\n", inspection.Diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format)));
        var graded = GradingPipeline.Grade(result.Value!, inspection.Value!);
        Assert.Equal(["good", "good"], graded.Questions.Select(q => q.Grade!.Id));
        Assert.Equal("good", graded.Overall!.Grade.Id);
    }
}
