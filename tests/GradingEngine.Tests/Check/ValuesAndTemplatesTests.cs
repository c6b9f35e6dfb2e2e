using GradingEngine.Diagnostics;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;
using static GradingEngine.Tests.Load.TestKit;
using TestKit = GradingEngine.Tests.Load.TestKit;

namespace GradingEngine.Tests.Check;

/// <summary>Scores, named values and templates end to end: checked at load, graded, and shown in every trace format.</summary>
public class ValuesAndTemplatesTests
{
    private static readonly Lazy<GradingEngine.Trace.GradingResult> Graded = new(() => Grade(TestKit.Compile(ScoredRulebook.Create()), ScoredRulebook.FindingsYaml));

    [Fact]
    public void Check_ScoredRulebook_NoErrorsNoWarningsAndProvedExhaustively()
    {
        var result = TestKit.Check(ScoredRulebook.Create());

        Assert.True(result.Result.Succeeded, result.ToString());
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Result.Value!.Analyses, a => Assert.True(a.Exhaustive, a.Subject));
        Assert.Equal(["good", "inadequate", "outstanding", "requires-improvement"],
            result.Result.Value!.Analyses.Single(a => a.Subject == "Q1").GradesProduced.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Grade_ScoredFindings_RoundsHalfAwayFromZeroAndLimitsAScoreOfOne()
    {
        var result = Graded.Value;

        // Q1: 3 + 2 of 8 is 62.5%, rounded to 63 (half to even would give 62 and requires improvement).
        var q1 = result.Questions.Single(q => q.Question.Id == "Q1");
        Assert.Equal("good", q1.Grade!.Id);
        Assert.Equal(["score-total 5", "score-maximum 8", "score-percentage 63", "lowest-score 2"], q1.Values.Select(v => $"{v.Definition.Id} {v.Text}"));
        Assert.True(q1.Criteria.Single(c => c.Criterion.Id == "Q1.mostly-good").Met);
        // Q2: 75% is good by the table, but its score of 1 caps it.
        var q2 = result.Questions.Single(q => q.Question.Id == "Q2");
        Assert.Equal("requires-improvement", q2.Grade!.Id);
        Assert.Equal("75", q2.Values.Single(v => v.Definition.Id == "score-percentage").Text);
        Assert.True(q2.Criteria.Single(c => c.Criterion.Id == "Q2.score-of-one").Met);
    }

    [Fact]
    public void Render_ScoredFindings_EveryFormatShowsTheComputedValues()
    {
        var result = Graded.Value;

        Assert.Contains("score-percentage = 63", TextRenderer.Render(result));
        var json = JsonRenderer.Render(result);
        Assert.Contains("\"id\": \"score-percentage\"", json);
        Assert.Contains("\"value\": 63,", json);
        Assert.Contains("\"definition\": \"round(percentage(f => true))\"", json);
        Assert.Contains("| `score-percentage` | 63 | `round(percentage(f => true))`", MarkdownRenderer.Render(result));
        Assert.Contains("<tr data-value=\"score-percentage\"><td><code>score-percentage</code></td><td class=\"num\">63</td>", HtmlRenderer.Render(result));
    }

    [Fact]
    public void Render_RowReadingANamedValue_WhyNotHigherSaysWhatWouldReachIt()
    {
        var result = Graded.Value;

        // Q1 is good at 63%: outstanding needs score-percentage >= 88, which no criterion outcome changes.
        var higher = result.OutlookOf("Q1")!.Higher!;
        Assert.Equal(["score-percentage"], higher.ValuesRead);
        // The text wraps at its width: compare with its words joined by single spaces.
        Assert.Contains("it reads `score-percentage`, which only different findings change",
            System.Text.RegularExpressions.Regex.Replace(TextRenderer.Render(result), @"\s+", " "));
        Assert.Contains("\"valuesRead\": [", JsonRenderer.Render(result));
        Assert.Contains("It reads `score-percentage`, which only different findings change", MarkdownRenderer.Render(result));
    }

    [Fact]
    public void Render_TemplateCopy_NamesItsQuestionInTextAndJson()
    {
        var result = Graded.Value;
        var q2 = result.Questions.Single(q => q.Question.Id == "Q2");

        Assert.Contains("(template, for `Q2`)", TextRenderer.Explain(result, q2));
        Assert.Contains("\"templateFor\": \"Q2\"", JsonRenderer.Render(result));
        Assert.Contains("Q2: q2.consent scores 1", q2.Criteria.Single(c => c.Criterion.Id == "Q2.score-of-one").Message);
    }

    [Fact]
    public void Grade_UndefinedValueReadByThresholds_NotGraded()
    {
        var mini = ScoredRulebook.Create().With("thresholds.yaml", ScoredRulebook.ThresholdsYaml.Replace("""
            requires:
              default:
                - when: count(f => true) >= 1
                  because: no evidence scored

            """, "", StringComparison.Ordinal));
        var findings = ScoredRulebook.FindingsYaml[..ScoredRulebook.FindingsYaml.IndexOf("  - id: F3", StringComparison.Ordinal)];

        var result = Grade(TestKit.Compile(mini), findings);

        var q2 = result.Questions.Single(q => q.Question.Id == "Q2");
        Assert.Null(q2.Grade);
        Assert.Contains("`score-percentage`", q2.NotGraded!.Reason);
        Assert.Contains("undefined for these findings", q2.NotGraded!.Reason);
    }

    [Fact]
    public void Check_ValueThatIsNotANumber_GE401AtItsDefinition()
    {
        var values = ScoredRulebook.ValuesYaml + "\n  - id: any-one\n    value: any(f => f.judgement == 1)\n";

        var result = TestKit.Check(ScoredRulebook.Create().With("values.yaml", values));

        var error = SingleError(result, DiagnosticCodes.ConditionType);
        Assert.EndsWith("values.yaml", error.Span.Path, StringComparison.Ordinal);
        Assert.Equal(Locate(values, "any(f =>"), At(error));
        Assert.Contains("a value must be a number", error.Message);
    }

    [Fact]
    public void Check_ValuesReadingEachOther_GE406NamesTheCycle()
    {
        var values = ScoredRulebook.ValuesYaml + "\n  - id: a\n    value: b + 1\n  - id: b\n    value: a * 2\n";

        var result = TestKit.Check(ScoredRulebook.Create().With("values.yaml", values));

        Assert.False(result.Result.Succeeded);
        var error = result.Errors.First(d => d.Code == DiagnosticCodes.ValueCycle);
        Assert.Contains("`a` -> `b` -> `a`", error.Message.Replace("`b` -> `a` -> `b`", "`a` -> `b` -> `a`", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DivisionByTheNumberZero_GE407()
    {
        var values = ScoredRulebook.ValuesYaml + "\n  - id: broken\n    value: score-total / 0\n";

        var result = TestKit.Check(ScoredRulebook.Create().With("values.yaml", values));

        var error = SingleError(result, DiagnosticCodes.DivisionByZero);
        Assert.Equal(Locate(values, "/ 0"), At(error));
    }

    [Theory]
    [InlineData("any(f => f.judgement == good)")]
    [InlineData("any(f => f.judgement worse than 2)")]
    [InlineData("round(f => true) > 1")]
    [InlineData("round(any(f => true)) > 1")]
    [InlineData("percentage(f => true) > true")]
    public void Check_IllTypedScoreCondition_RejectedAtTheCriterion(string when)
    {
        var criteria = ScoredRulebook.CriteriaYaml.Replace("round(100 * score-total / score-maximum) >= 63", when, StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With(CriteriaFile, criteria));

        Assert.False(result.Result.Succeeded);
        Assert.Contains(result.Errors, d => d.Code.StartsWith("GE40", StringComparison.Ordinal) && d.Span.Path.EndsWith("criteria.yaml", StringComparison.Ordinal)
            && d.Span.Line == Locate(criteria, when).Line);
    }

    [Fact]
    public void Check_TemplateWrongForOneQuestion_PointsAtTheTemplateAndNamesTheQuestion()
    {
        var criteria = ScoredRulebook.CriteriaYaml.Replace("any(f => f.judgement == 1)", "any(f => f.indicator == \"q1.learning\")", StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With(CriteriaFile, criteria));

        var error = SingleError(result, DiagnosticCodes.UnknownIndicator);
        Assert.Equal(Locate(criteria, "q1.learning").Line, error.Span.Line);
        Assert.Contains("for question `Q2`", error.Message);
        Assert.Contains("criteria/criteria.yaml:", error.Message);
    }

    [Fact]
    public void Check_TemplateIdWithoutPlaceholder_GE204()
    {
        var criteria = ScoredRulebook.CriteriaYaml.Replace("\"{question}.score-of-one\"", "score-of-one", StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With(CriteriaFile, criteria));

        var error = Assert.Single(result.Errors);
        Assert.Contains("copies of this template would share the id `score-of-one`", error.Message);
        Assert.Equal(Locate(criteria, "score-of-one"), At(error));
    }

    private const string PerAreaTemplate = """
        templates:
          - each: area
            questions: [Q1]
            criteria:
              - id: "{area}.low-score"
                area: "{area}"
                title: "{area-title}: a score of 2 or less"
                rationale: per area
                when: any(f => f.area == "{area}" and f.judgement <= 2)
                effect: weakness
                message: "{area-title}: {indicator} scores {judgement}"
        """;

    private static string TwoAreas(string rulebook) => rulebook.Replace(
        "        title: Evidence\n  - id: Q2", "        title: Evidence\n      - id: people\n        title: People's views\n  - id: Q2", StringComparison.Ordinal);

    /// <summary>The scored rulebook with a second area of Q1, `people`, with one indicator of its own (or none).</summary>
    private static MiniRulebook WithPeople(bool indicator = true) => ScoredRulebook.Create()
        .With("rulebook.yaml", TwoAreas(ScoredRulebook.RulebookYaml))
        .With("codebook.yaml", indicator
            ? ScoredRulebook.CodebookYaml + "\n  - id: q1.views\n    question: Q1\n    area: people\n    description: People's views\n    type: judgement\n    scale: score\n"
            : ScoredRulebook.CodebookYaml);

    [Fact]
    public void Grade_PerAreaTemplate_OneCopyPerAreaWithItsIdAndTitle()
    {
        var mini = WithPeople().With("criteria/per-area.yaml", PerAreaTemplate);

        var compiled = TestKit.Compile(mini);
        var result = Grade(compiled, ScoredRulebook.FindingsYaml);

        var copies = compiled.Rulebook.Criteria.Where(c => c.Template?.AreaId is not null).ToList();
        Assert.Equal(["evidence.low-score", "people.low-score"], copies.Select(c => c.Id));
        Assert.Equal(["Evidence: a score of 2 or less", "People's views: a score of 2 or less"], copies.Select(c => c.Title));
        Assert.Equal(["evidence", "people"], copies.Select(c => c.AreaId));
        // Q1's findings are all in `evidence`: its copy is met by F2 (a 2).
        var q1 = result.Questions.Single(q => q.Question.Id == "Q1");
        var met = q1.Criteria.Single(c => c.Criterion.Id == "evidence.low-score");
        Assert.True(met.Met);
        Assert.Equal("Evidence: q1.staffing scores 2", met.Message);
        Assert.Contains("(template, for `Q1`, area `evidence`)", TextRenderer.Explain(result, q1));
        Assert.Contains("\"templateArea\": \"evidence\"", JsonRenderer.Render(result));
        Assert.Contains("area <code>evidence</code>", HtmlRenderer.Render(result));
    }

    [Fact]
    public void Check_PerAreaTemplateIdWithoutArea_GE204AsksForIt()
    {
        var template = PerAreaTemplate.Replace("\"{area}.low-score\"", "low-score", StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With("criteria/per-area.yaml", template));

        var error = SingleError(result, DiagnosticCodes.InvalidId);
        Assert.Contains("copies of this template would share the id `low-score`", error.Message);
        Assert.Contains("put `{area}` in the id", error.Help);
    }

    [Fact]
    public void Check_PerAreaTemplateWrongForOneArea_NamesTheQuestionAndArea()
    {
        var mini = WithPeople().With("criteria/per-area.yaml", PerAreaTemplate.Replace("f.area == \"{area}\"", "f.indicator == \"q1.{area}\"", StringComparison.Ordinal));

        var result = TestKit.Check(mini);

        // q1.evidence and q1.people are not indicators: each copy's error names its area.
        var errors = result.Errors.Where(d => d.Code == DiagnosticCodes.UnknownIndicator).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("for question `Q1`, area `evidence`", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("for question `Q1`, area `people`", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CriterionReadingAnAreaWithoutIndicators_GE403NotDropped()
    {
        // `people` is an area of Q1 that no indicator is in: its copy cannot read a judgement, and says so, rather than
        // vanishing from the rulebook with no diagnostic.
        var result = TestKit.Check(WithPeople(indicator: false).With("criteria/per-area.yaml", PerAreaTemplate));

        var error = SingleError(result, DiagnosticCodes.AmbiguousField);
        Assert.Contains("no indicator of this question can match `f` here", error.Message);
        Assert.Contains("for question `Q1`, area `people`", error.Message);
    }

    [Fact]
    public void Load_TemplateEachSomethingElse_GE206()
    {
        var template = PerAreaTemplate.Replace("each: area", "each: indicator", StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With("criteria/per-area.yaml", template));

        var error = SingleError(result, DiagnosticCodes.InvalidValue);
        Assert.Contains("`each` must be `question` or `area`, found `indicator`", error.Message);
    }

    [Fact]
    public void LoadInspection_ScoreOutsideTheRange_GE305()
    {
        var rulebook = TestKit.Compile(ScoredRulebook.Create());
        var findings = ScoredRulebook.FindingsYaml.Replace("judgement: 3", "judgement: 5", StringComparison.Ordinal);
        using var temp = new TempFolder();

        var result = GradingPipeline.LoadInspection(temp.Write("findings.yaml", findings), rulebook);

        var error = SingleError(result.Diagnostics, DiagnosticCodes.UnknownLevel);
        Assert.Contains("`5` is not a score of scale `score`", error.Message);
        Assert.Equal("scores are whole numbers from 1 to 4", error.Help);
    }

    [Fact]
    public void Check_UndirectedValueInThresholds_WarnsThatMonotonicityIsNotChecked()
    {
        var values = ScoredRulebook.ValuesYaml.Replace("""
                value: round(percentage(f => true))
                direction: better
            """, """
                value: round(percentage(f => true))
            """, StringComparison.Ordinal);

        var result = TestKit.Check(ScoredRulebook.Create().With("values.yaml", values));

        Assert.True(result.Result.Succeeded, result.ToString());
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ValueDirectionMissing);
        Assert.Contains("`score-percentage`", warning.Message);
    }
}
