using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.RuleTests;
using Xunit;

namespace GradingEngine.Tests.Tooling.RuleTests;

/// <summary>Reading `tests/*.yaml`: what a valid file becomes, and each mistake reported at the place it is written.</summary>
public class RuleTestLoaderTests
{
    /// <summary>A case with a placeholder line `#BODY` under `expect:` and a valid finding; tests swap lines in.</summary>
    private const string Template = """
        cases:
          - name: q1-good
            description: Synthetic findings.
            findings:
              - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: effective, quote: Prevention comes first., source: Synthetic}
              - {id: F2, question: Q1, indicator: q1.partnership.working, judgement: inconsistent, quote: Partnership varies., source: Synthetic}
            expect:
              grades:
                Q1: good
              met: [Q1.priority]
        """;

    /// <summary>Runs the mini rulebook with one test file and returns its errors and the file's text and path.</summary>
    private static (IReadOnlyList<Diagnostic> Errors, string Path) Fail(string text, string name = "cases.yaml")
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, (name, text));
        return (RuleTestKit.Errors(rules), Path.Combine(rules, "tests", name));
    }

    /// <summary>The single error with <paramref name="code"/>, at the <paramref name="occurrence"/>-th <paramref name="needle"/> of the test file.</summary>
    private static Diagnostic AssertErrorAt(string text, string code, string needle, int occurrence = 1)
    {
        var (errors, path) = Fail(text);
        var error = TestKit.SingleError(errors, code);
        Assert.Equal(path, error.Span.Path);
        Assert.Equal(TestKit.Locate(text, needle, occurrence), TestKit.At(error));
        return error;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", Replace(Template, "      met: [Q1.priority]", "      met: [Q1.priority]\n      notMet: [Q1.partnership]")));

        // Act
        var report = RuleTestKit.Run(rules);

        // Assert
        var c = Assert.Single(report.Suite.Cases);
        Assert.Equal(("q1-good", "Synthetic findings."), (c.Name, c.Description));
        Assert.Equal(Path.Combine(rules, "tests", "cases.yaml"), c.File);
        Assert.Equal((2, 11), (c.Span.Line, c.Span.Column));
        Assert.Equal(["F1", "F2"], c.Inspection.Findings.Select(f => f.Id));
        Assert.Equal(("q1.partnership.working", "inconsistent"), (c.Inspection.Findings[1].IndicatorId, c.Inspection.Findings[1].Judgement));
        Assert.Equal(("q1-good", "mini"), (c.Inspection.Id, c.Inspection.Framework));
        Assert.Equal([("Q1", "good")], c.Expect.Grades.Select(g => (g.Subject, g.GradeId)));
        Assert.Equal([("Q1.priority", "Q1")], c.Expect.Met.Select(m => (m.CriterionId, m.QuestionId)));
        Assert.Equal(["Q1.partnership"], c.Expect.NotMet.Select(m => m.CriterionId));
    }

    [Fact]
    public void Load_GradesInAnyOrder_KeepsRulebookOrderWithOverallLast()
    {
        // Arrange
        using var temp = new TempFolder();
        var text = Replace(Template, "        Q1: good", "        overall: requires-improvement\n        Q2: requires-improvement\n        Q1: good");

        // Act
        var report = RuleTestKit.Run(RuleTestKit.Write(temp, ("cases.yaml", text)));

        // Assert
        Assert.Equal(["Q1", "Q2", "overall"], report.Suite.Cases[0].Expect.Grades.Select(g => g.Subject));
    }

    [Fact]
    public void Load_SeveralFiles_ReadsThemInNameOrder()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("b.yaml", Replace(Template, "q1-good", "from-b")), ("a.yml", Replace(Template, "q1-good", "from-a")));

        // Act
        var report = RuleTestKit.Run(rules);

        // Assert
        Assert.Equal(["from-a", "from-b"], report.Suite.Cases.Select(c => c.Name));
        Assert.Equal(["a.yml", "b.yaml"], report.Suite.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void Load_FindingsByPath_ReadsTheFindingsFileRelativeToTheTestFile()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("cases.yaml", """
            cases:
              - name: by-path
                description: The mini findings file.
                findings: ../../findings.yaml
                expect:
                  grades: {Q1: good, Q2: good, overall: good}
            """));
        temp.Write("findings.yaml", MiniRulebook.FindingsYaml);

        // Act
        var report = RuleTestKit.Run(rules, findingsRoot: temp.Path);

        // Assert
        var c = Assert.Single(report.Suite.Cases);
        Assert.Equal("mini-1", c.Inspection.Id);
        Assert.Equal(["F1", "F2", "F3"], c.Inspection.Findings.Select(f => f.Id));
        Assert.Equal(Path.GetFullPath(Path.Combine(temp.Path, "findings.yaml")), Path.GetFullPath(c.Inspection.Path));
        Assert.True(report.AllPassed);
    }

    [Fact]
    public void Load_UnknownCaseKey_ReportsGE200WithSuggestion()
    {
        var text = Replace(Template, "    description:", "    descripton:");

        var (errors, _) = Fail(text);

        var unknown = TestKit.SingleError(errors, DiagnosticCodes.UnknownKey);
        Assert.Equal(TestKit.Locate(text, "descripton"), TestKit.At(unknown));
        Assert.Contains("did you mean `description`", unknown.Help, StringComparison.Ordinal);
        // The misspelt key also leaves the required one missing.
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.MissingKey && e.Message.Contains("description", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownExpectKey_ReportsGE200WithSuggestion()
    {
        var text = Replace(Template, "      met: [Q1.priority]", "      met: [Q1.priority]\n      notmet: [Q1.partnership]");

        var error = AssertErrorAt(text, DiagnosticCodes.UnknownKey, "notmet");

        Assert.Contains("did you mean `notMet`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_ReportsGE200()
    {
        var text = "case:\n" + Template["cases:\n".Length..];

        var error = AssertErrorAt(text, DiagnosticCodes.UnknownKey, "case:");

        Assert.Contains("did you mean `cases`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingExpect_ReportsGE201AtTheCase()
    {
        var text = Template[..Template.IndexOf("    expect:", StringComparison.Ordinal)];

        var error = AssertErrorAt(text, DiagnosticCodes.MissingKey, "name:");

        Assert.Contains("`expect`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFindings_ReportsGE201AtTheCase()
    {
        var start = Template.IndexOf("    findings:", StringComparison.Ordinal);
        var text = Template[..start] + Template[Template.IndexOf("    expect:", StringComparison.Ordinal)..];

        var error = AssertErrorAt(text, DiagnosticCodes.MissingKey, "name:");

        Assert.Contains("`findings`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpectWithoutExpectations_ReportsGE201AtExpect()
    {
        var text = Template[..Template.IndexOf("    expect:", StringComparison.Ordinal)] + "    expect: {}\n";

        var error = AssertErrorAt(text, DiagnosticCodes.MissingKey, "{}");

        Assert.Contains("at least one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpectWithOnlyEmptyLists_ReportsGE205AtExpect()
    {
        var text = Template[..Template.IndexOf("    expect:", StringComparison.Ordinal)] + "    expect:\n      grades: {}\n      met: []\n";

        var error = AssertErrorAt(text, DiagnosticCodes.EmptyList, "grades: {}");

        Assert.Contains("no expectations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenFindingsFileNamedByTwoCases_ReportedOnce()
    {
        // Arrange
        using var temp = new TempFolder();
        var findings = MiniRulebook.FindingsYaml.Replace("indicator: q2.investigation.quality", "indicator: q2.investigation.qualty", StringComparison.Ordinal);
        temp.Write("findings.yaml", findings);
        const string Case = """
              - name: NAME
                description: The mini findings file, with a typo.
                findings: ../../findings.yaml
                expect:
                  grades: {Q1: good}
            """;
        var rules = RuleTestKit.Write(temp, ("cases.yaml", "cases:\n" + Case.Replace("NAME", "first", StringComparison.Ordinal) + "\n" + Case.Replace("NAME", "second", StringComparison.Ordinal) + "\n"));

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules, findingsRoot: temp.Path), DiagnosticCodes.UnknownIndicator);

        // Assert
        Assert.EndsWith("findings.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Equal(TestKit.Locate(findings, "q2.investigation.qualty"), TestKit.At(error));
    }

    [Fact]
    public void Load_DuplicateCaseNameInAnotherFile_ReportsGE203AtTheSecond()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("a.yaml", Template), ("b.yaml", Template));

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.DuplicateId);

        // Assert
        Assert.Equal(Path.Combine(rules, "tests", "b.yaml"), error.Span.Path);
        Assert.Equal(TestKit.Locate(Template, "q1-good"), TestKit.At(error));
        Assert.Contains("a.yaml:2:11", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidCaseName_ReportsGE204()
    {
        var text = Replace(Template, "name: q1-good", "name: q1 good");

        AssertErrorAt(text, DiagnosticCodes.InvalidId, "q1 good");
    }

    [Fact]
    public void Load_UnknownQuestionInGrades_ReportsGE300WithSuggestion()
    {
        var text = Replace(Template, "        Q1: good", "        Q1: good\n        Q3: good");

        AssertErrorAt(text, DiagnosticCodes.UnknownQuestion, "Q3");
    }

    [Fact]
    public void Load_UnknownGrade_ReportsGE303WithSuggestion()
    {
        var text = Replace(Template, "Q1: good", "Q1: goood");

        var error = AssertErrorAt(text, DiagnosticCodes.UnknownGrade, "goood");

        Assert.Contains("did you mean `good`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCriterionInMet_ReportsGE311WithSuggestion()
    {
        var text = Replace(Template, "met: [Q1.priority]", "met: [Q1.priority, Q1.partnrship]");

        var error = AssertErrorAt(text, DiagnosticCodes.UnknownCriterion, "Q1.partnrship");

        Assert.Contains("did you mean `Q1.partnership`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCriterionInNotMet_ReportsGE311()
    {
        var text = Replace(Template, "      met: [Q1.priority]", "      met: [Q1.priority]\n      notMet:\n        - Q9.nothing");

        AssertErrorAt(text, DiagnosticCodes.UnknownCriterion, "Q9.nothing");
    }

    [Fact]
    public void Load_CriterionBothMetAndNotMet_ReportsGE206AtTheSecond()
    {
        var text = Replace(Template, "      met: [Q1.priority]", "      met: [Q1.priority]\n      notMet: [Q1.priority]");

        var error = AssertErrorAt(text, DiagnosticCodes.InvalidValue, "Q1.priority", occurrence: 2);

        Assert.Contains("both met and not met", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CriterionTwiceInMet_ReportsGE203()
    {
        var text = Replace(Template, "met: [Q1.priority]", "met: [Q1.priority, Q1.priority]");

        AssertErrorAt(text, DiagnosticCodes.DuplicateId, "Q1.priority", occurrence: 2);
    }

    [Fact]
    public void Load_MetNotAList_ReportsGE202()
    {
        var text = Replace(Template, "met: [Q1.priority]", "met: {Q1.priority: yes}");

        AssertErrorAt(text, DiagnosticCodes.WrongType, "{Q1.priority");
    }

    [Fact]
    public void Load_InlineFindingWithUnknownIndicator_ReportsGE302InTheTestFile()
    {
        var text = Replace(Template, "indicator: q1.prevention.priority,", "indicator: q1.prevention.priorty,");

        var error = AssertErrorAt(text, DiagnosticCodes.UnknownIndicator, "q1.prevention.priorty");

        Assert.Contains("did you mean `q1.prevention.priority`", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InlineFindingOffTheScale_ReportsGE305()
    {
        var text = Replace(Template, "judgement: inconsistent", "judgement: inconsistant");

        AssertErrorAt(text, DiagnosticCodes.UnknownLevel, "inconsistant");
    }

    [Fact]
    public void Load_InlineDuplicateFindingId_ReportsGE203()
    {
        var text = Replace(Template, "{id: F2,", "{id: F1,");

        AssertErrorAt(text, DiagnosticCodes.DuplicateId, "F1", occurrence: 2);
    }

    [Fact]
    public void Load_FindingsAsMapping_ReportsGE202()
    {
        var start = Template.IndexOf("    findings:", StringComparison.Ordinal);
        var text = Template[..start] + "    findings: {id: F1}\n" + Template[Template.IndexOf("    expect:", StringComparison.Ordinal)..];

        AssertErrorAt(text, DiagnosticCodes.WrongType, "{id: F1}");
    }

    [Fact]
    public void Load_FindingsPathNotFound_ReportsGE100AtThePath()
    {
        var start = Template.IndexOf("    findings:", StringComparison.Ordinal);
        var text = Template[..start] + "    findings: missing/findings.yaml\n" + Template[Template.IndexOf("    expect:", StringComparison.Ordinal)..];

        var error = AssertErrorAt(text, DiagnosticCodes.FileNotFound, "missing/findings.yaml");

        Assert.Contains("relative to the test file", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FindingsFileOfAnotherFramework_ReportsGE306InThatFile()
    {
        // Arrange
        using var temp = new TempFolder();
        var findings = MiniRulebook.FindingsYaml.Replace("framework: mini", "framework: other", StringComparison.Ordinal);
        temp.Write("other.yaml", findings);
        var rules = RuleTestKit.Write(temp, ("cases.yaml", """
            cases:
              - name: by-path
                description: A findings file for another framework.
                findings: ../../other.yaml
                expect:
                  grades: {Q1: good}
            """));

        // Act
        var errors = RuleTestKit.Errors(rules, findingsRoot: temp.Path);

        // Assert
        var error = TestKit.SingleError(errors, DiagnosticCodes.FrameworkMismatch);
        Assert.EndsWith("other.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Equal(TestKit.Locate(findings, "other"), TestKit.At(error));
    }

    [Fact]
    public void Load_EmptyCases_ReportsGE205()
    {
        AssertErrorAt("cases: []\n", DiagnosticCodes.EmptyList, "[]");
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsGE103()
    {
        var (errors, path) = Fail("cases:\n  - name: [unclosed\n");

        var error = TestKit.SingleError(errors, DiagnosticCodes.YamlSyntax);
        Assert.Equal(path, error.Span.Path);
    }

    [Fact]
    public void Load_NoTestsFolder_ReportsGE100()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = new MiniRulebook().WriteTo(temp);

        // Act
        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.FileNotFound);

        // Assert
        Assert.Equal(Path.Combine(rules, RuleTestLoader.TestsFolder), error.Span.Path);
        Assert.Contains("tests folder not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TestsFolderWithoutYaml_ReportsGE100()
    {
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp, ("notes.txt", "not a test file"));

        var error = TestKit.SingleError(RuleTestKit.Errors(rules), DiagnosticCodes.FileNotFound);

        Assert.Contains("no `.yaml` files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EveryProblemOfEveryFile_ReportedTogether()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = RuleTestKit.Write(temp,
            ("a.yaml", Replace(Template, "Q1: good", "Q1: goood")),
            ("b.yaml", Replace(Replace(Template, "q1-good", "other"), "met: [Q1.priority]", "met: [Q1.nothing]")));

        // Act
        var errors = RuleTestKit.Errors(rules);

        // Assert
        Assert.Equal([DiagnosticCodes.UnknownGrade, DiagnosticCodes.UnknownCriterion], errors.Select(e => e.Code));
    }

    [Fact]
    public void Load_InvalidRulebook_ReportsTheRulebookProblemsAndNotTheTests()
    {
        // Arrange
        using var temp = new TempFolder();
        var mini = new MiniRulebook().With(TestKit.CriteriaFile, MiniRulebook.CriteriaYaml.Replace("weight: 2", "wieght: 2", StringComparison.Ordinal));
        var rules = RuleTestKit.Write(temp, mini, ("cases.yaml", Replace(Template, "Q1: good", "Q1: goood")));

        // Act
        var errors = RuleTestKit.Errors(rules);

        // Assert
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UnknownKey && e.Span.Path.EndsWith("criteria.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Code == DiagnosticCodes.UnknownGrade);
    }
}
