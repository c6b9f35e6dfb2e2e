using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

public class RulebookLoaderTests
{
    private static (Rulebook? Rulebook, IReadOnlyList<Diagnostic> Diagnostics) Load(string folder, LoadLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var rulebook = RulebookLoader.Load(folder, limits ?? LoadLimits.Default, bag);
        return (rulebook, bag.ToSortedList());
    }

    private static (Rulebook? Rulebook, IReadOnlyList<Diagnostic> Diagnostics, string Folder) Load(MiniRulebook mini)
    {
        using var temp = new TempFolder();
        var folder = mini.WriteTo(temp);
        var (rulebook, diagnostics) = Load(folder);
        return (rulebook, diagnostics, folder);
    }

    private const string GoodCriterion = """
        - id: Q1.extra
          question: Q1
          area: prevention
          title: Extra
          rationale: Extra
          when: any(f => f.indicator == "q1.prevention.priority" and f.judgement == effective)
          effect: strength
          weight: 2
          message: "Extra {judgement}"
        """;

    [Fact]
    public void Load_MiniRulebook_ReadsEveryPart()
    {
        // Act
        var (rulebook, diagnostics, _) = Load(new MiniRulebook());

        // Assert
        Assert.Empty(diagnostics);
        Assert.NotNull(rulebook);
        Assert.Equal("mini", rulebook.Id);
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], rulebook.Scale.Grades.Select(g => g.Id));
        Assert.Equal([0, 1, 2, 3], rulebook.Scale.Grades.Select(g => g.Rank));
        Assert.Equal(["Q1", "Q2"], rulebook.Questions.Select(q => q.Id));
        Assert.Equal(9, rulebook.Criteria.Count);
        Assert.Equal(4, rulebook.QuestionGrading.DefaultThresholds.Rules.Count);
        Assert.True(rulebook.QuestionGrading.DefaultThresholds.Rules[^1].IsFallback);
        Assert.Equal(4, rulebook.Rollup!.Table.Rules.Count);
        Assert.Equal(["codebook.yaml", "criteria/criteria.yaml", "rollup.yaml", "rulebook.yaml", "thresholds.yaml"],
            rulebook.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Load_CriterionWithoutWeight_DefaultsToOne()
    {
        // Act
        var (rulebook, _, _) = Load(new MiniRulebook());

        // Assert
        Assert.Equal(1, rulebook!.Criteria.Single(c => c.Id == "Q1.partnership").Weight);
        Assert.Equal(2, rulebook.Criteria.Single(c => c.Id == "Q1.priority").Weight);
    }

    [Fact]
    public void Load_MisspelledKey_ReportsGE200WithSuggestion()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", "  wieght: 2"));

        // Act
        var (_, diagnostics, folder) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Equal(Path.Combine(folder, TestKit.CriteriaFile), error.Span.Path);
        Assert.Equal(TestKit.Locate(criteria, "wieght"), TestKit.At(error));
        Assert.Equal("unknown key `wieght` in criterion", error.Message);
        Assert.Equal("did you mean `weight`?", error.Help);
    }

    [Fact]
    public void Load_UnknownKeyWithNoCloseMatch_ListsTheKnownKeys()
    {
        // Arrange
        var rulebookYaml = MiniRulebook.RulebookYaml + "\nlicence: MIT\n";

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("rulebook.yaml", rulebookYaml));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Contains("`id`", error.Help);
        Assert.Contains("`questions`", error.Help);
    }

    [Fact]
    public void Load_MissingRequiredKey_ReportsGE201AtTheItem()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  title: Extra\n", ""));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Equal("missing required key `title` in criterion", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "id: Q1.extra"), TestKit.At(error));
    }

    [Fact]
    public void Load_RequiredKeyWithoutValue_ReportsGE201AtTheKey()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  title: Extra\n", "  title:\n"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("has no value", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "title:\n"), TestKit.At(error));
    }

    [Fact]
    public void Load_ListWhereScalarExpected_ReportsGE202()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  title: Extra\n", "  title: [Extra, More]\n"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, error.Code);
        Assert.Equal("expected `title` to be a single value, found a list", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "[Extra, More]"), TestKit.At(error));
    }

    [Fact]
    public void Load_WeightNotANumber_ReportsGE202AtTheValue()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", "  weight: heavy"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, error.Code);
        Assert.Contains("whole number", error.Message);
        Assert.Contains("`heavy`", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "heavy"), TestKit.At(error));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    public void Load_WeightQuotedOrFractional_ReportsGE202(string weight)
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", "  weight: " + weight));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Load_MappingWhereListExpected_ReportsGE202()
    {
        // Arrange
        var codebook = MiniRulebook.CodebookYaml.Replace("levels: [effective, mostly-effective, inconsistent, ineffective]", "levels: {a: b}");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("codebook.yaml", codebook));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, error.Code);
        Assert.Equal("expected `levels` to be a list, found a mapping", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-3")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999999999999")]
    public void Load_WeightOutOfRange_ReportsGE206NamingTheLimit(string weight)
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", $"  weight: {weight}"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal($"`weight` must be between 1 and 100, found {weight}", error.Message);
        Assert.Equal(TestKit.Locate(criteria, $"weight: {weight}").Line, error.Span.Line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Load_WeightAtRangeEnds_IsAccepted(int weight)
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", $"  weight: {weight}"));

        // Act
        var (rulebook, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        Assert.Empty(diagnostics);
        Assert.Equal(weight, rulebook!.Criteria.Single(c => c.Id == "Q1.extra").Weight);
    }

    [Fact]
    public void Load_UnknownEffect_ReportsGE206WithSuggestion()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("effect: strength", "effect: strenght"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal("unknown effect `strenght`", error.Message);
        Assert.Equal("did you mean `strength`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "strenght"), TestKit.At(error));
    }

    [Fact]
    public void Load_UnknownEffectFarFromAny_ListsEffects()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("effect: strength", "effect: bonus"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("`area-for-improvement`", error.Help);
        Assert.Contains("`notable-practice`", error.Help);
    }

    [Fact]
    public void Load_GradeRuleWithWhenAndOtherwise_ReportsGE206AtOtherwise()
    {
        // Arrange
        var thresholds = MiniRulebook.ThresholdsYaml.Replace("    otherwise: true", "    when: strengths.count >= 0\n    otherwise: true");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("thresholds.yaml", thresholds));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("not both", error.Message);
        Assert.Equal(TestKit.Locate(thresholds, "otherwise: true"), (error.Span.Line, error.Span.Column - "otherwise: ".Length));
    }

    [Fact]
    public void Load_GradeRuleWithNeitherWhenNorOtherwise_ReportsGE201()
    {
        // Arrange
        var thresholds = MiniRulebook.ThresholdsYaml.Replace("    otherwise: true", "    because: nothing");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("thresholds.yaml", thresholds));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("`otherwise: true`", error.Message);
    }

    [Fact]
    public void Load_OtherwiseFalse_ReportsGE206()
    {
        // Arrange
        var rollup = MiniRulebook.RollupYaml.Replace("otherwise: true", "otherwise: false");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("rollup.yaml", rollup));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("can only be `true`", error.Message);
    }

    [Fact]
    public void Load_WhenAndOtherwiseInCriterion_ReportsOtherwiseAsUnknownKey()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  effect: strength", "  otherwise: true\n  effect: strength"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Contains("`otherwise`", error.Message);
    }

    [Fact]
    public void Load_MissingRulebookFolder_ReportsGE100()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "no-such-rules");

        // Act
        var (rulebook, diagnostics) = Load(folder);

        // Assert
        Assert.Null(rulebook);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, error.Code);
        Assert.Equal(folder, error.Span.Path);
        Assert.Equal("rulebook folder not found", error.Message);
    }

    [Fact]
    public void Load_FileGivenForRulebookFolder_ReportsGE100WithHelp()
    {
        // Arrange
        using var temp = new TempFolder();
        var file = temp.Write("rulebook.yaml", MiniRulebook.RulebookYaml);

        // Act
        var (_, diagnostics) = Load(file);

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, error.Code);
        Assert.Contains("folder", error.Help);
    }

    [Fact]
    public void Load_MissingCriteriaFolder_ReportsGE100()
    {
        // Act
        var (_, diagnostics, folder) = Load(new MiniRulebook().Without(TestKit.CriteriaFile));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, error.Code);
        Assert.Equal(Path.Combine(folder, "criteria"), error.Span.Path);
        Assert.Equal("criteria folder not found", error.Message);
    }

    [Fact]
    public void Load_MissingCodebook_ReportsGE100AndKeepsReadingOtherFiles()
    {
        // Arrange: the codebook is gone and the criteria file has its own problem.
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("  weight: 2", "  weight: 0"));

        // Act
        var (_, diagnostics, folder) = Load(new MiniRulebook().Without("codebook.yaml").With(TestKit.CriteriaFile, criteria));

        // Assert
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.FileNotFound && d.Span.Path == Path.Combine(folder, "codebook.yaml"));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.InvalidValue);
    }

    [Fact]
    public void Load_ThreeErrorsInOneCriteriaFile_ReportsAllSortedByLine()
    {
        // Arrange: an unknown key, a bad weight and an unknown effect, in three criteria.
        var criteria = TestKit.CriteriaWith(
            GoodCriterion.Replace("Q1.extra", "Q1.a").Replace("  title: Extra", "  titel: Extra"),
            GoodCriterion.Replace("Q1.extra", "Q1.b").Replace("  weight: 2", "  weight: 500"),
            GoodCriterion.Replace("Q1.extra", "Q1.c").Replace("effect: strength", "effect: weakness"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert: the missing title of Q1.a is reported too.
        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(
            [DiagnosticCodes.MissingKey, DiagnosticCodes.UnknownKey, DiagnosticCodes.InvalidValue, DiagnosticCodes.InvalidValue],
            errors.Select(d => d.Code));
        Assert.Equal(errors.Select(d => d.Span.Line).Order(), errors.Select(d => d.Span.Line));
        Assert.Equal(TestKit.Locate(criteria, "titel"), TestKit.At(errors[1]));
        Assert.Equal(TestKit.Locate(criteria, "500"), TestKit.At(errors[2]));
        Assert.Equal(TestKit.Locate(criteria, "weakness"), TestKit.At(errors[3]));
    }

    [Fact]
    public void Load_ThreeDistinctErrors_GiveThreeDiagnostics()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(
            GoodCriterion.Replace("Q1.extra", "Q1.a").Replace("  weight: 2", "  wieght: 2"),
            GoodCriterion.Replace("Q1.extra", "Q1.b").Replace("  weight: 2", "  weight: heavy"),
            GoodCriterion.Replace("Q1.extra", "Q1.c").Replace("effect: strength", "effect: strenght"));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        Assert.Equal([DiagnosticCodes.UnknownKey, DiagnosticCodes.WrongType, DiagnosticCodes.InvalidValue], diagnostics.Select(d => d.Code));
        Assert.True(diagnostics[0].Span.Line < diagnostics[1].Span.Line && diagnostics[1].Span.Line < diagnostics[2].Span.Line);
    }

    [Fact]
    public void Load_InvalidId_ReportsGE204()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(GoodCriterion.Replace("id: Q1.extra", "id: \"Q1 extra\""));

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidId, error.Code);
        Assert.Contains("`Q1 extra`", error.Message);
    }

    [Fact]
    public void Load_ScaleWithOneGrade_ReportsGE205()
    {
        // Arrange
        var rulebookYaml = """
            id: mini
            version: "1"
            title: Mini
            scale:
              - id: only
                name: Only
            questions:
              - id: Q1
                title: Q1
                areas:
                  - id: prevention
                    title: Prevention
                  - id: partnership
                    title: Partnership
              - id: Q2
                title: Q2
                areas:
                  - id: investigation
                    title: Investigation
            """;

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("rulebook.yaml", rulebookYaml));

        // Assert
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.EmptyList);
        Assert.Contains("two grades", error.Message);
    }

    [Fact]
    public void Load_UnknownIndicatorType_ReportsGE206WithSuggestion()
    {
        // Arrange
        var codebook = MiniRulebook.CodebookYaml.Replace("type: yes-no", "type: yesno");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("codebook.yaml", codebook));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal("did you mean `yes-no`?", error.Help);
    }

    [Fact]
    public void Load_JudgementIndicatorWithUnknownScale_ReportsGE304()
    {
        // Arrange
        var codebook = MiniRulebook.CodebookYaml.Replace("    scale: effectiveness\n  - id: q1.partnership.working", "    scale: efectiveness\n  - id: q1.partnership.working");

        // Act
        var (_, diagnostics, _) = Load(new MiniRulebook().With("codebook.yaml", codebook));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownScale, error.Code);
        Assert.Equal("did you mean `effectiveness`?", error.Help);
    }

    [Fact]
    public void Load_CriteriaFiles_AreReadInNameOrderIncludingYml()
    {
        // Arrange
        var second = "criteria:\n" + TestKit.Indent(GoodCriterion.Replace("Q1.extra", "Q1.z"), 2) + "\n";
        var first = "criteria:\n" + TestKit.Indent(GoodCriterion.Replace("Q1.extra", "Q1.a"), 2) + "\n";
        var mini = new MiniRulebook()
            .With("criteria/b.yml", second)
            .With("criteria/a-first.yaml", first)
            .With("criteria/notes.txt", "not yaml: [");

        // Act
        var (rulebook, diagnostics, _) = Load(mini);

        // Assert
        Assert.Empty(diagnostics);
        Assert.Equal(["Q1.a", "Q1.z", "Q1.priority"], rulebook!.Criteria.Select(c => c.Id).Take(3));
        Assert.Contains("criteria/b.yml", rulebook.Files.Select(f => f.RelativePath));
        Assert.DoesNotContain("criteria/notes.txt", rulebook.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Load_TooManyCriteriaFiles_ReportsGE101()
    {
        // Arrange
        var mini = new MiniRulebook().With("criteria/extra.yaml", "criteria:\n" + TestKit.Indent(GoodCriterion, 2) + "\n");

        // Act
        using var temp = new TempFolder();
        var (_, diagnostics) = Load(mini.WriteTo(temp), new LoadLimits(MaxRulebookFiles: 1));

        // Assert
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
    }

    public static TheoryData<string, string?> BrokenFiles()
    {
        var data = new TheoryData<string, string?>();
        foreach (var file in new[] { "rulebook.yaml", "codebook.yaml", TestKit.CriteriaFile, "thresholds.yaml", "rollup.yaml" })
        {
            foreach (var content in new string?[] { null, "", "just text", "[]", "{}", "- a\n- b\n", "~\n" })
            {
                // Without rollup.yaml a rulebook grades its questions only (RulebookLoaderTests.Load_WithoutRollup_HasNoOverall).
                if (file == "rollup.yaml" && content is null) continue;
                data.Add(file, content);
            }
        }
        return data;
    }

    [Fact]
    public void Load_WithoutRollup_HasNoOverall()
    {
        // Arrange
        using var temp = new TempFolder();
        var folder = new MiniRulebook().Without("rollup.yaml").WriteTo(temp);

        // Act
        var result = GradingPipeline.CheckRulebook(folder);

        // Assert: it checks, with no roll-up to analyse.
        Assert.True(result.Succeeded, TestKit.Render(result.Diagnostics));
        Assert.Null(result.Value!.Rulebook.Rollup);
        Assert.DoesNotContain(result.Value.Analyses, a => a.Subject == "overall");
    }

    [Fact]
    public void Load_RollupThatIsAFolder_IsAnErrorNotAnAbsentRollup()
    {
        // Arrange: something at rollup.yaml that is not a file.
        using var temp = new TempFolder();
        var folder = new MiniRulebook().Without("rollup.yaml").WriteTo(temp);
        Directory.CreateDirectory(Path.Combine(folder, "rollup.yaml"));

        // Act
        var result = GradingPipeline.CheckRulebook(folder);

        // Assert: refused, rather than read as a rulebook with no overall.
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.NotRegularFile && d.Span.Path.EndsWith("rollup.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void CheckRulebook_MissingOrMalformedFile_ReportsErrorsWithoutThrowing(string file, string? content)
    {
        // Arrange
        var mini = content is null ? new MiniRulebook().Without(file) : new MiniRulebook().With(file, content);
        using var temp = new TempFolder();
        var folder = mini.WriteTo(temp);

        // Act
        var result = GradingPipeline.CheckRulebook(folder);

        // Assert
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1));
    }

    [Fact]
    public void Load_SameContentInTwoFolders_HasTheSameContentHash()
    {
        // Act
        var (first, _, _) = Load(new MiniRulebook());
        var (second, _, _) = Load(new MiniRulebook());

        // Assert
        Assert.Matches("^[0-9a-f]{64}$", first!.ContentHash);
        Assert.Equal(first.ContentHash, second!.ContentHash);
        Assert.NotEqual(first.Directory, second.Directory);
    }

    [Theory]
    [InlineData("rollup.yaml")]
    [InlineData("criteria/criteria.yaml")]
    [InlineData("codebook.yaml")]
    public void Load_OneFileChanged_ChangesTheContentHash(string file)
    {
        // Arrange
        var original = new MiniRulebook();
        var text = file switch
        {
            "rollup.yaml" => MiniRulebook.RollupYaml,
            "codebook.yaml" => MiniRulebook.CodebookYaml,
            _ => MiniRulebook.CriteriaYaml,
        };
        var changed = new MiniRulebook().With(file, text + "\n# a comment changes the bytes\n");

        // Act
        var (before, _, _) = Load(original);
        var (after, _, _) = Load(changed);

        // Assert
        Assert.NotEqual(before!.ContentHash, after!.ContentHash);
        var changedFiles = before.Files.Zip(after.Files).Where(p => p.First.Sha256 != p.Second.Sha256).Select(p => p.First.RelativePath);
        Assert.Equal([file], changedFiles);
    }

    [Fact]
    public void Load_ExtraCriteriaFile_ChangesTheContentHash()
    {
        // Arrange
        var extra = new MiniRulebook().With("criteria/zz.yaml", "criteria:\n" + TestKit.Indent(GoodCriterion, 2) + "\n");

        // Act
        var (before, _, _) = Load(new MiniRulebook());
        var (after, _, _) = Load(extra);

        // Assert
        Assert.NotEqual(before!.ContentHash, after!.ContentHash);
    }
}
