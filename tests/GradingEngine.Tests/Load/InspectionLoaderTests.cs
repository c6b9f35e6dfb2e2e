using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

public class InspectionLoaderTests
{
    private static readonly Lazy<CompiledRulebook> Mini = new(() => TestKit.Compile(new MiniRulebook()));

    private static Result<Inspection> LoadFindings(string content, string name = "findings.yaml", params (string Name, string Content)[] extraFiles)
    {
        using var temp = new TempFolder();
        foreach (var (file, text) in extraFiles)
        {
            temp.Write(file, text);
        }
        var path = temp.Write(name, content);
        return GradingPipeline.LoadInspection(path, Mini.Value);
    }

    private static Diagnostic SingleError(Result<Inspection> result, string code)
    {
        Assert.Null(result.Value);
        return TestKit.SingleError(result.Diagnostics, code);
    }

    private static string WithFinding(string finding) => TestKit.Findings(finding);

    [Fact]
    public void Load_MiniFindings_ReadsEveryField()
    {
        // Act
        var result = LoadFindings(MiniRulebook.FindingsYaml);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        var inspection = result.Value!;
        Assert.Equal(("mini-1", "Example Force", "mini"), (inspection.Id, inspection.Force, inspection.Framework));
        Assert.Equal(["F1", "F2", "F3"], inspection.Findings.Select(f => f.Id));
        var f2 = inspection.Findings[1];
        Assert.Equal(("Q1", "q1.partnership.working", "inconsistent"), (f2.QuestionId, f2.IndicatorId, f2.Judgement));
        Assert.Equal("Partnership working is inconsistent.", f2.Quote);
        Assert.Equal("Q1 > Partnership", f2.Source);
        Assert.Null(f2.Number);
        Assert.Null(f2.Flag);
        Assert.Equal(["Q1", "Q2", "overall"], inspection.Proposed!.Grades.Keys);
        Assert.Equal("good", inspection.Proposed.Grades["overall"].GradeId);
        Assert.Matches("^[0-9a-f]{64}$", inspection.Sha256);
    }

    [Theory]
    [InlineData("findings.yaml")]
    [InlineData("findings.json")]
    public void Load_OrganisationInsteadOfForce_ReadLikeForce(string name)
    {
        // Arrange: a school or care home is no police force; `organisation:` names it, in YAML or JSON.
        var yaml = MiniRulebook.FindingsYaml.Replace("force: Example Force", "organisation: Example School", StringComparison.Ordinal);
        var text = name.EndsWith(".json", StringComparison.Ordinal)
            ? """{"inspection": "mini-1", "organisation": "Example School", "framework": "mini", "findings": []}"""
            : yaml;

        // Act
        var result = LoadFindings(text, name);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal("Example School", result.Value!.Force);
    }

    [Fact]
    public void Load_OrganisationInsteadOfForce_GradesAndRendersAsForceDoes()
    {
        var rulebook = Mini.Value;
        var withForce = TestKit.Grade(rulebook, MiniRulebook.FindingsYaml);
        var withOrganisation = TestKit.Grade(rulebook, MiniRulebook.FindingsYaml.Replace("force:", "organisation:", StringComparison.Ordinal));

        // The same report, but for the findings file's hash and path.
        Assert.Equal(Normalise(GradingEngine.Render.TextRenderer.Render(withForce)), Normalise(GradingEngine.Render.TextRenderer.Render(withOrganisation)));
        Assert.StartsWith("Example Force - inspection mini-1", GradingEngine.Render.TextRenderer.Render(withOrganisation).Split("\n").First(l => l.Contains("inspection mini-1", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\"force\": \"Example Force\"", GradingEngine.Render.JsonRenderer.Render(withOrganisation), StringComparison.Ordinal);

        static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, "(/tmp/[^\\s]*|[0-9a-f]{64}|[0-9a-f]{12})", "<x>");
    }

    [Theory]
    [InlineData("ofsted-2015", "ofsted-2015-synthetic", "Synthetic Primary School (invented)")]
    [InlineData("cqc-2015", "cqc-2015-synthetic", "Synthetic House care home (invented)")]
    [InlineData("cqc-2023", "cqc-2023-synthetic", "Example Care Home (synthetic)")]
    public void Load_SchoolAndCareHomeSeeds_NameTheOrganisationNotAForce(string rules, string seed, string organisation)
    {
        var path = Path.Combine(Repo.Root, "seeds", seed, "findings.yaml");
        var rulebook = GradingPipeline.LoadRulebook(Path.Combine(Repo.Root, "rules", rules)).Value!;

        var inspection = GradingPipeline.LoadInspection(path, rulebook);

        Assert.True(inspection.Succeeded, TestKit.Render(inspection.Diagnostics));
        Assert.Equal(organisation, inspection.Value!.Force);
        Assert.Contains($"\norganisation: {organisation}\n", File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\nforce:", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BothForceAndOrganisation_ReportsGE206AtOrganisation()
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("force: Example Force", "force: Example Force\norganisation: Example School", StringComparison.Ordinal);

        // Act
        var error = SingleError(LoadFindings(text), DiagnosticCodes.InvalidValue);

        // Assert
        Assert.Equal(TestKit.Locate(text, "organisation:"), TestKit.At(error));
        Assert.Equal("a findings file names the organisation inspected under `force` or `organisation`, not both", error.Message);
        Assert.Equal("`organisation` is `force` by its neutral name: keep one", error.Help);
    }

    [Fact]
    public void Load_NeitherForceNorOrganisation_ReportsGE201NamingBoth()
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("force: Example Force\n", "", StringComparison.Ordinal);

        // Act
        var error = SingleError(LoadFindings(text), DiagnosticCodes.MissingKey);

        // Assert
        Assert.Equal("missing required key `force` (or `organisation`) in findings file", error.Message);
    }

    [Theory]
    [InlineData("organisation:\n")]
    [InlineData("organisation: [a, b]\n")]
    public void Load_OrganisationWithoutASingleValue_ReportsTheKeyAsForceWould(string line)
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("force: Example Force\n", line, StringComparison.Ordinal);

        // Act
        var result = LoadFindings(text);

        // Assert
        Assert.Null(result.Value);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("`organisation`", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownIndicator_ReportsGE302WithSuggestion()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priorty", judgement: "effective"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownIndicator);
        Assert.Equal("unknown indicator `q1.prevention.priorty`", error.Message);
        Assert.Equal("did you mean `q1.prevention.priority`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "q1.prevention.priorty"), TestKit.At(error));
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Load_JudgementNotOnScale_ReportsGE305WithSuggestion()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "mostly-efective"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownLevel);
        Assert.Contains("`mostly-efective`", error.Message);
        Assert.Contains("`effectiveness`", error.Message);
        Assert.Equal("did you mean `mostly-effective`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "mostly-efective"), TestKit.At(error));
    }

    [Fact]
    public void Load_JudgementFarFromAnyLevel_ListsTheLevels()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "superb"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownLevel);
        Assert.Equal("levels are: `effective`, `mostly-effective`, `inconsistent`, `ineffective`", error.Help);
    }

    [Fact]
    public void Load_ValueForJudgementIndicator_ReportsGE309AtTheValue()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority", value: "3"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.ValueTypeMismatch);
        Assert.Contains("takes a `judgement`, not a `value`", error.Message);
        Assert.Equal(TestKit.Locate(text, "3\n"), TestKit.At(error));
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Load_JudgementForNumberIndicator_ReportsGE309()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.crime-change", judgement: "effective"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.ValueTypeMismatch);
        Assert.Contains("takes a number `value`", error.Message);
    }

    [Fact]
    public void Load_JudgementIndicatorWithoutJudgement_ReportsGE201()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.MissingKey);
        Assert.Contains("`judgement`", error.Message);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("\"7.5\"")]
    [InlineData("1,5")]
    public void Load_NonNumberForNumberIndicator_ReportsGE202(string value)
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.crime-change", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.WrongType);
        Assert.Contains("takes a number", error.Message);
        Assert.Equal(TestKit.Locate(text, value), TestKit.At(error));
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("-99999999999999999999999999999999.5")]
    public void Load_NumberPastTheDecimalRange_ReportsGE206NamingTheLimit(string value)
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.crime-change", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.InvalidValue);
        Assert.Contains("takes a number of at most 79228162514264337593543950335 in size", error.Message, StringComparison.Ordinal);
        Assert.Equal(TestKit.Locate(text, value), TestKit.At(error));
    }

    [Theory]
    [InlineData("\"mini\\0one\"")]
    [InlineData("\"mini-1\\n\"")]
    [InlineData("\"mini-1\\u202E\"")]
    public void Load_ControlCharacterInInspectionId_ReportsGE204(string id)
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("inspection: mini-1", $"inspection: {id}", StringComparison.Ordinal);

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.InvalidId);
        Assert.Equal((1, 13), TestKit.At(error));
    }

    [Theory]
    [InlineData("7.5", 7.5)]
    [InlineData("-3", -3)]
    [InlineData("0", 0)]
    [InlineData("12.125", 12.125)]
    public void Load_NumberValue_IsReadExactly(string value, double expected)
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.crime-change", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal((decimal)expected, result.Value!.Findings[0].Number);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("Yes", true)]
    [InlineData("NO", false)]
    public void Load_YesNoValue_IsReadAsFlag(string value, bool expected)
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.partnership.database", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        var finding = result.Value!.Findings[0];
        Assert.Equal(expected, finding.Flag);
        Assert.Null(finding.Number);
        Assert.Null(finding.Judgement);
        Assert.Equal(expected ? "yes" : "no", finding.ValueText);
    }

    [Theory]
    [InlineData("'yes'", true)]
    [InlineData("\"no\"", false)]
    [InlineData("'true'", true)]
    [InlineData("\"FALSE\"", false)]
    public void Load_QuotedYesNoValue_IsReadAsFlag(string value, bool expected)
    {
        // Arrange: PyYAML writes `value: 'yes'`.
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.partnership.database", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal(expected, result.Value!.Findings[0].Flag);
    }

    [Fact]
    public void Load_JsonYesNoValueAsText_IsReadAsFlag()
    {
        // Arrange
        const string json = """
            {"inspection": "j", "force": "F", "framework": "mini", "findings": [
              {"id": "F1", "question": "Q1", "indicator": "q1.partnership.database", "value": "yes", "quote": "q", "source": "s"}
            ]}
            """;

        // Act
        var result = LoadFindings(json, "findings.json");

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal(true, result.Value!.Findings[0].Flag);
    }

    [Theory]
    [InlineData("maybe", "found the text \"maybe\"")]
    [InlineData("'maybe'", "found the text \"maybe\"")]
    [InlineData("3", "found the number 3")]
    [InlineData("'3'", "found the text \"3\"")]
    [InlineData("''", "found empty text")]
    public void Load_OtherValueForYesNoIndicator_ReportsGE202NamingWhatItFound(string value, string found)
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.partnership.database", value: value));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.WrongType);
        Assert.Equal($"indicator `q1.partnership.database` takes `yes` or `no`, {found}", error.Message);
    }

    [Fact]
    public void Load_FindingQuestionDiffersFromIndicatorQuestion_ReportsGE307AtQuestion()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q2", "q1.prevention.priority", judgement: "effective"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.QuestionMismatch);
        Assert.Equal("finding is filed under `Q2`, but indicator `q1.prevention.priority` belongs to `Q1`", error.Message);
        Assert.Equal(TestKit.Locate(text, "Q2"), TestKit.At(error));
    }

    [Fact]
    public void Load_UnknownQuestion_ReportsGE300WithSuggestion()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q7", "q1.prevention.priority", judgement: "effective"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownQuestion);
        Assert.Contains("`Q7`", error.Message);
    }

    [Fact]
    public void Load_DuplicateFindingId_ReportsGE203AtTheSecondWithFirstLocation()
    {
        // Arrange
        var text = TestKit.Findings(
            TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective"),
            TestKit.Finding("F1", "Q1", "q1.partnership.working", judgement: "inconsistent"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.DuplicateId);
        Assert.Equal("duplicate finding id `F1`", error.Message);
        Assert.Equal(TestKit.Locate(text, "F1", 2), TestKit.At(error));
        var first = TestKit.Locate(text, "id: F1");
        Assert.Equal($"first defined at {error.Span.Path}:{first.Line}:{first.Column}", error.Help);
    }

    [Fact]
    public void Load_FrameworkMismatch_ReportsGE306()
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("framework: mini", "framework: peel-2015-effectiveness");

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.FrameworkMismatch);
        Assert.Contains("`peel-2015-effectiveness`", error.Message);
        Assert.Contains("`mini`", error.Message);
        Assert.Equal(TestKit.Locate(text, "peel-2015-effectiveness"), TestKit.At(error));
    }

    private static string WithReport(string findings) => findings.Replace("framework: mini\n", "framework: mini\nreport: report.txt\n");

    [Fact]
    public void Load_QuoteAbsentFromReport_ReportsGE308AtTheQuote()
    {
        // Arrange
        var text = WithReport(TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "Prevention is not mentioned.")));
        var report = "The force says prevention is a priority.\n";

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", report));

        // Assert
        var error = SingleError(result, DiagnosticCodes.QuoteNotInReport);
        Assert.Equal("quote does not occur in report `report.txt`", error.Message);
        Assert.Equal(TestKit.Locate(text, "\"Prevention is not mentioned.\""), TestKit.At(error));
    }

    [Fact]
    public void Load_QuoteSpanningLineAndPageBreaksOfReport_IsAccepted()
    {
        // Arrange
        var text = WithReport(TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "prevention is a clear priority for the force")));
        var report = "Summary.\nIn West Mercia, prevention is a\r\nclear priority\n\f\n  for the   force, we found.\n";

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", report));

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
    }

    [Fact]
    public void Load_QuoteWithExtraWhitespace_MatchesCollapsedReport()
    {
        // Arrange
        var text = WithReport(TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "  clear   priority ")));
        var report = "a clear\npriority\n";

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", report));

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
    }

    [Fact]
    public void Load_QuotesOverALineEndHyphenAndAPageBreak_LoadWithWhereTheyWereFound()
    {
        // Arrange: the report as PDF-to-text conversion leaves it.
        var text = WithReport(TestKit.Findings(
            TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "preventing crime and anti-social behaviour is a priority"),
            TestKit.Finding("F2", "Q1", "q1.partnership.working", judgement: "effective", quote: "The force works with partners (IOM) across the county.")));
        var report = string.Join("\n",
            "Summary",
            "We found preventing crime and anti-",
            "social behaviour is a priority. The force works with",
            new string(' ', 44),
            "9 Integrated offender management.",
            "",
            "12",
            "partners (IOM)9 across the county.",
            "");

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", report));

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        var (f1, f2) = (result.Value!.Findings[0].QuoteAt!, result.Value.Findings[1].QuoteAt!);
        Assert.Equal("lines 2-3", f1.LinesText);
        Assert.Equal(["line-end-hyphen"], f1.NormalisedNames);
        Assert.Equal("lines 3-8", f2.LinesText);
        Assert.Equal(["footnote-number", "page-break"], f2.NormalisedNames);
        Assert.Equal("The force works with partners (IOM) across the county.", result.Value.Findings[1].Quote);
    }

    [Fact]
    public void Load_QuoteWithAWordNotInReport_ReportsGE308AtThatWord()
    {
        // Arrange
        var text = WithReport(TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "preventing crime and anti-social behavour is a priority")));
        const string report = "We found preventing crime and anti-\nsocial behaviour is a priority.\n";

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", report));

        // Assert
        var error = SingleError(result, DiagnosticCodes.QuoteNotInReport);
        Assert.Equal("quote does not occur in report `report.txt`: its first 4 words do, but `behavour` does not follow them", error.Message);
        Assert.Equal(TestKit.Locate(text, "behavour"), TestKit.At(error));
    }

    [Fact]
    public void Load_WithoutAReport_QuotesHaveNoLocation()
    {
        // Act
        var result = LoadFindings(MiniRulebook.FindingsYaml);

        // Assert
        Assert.All(result.Value!.Findings, f => Assert.Null(f.QuoteAt));
    }

    [Fact]
    public void Load_QuoteDifferingInCase_IsNotInReport()
    {
        // Arrange
        var text = WithReport(TestKit.Findings(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "Clear Priority")));

        // Act
        var result = LoadFindings(text, extraFiles: ("report.txt", "a clear priority\n"));

        // Assert
        SingleError(result, DiagnosticCodes.QuoteNotInReport);
    }

    [Fact]
    public void Load_MissingReportFile_ReportsGE100AtTheReportKey()
    {
        // Arrange
        var text = WithReport(MiniRulebook.FindingsYaml);

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.FileNotFound);
        Assert.Contains("report `report.txt`", error.Message);
        Assert.Equal(TestKit.Locate(text, "report.txt"), TestKit.At(error));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.QuoteNotInReport);
    }

    [Fact]
    public void Load_EmptyQuote_ReportsGE206()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective", quote: "   "));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.InvalidValue);
        Assert.Equal("quote is empty", error.Message);
    }

    [Fact]
    public void Load_JsonFindings_GiveTheSameInspectionAsYaml()
    {
        // Arrange
        const string json = """
            {
              "inspection": "mini-1",
              "force": "Example Force",
              "framework": "mini",
              "findings": [
                {"id": "F1", "question": "Q1", "indicator": "q1.prevention.priority", "judgement": "effective",
                 "quote": "Prevention is a clear priority.", "source": "Q1 > Prevention"},
                {"id": "F2", "question": "Q1", "indicator": "q1.partnership.working", "judgement": "inconsistent",
                 "quote": "Partnership working is inconsistent.", "source": "Q1 > Partnership"},
                {"id": "F3", "question": "Q2", "indicator": "q2.investigation.quality", "judgement": "effective",
                 "quote": "Investigations are well managed.", "source": "Q2 > Investigation"}
              ],
              "proposed": {"Q1": "good", "Q2": "good", "overall": "good"}
            }
            """;

        // Act
        var fromYaml = LoadFindings(MiniRulebook.FindingsYaml);
        var fromJson = LoadFindings(json, "findings.json");

        // Assert
        Assert.True(fromJson.Succeeded, TestKit.Render(fromJson.Diagnostics));
        var y = fromYaml.Value!;
        var j = fromJson.Value!;
        Assert.Equal((y.Id, y.Force, y.Framework), (j.Id, j.Force, j.Framework));
        static object Shape(Finding f) => (f.Id, f.QuestionId, f.IndicatorId, f.Judgement, f.Number, f.Flag, f.Quote, f.Source);
        Assert.Equal(y.Findings.Select(Shape), j.Findings.Select(Shape));
        Assert.Equal(y.Proposed!.Grades.Select(g => (g.Key, g.Value.GradeId)), j.Proposed!.Grades.Select(g => (g.Key, g.Value.GradeId)));
        var gradedYaml = GradingPipeline.Grade(Mini.Value, y);
        var gradedJson = GradingPipeline.Grade(Mini.Value, j);
        Assert.Equal(gradedYaml.Questions.Select(q => q.Grade!.Id), gradedJson.Questions.Select(q => q.Grade!.Id));
        Assert.Equal(gradedYaml.Overall!.Grade.Id, gradedJson.Overall!.Grade.Id);
    }

    [Fact]
    public void Load_JsonNumbersAndBooleans_AreTyped()
    {
        // Arrange
        const string json = """
            {"inspection": "j", "force": "F", "framework": "mini", "findings": [
              {"id": "N1", "question": "Q1", "indicator": "q1.prevention.crime-change", "value": 6.25, "quote": "q", "source": "s"},
              {"id": "B1", "question": "Q1", "indicator": "q1.partnership.database", "value": false, "quote": "q", "source": "s"}
            ]}
            """;

        // Act
        var result = LoadFindings(json, "findings.json");

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal(6.25m, result.Value!.Findings[0].Number);
        Assert.False(result.Value.Findings[1].Flag);
    }

    [Fact]
    public void Load_ProposedWithUnknownGrade_ReportsGE303WithSuggestion()
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("  Q2: good", "  Q2: goood");

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownGrade);
        Assert.Equal("unknown grade `goood`", error.Message);
        Assert.Equal("did you mean `good`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "goood"), TestKit.At(error));
    }

    [Fact]
    public void Load_ProposedWithUnknownQuestion_ReportsGE300()
    {
        // Arrange
        var text = MiniRulebook.FindingsYaml.Replace("  overall: good", "  overal: good");

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownQuestion);
        Assert.Equal("did you mean `overall`?", error.Help);
    }

    [Fact]
    public void Load_SeveralBadFindings_ReportsEveryError()
    {
        // Arrange
        var text = TestKit.Findings(
            TestKit.Finding("F1", "Q1", "q1.prevention.priorty", judgement: "effective"),
            TestKit.Finding("F2", "Q1", "q1.prevention.crime-change", value: "lots"),
            TestKit.Finding("F3", "Q2", "q1.partnership.working", judgement: "inconsistent"));

        // Act
        var result = LoadFindings(text);

        // Assert
        Assert.Null(result.Value);
        Assert.Equal([DiagnosticCodes.UnknownIndicator, DiagnosticCodes.WrongType, DiagnosticCodes.QuestionMismatch], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Load_NoFindings_IsAnEmptyInspection()
    {
        // Act
        var result = LoadFindings(TestKit.Findings());

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Empty(result.Value!.Findings);
        Assert.Null(result.Value.Proposed);
    }

    [Fact]
    public void Load_UnknownKeyInFinding_ReportsGE200WithSuggestion()
    {
        // Arrange
        var text = WithFinding(TestKit.Finding("F1", "Q1", "q1.prevention.priority", judgement: "effective").Replace("  source:", "  sorce: x\n  source:"));

        // Act
        var result = LoadFindings(text);

        // Assert
        var error = SingleError(result, DiagnosticCodes.UnknownKey);
        Assert.Equal("did you mean `source`?", error.Help);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just text")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings: nothing\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings: [a, b]\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings: [{}]\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings: []\nproposed: [good]\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings: []\nproposed: {Q1: [good]}\n")]
    [InlineData("inspection: [x]\nforce: {a: b}\nframework: mini\nfindings: []\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nreport: [r]\nfindings: []\n")]
    [InlineData("inspection: x\nforce: f\nframework: mini\nfindings:\n  - id: F1\n    question: [Q1]\n    indicator: {a: b}\n    quote: [q]\n    source: s\n")]
    public void Load_MalformedFindingsFile_ReportsErrorsWithoutThrowing(string content)
    {
        // Act
        var result = LoadFindings(content);

        // Assert
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
    }

    private static Result<ProposedGrades> LoadProposed(string content, string? inspectionId)
    {
        using var temp = new TempFolder();
        var path = temp.Write("proposed.yaml", content);
        return GradingPipeline.LoadProposed(path, Mini.Value, inspectionId);
    }

    [Fact]
    public void LoadProposed_MatchingInspection_ReadsGrades()
    {
        // Arrange
        const string text = "inspection: mini-1\ngrades:\n  Q1: good\n  Q2: inadequate\n  overall: requires-improvement\n";

        // Act
        var result = LoadProposed(text, "mini-1");

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Equal(["Q1", "Q2", "overall"], result.Value!.Grades.Keys);
        Assert.Equal("inadequate", result.Value.Grades["Q2"].GradeId);
    }

    [Fact]
    public void LoadProposed_InspectionMismatch_ReportsGE310()
    {
        // Arrange
        const string text = "inspection: other-inspection\ngrades:\n  Q1: good\n";

        // Act
        var result = LoadProposed(text, "mini-1");

        // Assert
        Assert.Null(result.Value);
        var error = TestKit.SingleError(result.Diagnostics, DiagnosticCodes.InspectionMismatch);
        Assert.Contains("`other-inspection`", error.Message);
        Assert.Contains("`mini-1`", error.Message);
        Assert.Equal((1, 13), TestKit.At(error));
    }

    [Fact]
    public void LoadProposed_NoInspectionKey_IsNotChecked()
    {
        // Act
        var result = LoadProposed("grades:\n  overall: good\n", "mini-1");

        // Assert
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
    }

    [Fact]
    public void LoadProposed_UnknownGrade_ReportsGE303()
    {
        // Act
        var result = LoadProposed("grades:\n  Q1: excellent\n", null);

        // Assert
        var error = TestKit.SingleError(result.Diagnostics, DiagnosticCodes.UnknownGrade);
        Assert.Contains("`outstanding`", error.Help);
    }

    [Fact]
    public void LoadProposed_MissingGrades_ReportsGE201()
    {
        // Act
        var result = LoadProposed("inspection: mini-1\n", "mini-1");

        // Assert
        TestKit.SingleError(result.Diagnostics, DiagnosticCodes.MissingKey);
    }
}
