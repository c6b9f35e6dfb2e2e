using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Diagnostics;
using GradingEngine.Grading;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;
using static GradingEngine.Tests.Load.TestKit;

namespace GradingEngine.Tests.Rollup;

/// <summary>
/// Grades carried from an earlier inspection (findings.yaml `carried:`), on rules/cqc-2023, whose rollup.yaml takes them
/// (CQC's aggregation principle 2): the question stays not graded, the roll-up counts the carried grade in its place,
/// every trace format says so, and what cannot be carried is refused at load.
/// </summary>
public class CarriedGradesTests
{
    internal static readonly Lazy<GradingEngine.Compile.CompiledRulebook> Cqc = new(() =>
    {
        var result = GradingPipeline.LoadRulebook(Path.Combine(Repo.Root, "rules", "cqc-2023"));
        Assert.True(result.Succeeded, GradingEngine.Tests.Load.TestKit.Render(result.Diagnostics));
        return result.Value!;
    });

    /// <summary>Every quality statement of <paramref name="question"/> scored <paramref name="score"/>.</summary>
    internal static string Scored(string question, int score) => string.Concat(Cqc.Value.Rulebook.Codebook.Indicators
        .Where(i => i.QuestionId == question)
        .Select(i => $"  - {{id: {i.Id}, question: {question}, indicator: {i.Id}, judgement: {score}, quote: \"Synthetic score {score}.\", source: Synthetic}}\n"));

    internal static string Findings(string findings, string carried) =>
        $"inspection: focused\norganisation: Synthetic care home\nframework: cqc-2023\nfindings:\n{findings}{carried}";

    private const string Carried = """
        carried:
          source: Synthetic earlier report
          grades:
            effective: good
            caring: good
            responsive: requires-improvement
            well-led: good

        """;

    internal static (GradingEngine.Trace.GradingResult? Result, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var temp = new TempFolder();
        var path = temp.Write("findings.yaml", yaml);
        var inspection = GradingPipeline.LoadInspection(path, Cqc.Value);
        return (inspection.Succeeded ? GradingPipeline.Grade(Cqc.Value, inspection.Value!) : null, inspection.Diagnostics);
    }

    [Fact]
    public void Grade_FocusedInspection_RollupCountsTheCarriedGradesAndTheQuestionsStayNotGraded()
    {
        var (result, diagnostics) = Load(Findings(Scored("safe", 4), Carried));

        Assert.NotNull(result);
        Assert.True(diagnostics.All(d => !d.IsError), GradingEngine.Tests.Load.TestKit.Render(diagnostics));
        Assert.Equal("outstanding", result.Find("safe")!.Grade!.Id);
        var caring = result.Find("caring")!;
        Assert.False(caring.IsGraded);
        Assert.Equal("good", caring.Carried!.Grade.Id);
        // One outstanding, three good, one requires improvement: good by principle 4.
        Assert.Equal("good", result.Overall!.Grade.Id);
        Assert.Equal(["effective", "caring", "responsive", "well-led"], result.Overall.CarriedQuestions.Select(c => c.QuestionId));
        Assert.Empty(result.Overall.UngradedQuestions);
        Assert.Contains("Carried into the overall grade: Good, from Synthetic earlier report", TextRenderer.Render(result));
        Assert.Contains("Counts grades carried from an earlier inspection", TextRenderer.Render(result));
        var json = JsonRenderer.Render(result);
        Assert.Contains("\"carried\": {", json);
        Assert.Contains("\"carriedQuestions\": [", json);
        Assert.Contains("Carried into the overall grade", MarkdownRenderer.Render(result));
        Assert.Contains("<p class=\"carried\">", HtmlRenderer.Render(result));
    }

    [Fact]
    public void Grade_AQuestionNeitherInspectedNorCarried_OverallNotGraded()
    {
        var (result, diagnostics) = Load(Findings(Scored("safe", 4), Carried.Replace("    well-led: good\n", "", StringComparison.Ordinal)));

        Assert.NotNull(result);
        Assert.True(diagnostics.All(d => !d.IsError), GradingEngine.Tests.Load.TestKit.Render(diagnostics));
        Assert.Null(result.Overall);
        Assert.Contains("`well-led` not graded", result.OverallNotGraded!.Reason);
    }

    [Fact]
    public void Load_CarriedGradeForAQuestionWithFindings_GE206()
    {
        var (_, diagnostics) = Load(Findings(Scored("safe", 4) + Scored("caring", 3), Carried));

        var error = SingleError(diagnostics, DiagnosticCodes.InvalidValue);
        Assert.Contains("question `caring` has 5 findings here and a carried grade", error.Message);
    }

    [Theory]
    [InlineData("    caring: good\n", "    carring: good\n", DiagnosticCodes.UnknownQuestion)]
    [InlineData("    caring: good\n", "    caring: excellent\n", DiagnosticCodes.UnknownGrade)]
    [InlineData("  source: Synthetic earlier report\n", "  source: \" \"\n", DiagnosticCodes.InvalidValue)]
    [InlineData("  source: Synthetic earlier report\n", "", DiagnosticCodes.MissingKey)]
    public void Load_MalformedCarried_Rejected(string from, string to, string code)
    {
        var (result, diagnostics) = Load(Findings(Scored("safe", 4), Carried.Replace(from, to, StringComparison.Ordinal)));

        Assert.Null(result);
        Assert.Contains(diagnostics, d => d.IsError && d.Code == code);
    }

    [Fact]
    public void Load_CarriedForARulebookThatDoesNotTakeThem_GE206()
    {
        var peel = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        using var temp = new TempFolder();
        var seed = File.ReadAllText(Path.Combine(Repo.SeedFolder, "findings.yaml"));
        var path = temp.Write("findings.yaml", seed.TrimEnd() + "\ncarried:\n  source: An earlier report\n  grades:\n    Q1: good\n");

        var inspection = GradingPipeline.LoadInspection(path, peel);

        var error = SingleError(inspection.Diagnostics, DiagnosticCodes.InvalidValue);
        Assert.Contains("does not take carried grades", error.Message);
        Assert.Contains("carried-grades: true", error.Help);
    }

    [Property(MaxTest = 40)]
    public Property Grade_AnyMixOfInspectedAndCarriedQuestions_OverallIsTheRollupOfTheirGrades()
    {
        // Per key question: a score 1..4 for all its quality statements (inspected), or a carried grade (rank 0..3).
        var choice = from inspected in Gen.Elements(true, false)
                     from n in Gen.Choose(1, 4)
                     select (inspected, n);
        return Prop.ForAll(choice.ArrayOf().Where(a => a.Length >= 5).Select(a => a.Take(5).ToArray()).ToArbitrary(), choices =>
        {
            var questions = Cqc.Value.Rulebook.Questions;
            var findings = string.Concat(questions.Select((q, i) => choices[i].inspected ? Scored(q.Id, choices[i].n) : ""));
            var carried = questions.Select((q, i) => (q, choices[i])).Where(x => !x.Item2.inspected).ToList();
            var block = carried.Count == 0 ? "" : "carried:\n  source: Synthetic\n  grades:\n" + string.Concat(carried.Select(x => $"    {x.q.Id}: {Cqc.Value.Rulebook.Scale[x.Item2.n - 1].Id}\n"));

            var (result, diagnostics) = Load(Findings(findings.Length == 0 ? "[]\n" : findings, block).Replace("findings:\n[]", "findings: []", StringComparison.Ordinal));

            Assert.NotNull(result);
        Assert.True(diagnostics.All(d => !d.IsError), GradingEngine.Tests.Load.TestKit.Render(diagnostics));
            // Each question's grade for the roll-up: its own where inspected, the carried one otherwise.
            var grades = result.Questions.Select(q => q.RollupGrade!).ToList();
            Assert.All(result.Questions, q => Assert.Equal(q.Carried is not null, !q.IsGraded));
            Assert.Equal(Grader.RollUp(Cqc.Value, grades).Grade.Id, result.Overall!.Grade.Id);
        });
    }
}
