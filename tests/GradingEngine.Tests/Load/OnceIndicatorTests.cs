using GradingEngine.Diagnostics;
using GradingEngine.Tests.Rollup;
using Xunit;
using static GradingEngine.Tests.Load.TestKit;

namespace GradingEngine.Tests.Load;

/// <summary>An indicator with `once: true` (codebook) takes one finding per inspection; rules/cqc-2023 scores each quality statement so.</summary>
public class OnceIndicatorTests
{
    [Fact]
    public void Load_SecondScoreForAQualityStatement_GE203NamesTheFirst()
    {
        // rules/cqc-2023 scores each quality statement once (`once: true`): a second score would count twice in the total.
        var findings = CarriedGradesTests.Scored("safe", 3) + "  - {id: S9, question: safe, indicator: safe.staffing, judgement: 1, quote: \"Again.\", source: Synthetic}\n";

        var (result, diagnostics) = CarriedGradesTests.Load(CarriedGradesTests.Findings(findings, ""));

        Assert.Null(result);
        var error = SingleError(diagnostics, DiagnosticCodes.DuplicateId);
        Assert.Contains("indicator `safe.staffing` takes one finding per inspection, and `safe.staffing` has it already", error.Message);
    }
}
