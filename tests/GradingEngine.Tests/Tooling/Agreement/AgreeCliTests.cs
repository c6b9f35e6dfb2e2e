using System.Text.Json;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Tooling.Agreement;

/// <summary>`grading agree` in process, as a table: exit 0 when both codings give the same grades, 1 when they differ, 2 on invalid input.</summary>
public class AgreeCliTests
{
    private sealed record CliRun(int Exit, string Stdout, string Stderr, TempFolder Temp);

    private sealed record CliCase(string Name, Func<TempFolder, string[]> Arrange, ExitCode Exit, params Action<CliRun>[] Expect);

    private static string Example(string file) => Path.Combine(Repo.Root, "seeds", "agreement-example", file);

    /// <summary>A sample folder: the example pair (grades differ) and the seed with itself (grades agree).</summary>
    private static string Sample(TempFolder t, bool withDiffering = true)
    {
        foreach (var file in new[] { "report.txt", "coder-a.yaml", "coder-b.yaml" })
        {
            if (withDiffering) File.Copy(Example(file), Path.Combine(Directory.CreateDirectory(Path.Combine(t.Path, "sample", "eastmoor")).FullName, file switch
            {
                "coder-a.yaml" => "a.yaml",
                "coder-b.yaml" => "b.yaml",
                _ => file,
            }));
        }
        var seed = Directory.CreateDirectory(Path.Combine(t.Path, "sample", "west-mercia")).FullName;
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(seed, "report.txt"));
        File.Copy(Repo.SeedFindings, Path.Combine(seed, "self.a.yaml"));
        File.Copy(Repo.SeedFindings, Path.Combine(seed, "self.b.yaml"));
        return Path.Combine(t.Path, "sample");
    }

    private static readonly CliCase[] Cases =
    [
        new("a coding with itself", _ => ["agree", Repo.SeedFindings, Repo.SeedFindings], ExitCode.Success,
            Stdout("Coder agreement: findings.yaml / findings.yaml"), Stdout("kappa 1.000"), Stdout("  none\n"), StderrEmpty()),
        new("the synthetic example, text", _ => ["agree", Example("coder-a.yaml"), Example("coder-b.yaml")], ExitCode.Disagree,
            Stdout("  Q2        A Good                  B Requires improvement  differ\n"),
            Stdout("Disagreements that change a grade (1 of 6"), Stdout("Why the grades differ"), StderrEmpty()),
        new("the synthetic example, json", _ => ["agree", Example("coder-a.yaml"), Example("coder-b.yaml"), "--format", "json"], ExitCode.Disagree,
            Json(json =>
            {
                var pair = json.GetProperty("pairs")[0];
                Assert.True(pair.GetProperty("gradesDiffer").GetBoolean());
                Assert.Equal(JsonValueKind.Null, json.GetProperty("sample").ValueKind);
                Assert.True(pair.GetProperty("disagreements")[0].GetProperty("changesGrades").GetBoolean());
            })),
        new("the synthetic example, markdown", _ => ["agree", Example("coder-a.yaml"), Example("coder-b.yaml"), "--format", "markdown"], ExitCode.Disagree,
            Stdout("# Coder agreement: coder-a.yaml / coder-b.yaml\n"), Stdout("## Why the grades differ\n")),
        new("the synthetic example, html to a file", t => ["agree", Example("coder-a.yaml"), Example("coder-b.yaml"), "--format", "html", "--output", Path.Combine(t.Path, "agree.html")], ExitCode.Disagree,
            StdoutEmpty(), run => Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(run.Temp.Path, "agree.html")), StringComparison.Ordinal)),
        new("a sample whose pairs differ", t => ["agree", "--pairs", Sample(t)], ExitCode.Disagree,
            Stdout("Coder agreement over a sample of 2 pairs"), Stdout("  Q2        1 of 2 pairs\n"), Stdout("pairs whose grades differ: eastmoor\n"), StderrEmpty()),
        new("a sample whose pairs agree", t => ["agree", "--pairs", Sample(t, withDiffering: false), "--format", "json"], ExitCode.Success,
            Json(json => Assert.Equal(1, json.GetProperty("sample").GetProperty("pairs").GetInt32()))),
        new("one coding", _ => ["agree", Repo.SeedFindings], ExitCode.InvalidInput,
            Stderr("error: `agree` takes two codings of one report, coding A and coding B; found 1\n"), StdoutEmpty()),
        new("codings and a sample", t => ["agree", Repo.SeedFindings, Repo.SeedFindings, "--pairs", t.Path], ExitCode.InvalidInput,
            Stderr("error: give two codings or `--pairs DIR`, not both\n"), StdoutEmpty()),
        new("a coding that does not exist", t => ["agree", Repo.SeedFindings, Path.Combine(t.Path, "nope.yaml")], ExitCode.InvalidInput,
            Stderr("nope.yaml:1:1: error GE100: file not found"), StdoutEmpty(), NoStackTrace()),
        new("a coding with an unknown indicator", t => ["agree", Repo.SeedFindings, t.Write("b.yaml", File.ReadAllText(Repo.SeedFindings).Replace("q1.prevention.priority", "q1.prevention.priorty"))], ExitCode.InvalidInput,
            Stderr("error GE302: unknown indicator `q1.prevention.priorty`"), StdoutEmpty(), NoStackTrace()),
        new("an empty sample folder", t => ["agree", "--pairs", t.Path], ExitCode.InvalidInput,
            Stderr("error GE100: no pairs of codings in this folder"), StdoutEmpty()),
        new("output to a folder", t => ["agree", Repo.SeedFindings, Repo.SeedFindings, "--output", t.Path], ExitCode.InvalidInput,
            Stderr("cannot write output: it is a folder"), StdoutEmpty()),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Run_Case_ExitsAsExpected(string name)
    {
        // Arrange
        var c = Cases.Single(x => x.Name == name);
        using var temp = new TempFolder();
        var args = c.Arrange(temp);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        // Act
        var exit = GradingCli.Run(args, stdout, stderr);

        // Assert
        var run = new CliRun(exit, stdout.ToString(), stderr.ToString(), temp);
        Assert.True(exit == (int)c.Exit, $"exit {exit}, expected {(int)c.Exit}\n--- stdout\n{Head(run.Stdout)}\n--- stderr\n{run.Stderr}");
        foreach (var expect in c.Expect) expect(run);
    }

    private static string Head(string text) => text.Length > 3000 ? text[..3000] + "..." : text;

    private static Action<CliRun> Stdout(string text) => run => Assert.True(run.Stdout.Contains(text, StringComparison.Ordinal), $"stdout lacks `{text}`:\n{Head(run.Stdout)}");

    private static Action<CliRun> Stderr(string text) => run => Assert.True(run.Stderr.Contains(text, StringComparison.Ordinal), $"stderr lacks `{text}`:\n{run.Stderr}");

    private static Action<CliRun> StdoutEmpty() => run => Assert.True(run.Stdout.Length == 0, $"stdout should be empty:\n{Head(run.Stdout)}");

    private static Action<CliRun> StderrEmpty() => run => Assert.True(run.Stderr.Length == 0, $"stderr should be empty:\n{run.Stderr}");

    private static Action<CliRun> NoStackTrace() => run => Assert.DoesNotMatch(@"(?m)^\s+at \S", run.Stderr);

    private static Action<CliRun> Json(Action<JsonElement> check) => run =>
    {
        using var json = JsonDocument.Parse(run.Stdout);
        check(json.RootElement);
    };
}
