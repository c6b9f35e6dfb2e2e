using GradingEngine.Check.Binding;
using GradingEngine.Diagnostics;
using GradingEngine.Tests.Load;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Check;

public class ConditionBinderTests
{
    /// <summary>Checks the mini rulebook with one extra Q1 criterion whose condition is <paramref name="when"/>.</summary>
    private static (TestKit.Checked Result, string Criteria) CheckQ1(string when, string message = "Met", string question = "Q1", string area = "prevention")
    {
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("X.extra", question, area, when, message: message));
        return (TestKit.Check(new MiniRulebook().With(TestKit.CriteriaFile, criteria)), criteria);
    }

    private static (TestKit.Checked Result, string Text) CheckThresholds(string thresholds) =>
        (TestKit.Check(new MiniRulebook().With("thresholds.yaml", thresholds)), thresholds);

    private static (TestKit.Checked Result, string Text) CheckRollup(string rollup) =>
        (TestKit.Check(new MiniRulebook().With("rollup.yaml", rollup)), rollup);

    private static string ThresholdsWithGood(string goodWhen) => MiniRulebook.ThresholdsYaml.Replace(
        "causes-of-concern.count == 0 and areas-for-improvement.weight <= 2 and strengths.count >= 1", goodWhen);

    [Fact]
    public void Check_ValidExtraCriterion_Succeeds()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement worse than mostly-effective)");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        var criterion = result.Result.Value!.Criteria.Single(c => c.Criterion.Id == "X.extra");
        Assert.Equal(TypeKind.Bool, criterion.Condition.Type.Kind);
        Assert.Equal(["q1.prevention.priority"], criterion.ReadIndicators);
    }

    [Fact]
    public void Check_JudgementComparedWithNumber_ReportsGE401WithHelpAboutWorseThan()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement > 2)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Contains("`>` needs numbers", error.Message);
        Assert.Contains("judgement on scale `effectiveness`", error.Message);
        Assert.Contains("`worse than`", error.Help);
        Assert.Equal(result.PathOf(TestKit.CriteriaFile), error.Span.Path);
        Assert.Equal(TestKit.Locate(criteria, "> 2)"), TestKit.At(error));
    }

    [Fact]
    public void Check_NumberComparedWithWorseThan_ReportsGE401WithHelpAboutLessThan()
    {
        // Act
        var (result, _) = CheckQ1("max(f => f.indicator == \"q1.prevention.crime-change\", f => f.value) worse than 3");

        // Assert
        var error = TestKit.SingleError(result, DiagnosticCodes.ConditionType);
        Assert.Contains("`worse than` needs two judgements", error.Message);
        Assert.Contains("`<`", error.Help);
    }

    [Fact]
    public void Check_CountUsedAsCondition_ReportsGE401AtTheCondition()
    {
        // Act
        var (result, criteria) = CheckQ1("count(f => f.indicator == \"q1.prevention.priority\")");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Equal("a condition must be yes/no, but this is a number", error.Message);
        Assert.Contains(">= 2", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "count(f => f.indicator == \"q1.prevention.priority\")\n"), TestKit.At(error));
    }

    [Fact]
    public void Check_AndOnANumber_ReportsGE401AtTheAnd()
    {
        // Act
        var (result, criteria) = CheckQ1("count(f => f.indicator == \"q1.prevention.priority\") and true");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Equal("`and` needs yes/no values on both sides, found a number", error.Message);
        Assert.Equal(TestKit.Locate(criteria, "and true"), TestKit.At(error));
    }

    [Fact]
    public void Check_NotOnANumber_ReportsGE401()
    {
        // Act
        var (result, _) = CheckQ1("not count(f => true)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Contains("`not` needs a yes/no value", error.Message);
    }

    [Fact]
    public void Check_UnknownFunction_SuggestsTheClosest()
    {
        // Act
        var (result, criteria) = CheckQ1("cout(f => f.indicator == \"q1.prevention.priority\") >= 1");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("unknown function `cout`", error.Message);
        Assert.Equal("did you mean `count`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "cout("), TestKit.At(error));
    }

    [Fact]
    public void Check_UnknownField_SuggestsJudgement()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgment == effective)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("a finding has no field `judgment`", error.Message);
        Assert.Equal("did you mean `judgement`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "judgment"), TestKit.At(error));
    }

    [Fact]
    public void Check_UnknownLevel_ReportsGE305WithSuggestion()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement no worse than mostly-efective)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownLevel, error.Code);
        Assert.Contains("`mostly-efective` is not a level", error.Message);
        Assert.Equal("did you mean `mostly-effective`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "mostly-efective"), TestKit.At(error));
    }

    [Fact]
    public void Check_LevelOnTheLeft_TakesTheScaleOfTheRight()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and effective == f.judgement)");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
    }

    [Fact]
    public void Check_QuotedLevel_IsAccepted()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" and f.judgement == \"effective\")");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
    }

    [Fact]
    public void Check_IndicatorOfAnotherQuestion_ReportsGE302NamingTheQuestion()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.indicator == \"q2.investigation.quality\")");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownIndicator, error.Code);
        Assert.Equal("indicator `q2.investigation.quality` belongs to question `Q2`, not `Q1`", error.Message);
        var condition = TestKit.Locate(criteria, "any(f => f.indicator == \"q2.investigation.quality\")");
        Assert.Equal((condition.Line, condition.Column + "any(f => f.indicator == ".Length), TestKit.At(error));
    }

    [Fact]
    public void Check_UnknownIndicatorLiteral_ReportsGE302WithSuggestion()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.workng\"])");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownIndicator, error.Code);
        Assert.Equal("did you mean `q1.partnership.working`?", error.Help);
    }

    [Fact]
    public void Check_UnknownAreaLiteral_ReportsGE301WithSuggestion()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.area == \"preventon\")");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownArea, error.Code);
        Assert.Equal("question `Q1` has no area `preventon`", error.Message);
        Assert.Equal("did you mean `prevention`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "\"preventon\""), TestKit.At(error));
    }

    [Fact]
    public void Check_JudgementWithoutNarrowing_WhenQuestionMixesTypes_ReportsGE403()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.judgement == effective)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.AmbiguousField, error.Code);
        Assert.Contains("not defined for indicators without a judgement scale", error.Message);
        Assert.Contains("`q1.prevention.crime-change`", error.Message);
        Assert.Contains("`q1.partnership.database`", error.Message);
        Assert.StartsWith("narrow the finding first", error.Help);
        var condition = TestKit.Locate(criteria, "any(f => f.judgement == effective)");
        Assert.Equal((condition.Line, condition.Column + "any(f => f.".Length), TestKit.At(error));
    }

    [Fact]
    public void Check_ValueOverNumberAndYesNoIndicators_ReportsGE403()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator in [\"q1.prevention.crime-change\", \"q1.partnership.database\"] and f.value > 1)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.AmbiguousField, error.Code);
        Assert.Contains("different type depending on the indicator", error.Message);
    }

    [Fact]
    public void Check_NarrowingByIndicatorList_WithSameScale_Binds()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator in [\"q1.prevention.priority\", \"q1.partnership.working\"] and f.judgement == effective)");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
    }

    [Fact]
    public void Check_NarrowingByTestAfterTheFieldUse_StillNarrows()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.judgement == effective and f.indicator == \"q1.prevention.priority\")");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
    }

    [Fact]
    public void Check_NarrowingUnderOr_DoesNotNarrow()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\" or f.judgement == effective)");

        // Assert
        Assert.Equal(DiagnosticCodes.AmbiguousField, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_NarrowingByArea_SelectsTheAreasIndicators()
    {
        // Arrange: move the number indicator to `partnership`, so `prevention` holds judgements only.
        var codebook = MiniRulebook.CodebookYaml.Replace(
            "  - id: q1.prevention.crime-change\n    question: Q1\n    area: prevention",
            "  - id: q1.prevention.crime-change\n    question: Q1\n    area: partnership");
        Assert.NotEqual(MiniRulebook.CodebookYaml, codebook);
        var criteria = TestKit.CriteriaWith(
            TestKit.Criterion("X.ok", "Q1", "prevention", "any(f => f.area == \"prevention\" and f.judgement == ineffective)"),
            TestKit.Criterion("X.mixed", "Q1", "partnership", "any(f => f.area == \"partnership\" and f.judgement == ineffective)"));

        // Act
        var result = TestKit.Check(new MiniRulebook().With("codebook.yaml", codebook).With(TestKit.CriteriaFile, criteria));

        // Assert: only the partnership criterion (judgement, number and yes-no indicators) is ambiguous.
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.AmbiguousField, error.Code);
        var mixed = TestKit.Locate(criteria, "\"partnership\" and f.judgement");
        Assert.Equal((mixed.Line, mixed.Column + "\"partnership\" and f.".Length), TestKit.At(error));
        Assert.Contains("`q1.prevention.crime-change`", error.Message);
    }

    [Fact]
    public void Check_NarrowingToNothing_ReportsGE403()
    {
        // Act: no Q1 indicator is both in `partnership` and `q1.prevention.priority`.
        var (result, _) = CheckQ1("any(f => f.area == \"partnership\" and f.indicator == \"q1.prevention.priority\" and f.judgement == effective)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.AmbiguousField, error.Code);
        Assert.Contains("no indicator of this question can match", error.Message);
    }

    [Fact]
    public void Check_WorstOverMixedIndicators_ReportsGE403()
    {
        // Act
        var (result, _) = CheckQ1("worst(f => f.area == \"prevention\") == ineffective");

        // Assert
        Assert.Equal(DiagnosticCodes.AmbiguousField, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_SumProjectionNotANumber_ReportsGE401()
    {
        // Act
        var (result, _) = CheckQ1("sum(f => f.indicator == \"q1.prevention.priority\", f => f.judgement) > 1");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Contains("must give a number", error.Message);
    }

    [Fact]
    public void Check_AggregateWithWrongArity_ReportsGE400()
    {
        // Act
        var (result, _) = CheckQ1("any(f => true, f => true)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Equal("`any` takes 1 argument, found 2", error.Message);
    }

    [Fact]
    public void Check_AggregateArgumentNotALambda_ReportsGE400()
    {
        // Act
        var (result, _) = CheckQ1("count(true) >= 1");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Contains("must be lambdas", error.Message);
    }

    [Fact]
    public void Check_InnerLambdaReusingVariableName_ReportsGE400()
    {
        // Act
        var (result, _) = CheckQ1("any(f => any(f => true))");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Contains("already a variable", error.Message);
    }

    [Fact]
    public void Check_FindingUsedAsValue_ReportsGE401()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f)");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionType, error.Code);
        Assert.Contains("`f` is a finding, not a value", error.Message);
    }

    [Fact]
    public void Check_UnknownBareName_SuggestsAggregate()
    {
        // Act
        var (result, _) = CheckQ1("anyy");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("did you mean the aggregate `any(...)`?", error.Help);
    }

    [Fact]
    public void Check_TwoErrorsInOneCondition_AreBothReported()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.judgment == effective) and cout(g => true) >= 1");

        // Assert
        Assert.Equal([DiagnosticCodes.UnknownName, DiagnosticCodes.UnknownName], result.Errors.Select(d => d.Code));
        Assert.Equal(TestKit.Locate(criteria, "judgment"), TestKit.At(result.Errors[0]));
        Assert.Equal(TestKit.Locate(criteria, "cout("), TestKit.At(result.Errors[1]));
    }

    [Fact]
    public void Check_AggregateInThresholds_ReportsGE402()
    {
        // Arrange
        var thresholds = ThresholdsWithGood("count(f => true) >= 1");

        // Act
        var (result, text) = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("`count` is not available in threshold conditions", error.Message);
        Assert.Equal(result.PathOf("thresholds.yaml"), error.Span.Path);
        Assert.Equal(TestKit.Locate(text, "count(f"), TestKit.At(error));
    }

    [Fact]
    public void Check_UnknownProfileVariable_SuggestsStrengthsCount()
    {
        // Arrange
        var thresholds = ThresholdsWithGood("strength.count >= 1");

        // Act
        var (result, text) = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("unknown profile variable `strength.count`", error.Message);
        Assert.Equal("did you mean `strengths.count`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "strength.count"), TestKit.At(error));
    }

    [Fact]
    public void Check_ProfileGroupWithoutField_ReportsGE402()
    {
        // Act
        var (result, _) = CheckThresholds(ThresholdsWithGood("strengths >= 1"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Contains("needs `.count` or `.weight`", error.Message);
    }

    [Fact]
    public void Check_ThresholdConditionNotYesNo_ReportsGE401()
    {
        // Act
        var (result, _) = CheckThresholds(ThresholdsWithGood("strengths.count + 1"));

        // Assert
        Assert.Equal(DiagnosticCodes.ConditionType, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_UnknownMessagePlaceholder_ReportsGE404AtTheMessage()
    {
        // Act
        var (result, criteria) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\")", message: "Priority is {judgment}");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownPlaceholder, error.Code);
        Assert.Equal("unknown placeholder `{judgment}` in message", error.Message);
        Assert.Equal("did you mean `judgement`?", error.Help);
        Assert.Equal(TestKit.Locate(criteria, "\"Priority is {judgment}\""), TestKit.At(error));
    }

    [Fact]
    public void Check_EveryDocumentedPlaceholder_IsAccepted()
    {
        // Act
        var (result, _) = CheckQ1("any(f => f.indicator == \"q1.prevention.priority\")", message: "{judgement} {value} {indicator} {quote} {source} {count}");

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
    }

    [Fact]
    public void Check_UnknownGradeInThresholds_ReportsGE303WithSuggestion()
    {
        // Arrange
        var thresholds = MiniRulebook.ThresholdsYaml.Replace("grade: good", "grade: goood");

        // Act
        var (result, text) = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownGrade, error.Code);
        Assert.Equal("unknown grade `goood`", error.Message);
        Assert.Equal("did you mean `good`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "goood"), TestKit.At(error));
    }

    [Fact]
    public void Check_ThresholdsForUnknownQuestion_ReportsGE300()
    {
        // Arrange
        var thresholds = MiniRulebook.ThresholdsYaml + "\nquestions:\n  Q3:\n    - grade: inadequate\n      otherwise: true\n";

        // Act
        var (result, _) = CheckThresholds(thresholds);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownQuestion, error.Code);
        Assert.Contains("`Q3`", error.Message);
    }

    [Fact]
    public void Check_DuplicateCriterionId_ReportsGE203WithFirstDefinition()
    {
        // Arrange
        var criteria = TestKit.CriteriaWith(TestKit.Criterion("Q1.priority", "Q1", "prevention", "any(f => f.indicator == \"q1.prevention.priority\")"));

        // Act
        var result = TestKit.Check(new MiniRulebook().With(TestKit.CriteriaFile, criteria));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.DuplicateId, error.Code);
        Assert.Equal("duplicate criterion id `Q1.priority`", error.Message);
        var second = TestKit.Locate(criteria, "id: Q1.priority\n", 2);
        Assert.Equal((second.Line, second.Column + 4), TestKit.At(error));
        var first = TestKit.Locate(criteria, "id: Q1.priority\n");
        first = (first.Line, first.Column + 4);
        Assert.Equal($"first defined at {result.PathOf(TestKit.CriteriaFile)}:{first.Line}:{first.Column}", error.Help);
    }

    [Fact]
    public void Check_DuplicateCriterionIdAcrossFiles_PointsAtTheFirstFile()
    {
        // Arrange
        var other = "criteria:\n" + TestKit.Indent(TestKit.Criterion("Q1.priority", "Q1", "prevention", "any(f => true)"), 2) + "\n";

        // Act
        var result = TestKit.Check(new MiniRulebook().With("criteria/zz.yaml", other));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.DuplicateId, error.Code);
        Assert.Equal(result.PathOf("criteria/zz.yaml"), error.Span.Path);
        Assert.Contains(result.PathOf(TestKit.CriteriaFile), error.Help);
    }

    [Fact]
    public void Check_CriterionOfUnknownQuestionAndArea_ReportsGE300AndGE301()
    {
        // Act
        var (unknownQuestion, _) = CheckQ1("any(f => true)", question: "Q9");
        var (unknownArea, _) = CheckQ1("any(f => true)", area: "preventio");

        // Assert
        Assert.Equal(DiagnosticCodes.UnknownQuestion, Assert.Single(unknownQuestion.Errors).Code);
        var area = Assert.Single(unknownArea.Errors);
        Assert.Equal(DiagnosticCodes.UnknownArea, area.Code);
        Assert.Equal("did you mean `prevention`?", area.Help);
    }

    [Fact]
    public void Check_RollupWithUnknownQuestionLiteral_ReportsGE300()
    {
        // Arrange
        var rollup = MiniRulebook.RollupYaml.Replace("all(q => q.grade == outstanding)", "any(q => q.id == \"Q3\" and q.grade == outstanding)");

        // Act
        var (result, text) = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownQuestion, error.Code);
        Assert.Equal(TestKit.Locate(text, "\"Q3\""), TestKit.At(error));
    }

    [Fact]
    public void Check_RollupWithJudgementLevelInsteadOfGrade_ReportsGE305()
    {
        // Arrange
        var rollup = MiniRulebook.RollupYaml.Replace("all(q => q.grade == outstanding)", "all(q => q.grade == effective)");

        // Act
        var (result, _) = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownLevel, error.Code);
        Assert.Contains("is not a grade", error.Message);
    }

    [Fact]
    public void Check_RollupFieldTypo_SuggestsGrade()
    {
        // Arrange
        var rollup = MiniRulebook.RollupYaml.Replace("all(q => q.grade == outstanding)", "all(q => q.grde == outstanding)");

        // Act
        var (result, _) = CheckRollup(rollup);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("did you mean `grade`?", error.Help);
    }


    private static (TestKit.Checked Result, string Text) CheckRollupWithKinds(string rollup) =>
        (TestKit.Check(new MiniRulebook().With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml).With("rollup.yaml", rollup)), rollup);

    private static string RollupWithLimit(string when) =>
        MiniRulebook.RollupYaml + $"\nlimits:\n  - no-better-than: requires-improvement\n    when: '{when}'\n";

    [Fact]
    public void Check_RollupCountingTheInspectionsFindings_BindsThemAsFindingsCounts()
    {
        // Arrange: a row mixes an aggregate with a kind's count, and a limit reads every finding.
        var rollup = MiniRulebook.RollupYaml.Replace("when: count(q => q.grade == inadequate) == 0", "when: count(q => q.grade == inadequate) == 0 and findings.breach-of-regulation < 2")
            + "\nlimits:\n  - no-better-than: requires-improvement\n    when: findings.breach-of-regulation >= 1 or findings.count >= 40\n";

        // Act
        var (result, _) = CheckRollupWithKinds(rollup);

        // Assert
        Assert.True(result.Result.Succeeded, result.ToString());
        var checkedRollup = result.Result.Value!.Rollup!;
        Assert.Equal([(ProfileMeasure.Findings, 0, "findings.breach-of-regulation")],
            BoundPrinter.Variables(checkedRollup.Table.Rules[2].Condition!).Select(v => (v.Measure, v.Index, v.Name)));
        Assert.Equal([(ProfileMeasure.Findings, 0, "findings.breach-of-regulation"), (ProfileMeasure.Findings, -1, "findings.count")],
            BoundPrinter.Variables(checkedRollup.Limits[0].Condition).Select(v => (v.Measure, v.Index, v.Name)));
    }

    [Fact]
    public void Check_RollupCountingAnUnknownKind_ReportsGE312WithTheKindItMeant()
    {
        // Act
        var (result, text) = CheckRollupWithKinds(RollupWithLimit("findings.breach-of-regulations >= 1"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownKind, error.Code);
        Assert.Equal("`breach-of-regulations` is not a finding kind", error.Message);
        Assert.Equal("did you mean `breach-of-regulation`?", error.Help);
        Assert.Equal(TestKit.Locate(text, "breach-of-regulations"), TestKit.At(error));
    }

    [Fact]
    public void Check_RollupCountingAKindWithoutKinds_SaysTheCodebookDeclaresNone()
    {
        // Act
        var (result, _) = CheckRollup(RollupWithLimit("findings.breach-of-regulation >= 1"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownKind, error.Code);
        Assert.Equal("the codebook declares no kinds: `findings.count` counts every finding of the inspection", error.Help);
    }

    [Fact]
    public void Check_RollupReadingAnEffect_ReportsGE402ThatARollupCannotReadIt()
    {
        // Act
        var (result, text) = CheckRollupWithKinds(RollupWithLimit("strengths.count >= 1"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("`strengths.count` counts the met criteria of one question: a roll-up cannot read it", error.Message);
        Assert.Contains("`findings.<kind>`", error.Help);
        Assert.Equal(TestKit.Locate(text, "strengths.count"), TestKit.At(error));
    }

    [Fact]
    public void Check_RollupReadingFindingsInsideAQuestionLambda_ReportsGE400()
    {
        // Act
        var (result, _) = CheckRollupWithKinds(RollupWithLimit("any(q => q.grade == good and findings.breach-of-regulation >= 1)"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.ConditionSyntax, error.Code);
        Assert.Contains("cannot be read inside `q => ...`", error.Message);
    }

    [Fact]
    public void Check_RollupReadingFindingsWithoutACount_SaysWhatToWrite()
    {
        // Act
        var (result, _) = CheckRollupWithKinds(RollupWithLimit("findings >= 1"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownName, error.Code);
        Assert.Equal("`findings` needs `.count` or a finding kind", error.Message);
    }

    [Fact]
    public void Check_ThresholdCountingAnUnknownKind_ReportsGE312AsForTheRollup()
    {
        // Act
        var result = TestKit.Check(new MiniRulebook().With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml)
            .With("thresholds.yaml", MiniRulebook.ThresholdsYaml + "\nlimits:\n  default:\n    - no-better-than: good\n      when: findings.notable-practise >= 1\n"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownKind, error.Code);
        Assert.Equal("did you mean `notable-practice`?", error.Help);
    }
}
