using System.Text.Json;
using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

/// <summary>
/// The command line, in process, as a table: each case arranges its files, gives the arguments, and
/// states the exit code and what stdout, stderr and the file system must show.
/// </summary>
public class CliTests
{
    /// <summary>What one run of the CLI produced, and the folder it ran against.</summary>
    public sealed record CliRun(int Exit, string Stdout, string Stderr, TempFolder Temp);

    /// <summary>One row of the table.</summary>
    public sealed record CliCase(string Name, Func<TempFolder, string[]> Arrange, ExitCode Exit, params Action<CliRun>[] Expect)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] SeedQuestions = ["Q1", "Q2", "Q3", "Q4"];

    private static readonly Regex StackTraceLine = new(@"^\s+at \S", RegexOptions.Multiline);

    private static readonly Lazy<IReadOnlyList<string>> Q3CriterionIds = new(() =>
    {
        var result = GradingPipeline.CheckRulebook(Repo.DefaultRules);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        return result.Value!.CriteriaOf("Q3").Select(c => c.Criterion.Id).ToList();
    });

    private const string UnknownIndicatorFindings = """
        inspection: bad-1
        force: Example Force
        framework: peel-2015-effectiveness
        findings:
          - id: F1
            question: Q1
            indicator: q1.prevention.priorty
            judgement: effective
            quote: Prevention is a priority.
            source: Q1 > Prevention
        """;

    private static readonly CliCase[] Cases =
    [
        // ---------------------------------------------------------------- grade
        new("grade seed, text", _ => ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules], ExitCode.Success,
            StdoutContainsAll(SeedQuestions), StdoutContains("Overall"), StderrEmpty()),
        new("grade seed, shipped rulebook by default", _ => ["grade", Repo.SeedFindings], ExitCode.Success,
            StdoutContains("peel-2015-effectiveness"), StdoutContainsAll(SeedQuestions), StderrEmpty()),
        new("grade seed, json", _ => ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "json"], ExitCode.Success,
            StdoutJson(json =>
            {
                var questions = json.GetProperty("questions").EnumerateArray().ToList();
                Assert.Equal(SeedQuestions, questions.Select(q => q.GetProperty("id").GetString()));
                Assert.Equal(["good", "good", "requires-improvement", "requires-improvement"], questions.Select(q => q.GetProperty("grade").GetString()));
                Assert.Equal("requires-improvement", json.GetProperty("overall").GetProperty("grade").GetString());
            }),
            StderrEmpty()),
        new("grade two good files, json", t => ["grade", Repo.SeedFindings, CopyOfSeed(t), "--rules", Repo.DefaultRules, "--format", "json"], ExitCode.Success,
            StdoutJson(json => Assert.Equal(2, json.GetProperty("inspections").GetArrayLength()))),

        new("grade --brief prints the summary and the deciding rows", _ => ["grade", Repo.SeedFindings, "--brief"], ExitCode.Success,
            StdoutContains("Summary"), StdoutContains("Decided by"), run => Assert.DoesNotContain("Criteria met", run.Stdout, StringComparison.Ordinal), StderrEmpty()),
        new("grade --brief with another format", _ => ["grade", Repo.SeedFindings, "--brief", "--format", "json"], ExitCode.InvalidInput,
            StderrContains("`--brief` shapes the text report only"), StdoutEmpty()),

        // ---------------------------------------------------------------- validate
        new("validate seed against proposed file", _ => ["validate", Repo.SeedFindings, "--proposed", Repo.SeedProposed, "--rules", Repo.DefaultRules], ExitCode.Success,
            StdoutContains("0 differ"), StderrEmpty()),
        new("validate proposed file that disagrees on Q1",
            t => ["validate", Repo.SeedFindings, "--proposed", t.Write("proposed.yaml", ProposedWith(q1: "outstanding")), "--rules", Repo.DefaultRules],
            ExitCode.Disagree,
            StdoutContains("Q1"), StdoutContains("outstanding"), StdoutContains("would have to differ"), StdoutContains("1 differ"), StderrEmpty()),
        new("validate proposed file that disagrees on Q1, json",
            t => ["validate", Repo.SeedFindings, "--proposed", t.Write("proposed.yaml", ProposedWith(q1: "outstanding")), "--rules", Repo.DefaultRules, "--format", "json"],
            ExitCode.Disagree,
            StdoutJson(json =>
            {
                Assert.False(json.GetProperty("agree").GetBoolean());
                var differing = json.GetProperty("comparisons").EnumerateArray().Where(c => !c.GetProperty("agree").GetBoolean()).ToList();
                Assert.Equal(["Q1"], differing.Select(c => c.GetProperty("subject").GetString()));
            })),
        new("validate findings without proposed grades", t => ["validate", CopyOfSeed(t), "--rules", Repo.DefaultRules], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*copy\.yaml:\d+:\d+: error GE\d+: no proposed grades"), StdoutEmpty(), NoStackTrace()),
        new("validate seed pairs proposed.yaml beside it", _ => ["validate", Repo.SeedFindings], ExitCode.Success,
            StdoutContains("5 agree, 0 differ"), StderrEmpty()),

        // ---------------------------------------------------------------- explain
        new("explain Q3", _ => ["explain", Repo.SeedFindings, "--question", "Q3", "--rules", Repo.DefaultRules], ExitCode.Success,
            run => Assert.All(Q3CriterionIds.Value, id => Assert.Contains(id, run.Stdout, StringComparison.Ordinal)),
            run => Assert.NotEmpty(Q3CriterionIds.Value),
            StderrEmpty()),
        new("explain unknown question", _ => ["explain", Repo.SeedFindings, "--question", "Q9", "--rules", Repo.DefaultRules], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S+:\d+:\d+: error GE300: .*Q9"), StdoutEmpty(), NoStackTrace()),
        new("explain without --question", _ => ["explain", Repo.SeedFindings], ExitCode.InvalidInput,
            StderrContains("--question"), StdoutEmpty(), NoStackTrace()),

        // ---------------------------------------------------------------- usage
        new("unknown verb", _ => ["frobnicate", Repo.SeedFindings], ExitCode.InvalidInput,
            StderrContains("frobnicate"), StdoutEmpty(), NoStackTrace()),
        new("no verb shows the help as a usage error", _ => [], ExitCode.InvalidInput,
            StderrContains("Usage:"), StderrContains("Commands:"), StderrContains("Exit codes:"), StdoutEmpty(), NoStackTrace()),
        new("--help", _ => ["--help"], ExitCode.Success,
            StdoutContains("Usage:"), StdoutContains("Examples:"), StdoutContains("  2  invalid input or usage"), StderrEmpty()),
        new("a verb's --help without its arguments", _ => ["grade", "--help"], ExitCode.Success,
            StdoutContains("grading grade findings.yaml --brief"), StdoutContains("Exit codes:"), StderrEmpty()),
        new("mistyped verb", _ => ["grdae", Repo.SeedFindings], ExitCode.InvalidInput,
            StderrContains("error: unrecognized command or argument `grdae`"), StderrContains("help: did you mean `grade`?"), StdoutEmpty(),
            run => Assert.DoesNotContain("required command", run.Stderr, StringComparison.Ordinal)),
        new("mistyped sub-verb", _ => ["rules", "chek"], ExitCode.InvalidInput,
            StderrContains("help: did you mean `check`?"), StderrContains("run `grading rules --help` for usage"), StdoutEmpty(),
            run => Assert.DoesNotContain("required command", run.Stderr, StringComparison.Ordinal)),
        new("sub-verb missing", _ => ["rules"], ExitCode.InvalidInput,
            StderrContains("error: required command was not provided"), StderrContains("run `grading rules --help` for usage"), StdoutEmpty()),
        new("mistyped option taken for a findings file", _ => ["grade", Repo.SeedFindings, "--fromat", "json"], ExitCode.InvalidInput,
            StderrContains("error: unknown option `--fromat`"), StderrContains("help: did you mean `--format`?"), StdoutEmpty(), NoStackTrace()),
        new("grade without findings", _ => ["grade"], ExitCode.InvalidInput,
            StderrContains("error"), StdoutEmpty(), NoStackTrace()),
        new("bad --format", _ => ["grade", Repo.SeedFindings, "--format", "xml"], ExitCode.InvalidInput,
            StderrContains("xml"), StdoutEmpty(), NoStackTrace()),
        new("unknown option", _ => ["grade", Repo.SeedFindings, "--colour"], ExitCode.InvalidInput,
            StderrContains("--colour"), StdoutEmpty(), NoStackTrace()),

        // ---------------------------------------------------------------- invalid input
        new("findings file that does not exist", t => ["grade", Path.Combine(t.Path, "missing.yaml"), "--rules", Repo.DefaultRules], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*missing\.yaml:\d+:\d+: error GE\d+: "), StdoutEmpty(), NoStackTrace()),
        new("findings file with an unknown indicator", t => ["grade", t.Write("bad.yaml", UnknownIndicatorFindings), "--rules", Repo.DefaultRules], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S+:\d+:\d+: error GE302: "), StderrLineMatches(@"^\S*bad\.yaml:7:\d+: error GE302: .*q1\.prevention\.priorty"),
            StdoutEmpty(), NoStackTrace()),
        new("rules folder with a misspelt key", t => ["grade", t.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", BrokenMiniRulebook(t)], ExitCode.InvalidInput,
            StderrContains("error GE200"), StderrLineMatches(@"^\S*criteria\.yaml:\d+:\d+: error GE200: .*wieght"), StdoutEmpty(), NoStackTrace()),
        new("rules folder that does not exist", t => ["grade", Repo.SeedFindings, "--rules", Path.Combine(t.Path, "no-rules")], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S+:\d+:\d+: error GE\d+: "), StdoutEmpty(), NoStackTrace()),
        new("two findings files, both with errors",
            t => ["grade", t.Write("bad-a.yaml", UnknownIndicatorFindings), t.Write("bad-b.yaml", UnknownIndicatorFindings), "--rules", Repo.DefaultRules],
            ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*bad-a\.yaml:\d+:\d+: error GE302: "), StderrLineMatches(@"^\S*bad-b\.yaml:\d+:\d+: error GE302: "),
            StdoutEmpty(), NoStackTrace()),
        new("two findings files, the second with errors: no partial output",
            t => ["grade", Repo.SeedFindings, t.Write("bad.yaml", UnknownIndicatorFindings), "--rules", Repo.DefaultRules, "--format", "json"],
            ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*bad\.yaml:\d+:\d+: error GE302: "), StdoutEmpty(), NoStackTrace()),

        // ---------------------------------------------------------------- embedded rulebooks, export, init
        new("rules list shows the embedded rulebooks", _ => ["rules", "list"], ExitCode.Success,
            StdoutContains("peel-2015-effectiveness  2015.1   HMIC PEEL 2015 police effectiveness"), StderrEmpty()),
        new("rules check of the embedded default", _ => ["rules", "check"], ExitCode.Success,
            StdoutContains("peel-2015-effectiveness: rulebook peel-2015-effectiveness 2015.1"), StdoutContains("0 errors, 0 warnings"), StderrEmpty()),
        new("rules test of the embedded default runs the seed case", _ => ["rules", "test"], ExitCode.Success,
            StdoutContains("PASS seed-published-grades"), StdoutContains("38 passed, 0 failed"), StderrEmpty()),
        new("--rules names an embedded rulebook by id", _ => ["grade", Repo.SeedFindings, "--rules", "peel-2015-effectiveness"], ExitCode.Success,
            StdoutContainsAll(SeedQuestions), StderrEmpty()),
        new("--rules names neither a folder nor an embedded rulebook", _ => ["grade", Repo.SeedFindings, "--rules", "peel-2015"], ExitCode.InvalidInput,
            StderrLineMatches(@"^peel-2015:1:1: error GE100: rulebook folder not found"), StderrLineMatches(@"^  help: the embedded rulebooks are: .*`peel-2015-effectiveness`.* \(`grading rules list`\)$"), StdoutEmpty()),
        new("rules export writes the rulebook and its seed", t => ["rules", "export", "peel-2015-effectiveness", Path.Combine(t.Path, "out")], ExitCode.Success,
            StdoutContains("rules/peel-2015-effectiveness"), StderrEmpty(),
            run => Assert.Equal(File.ReadAllText(Path.Combine(Repo.DefaultRules, "rollup.yaml")), File.ReadAllText(Path.Combine(run.Temp.Path, "out", "rules", "peel-2015-effectiveness", "rollup.yaml"))),
            run => Assert.True(File.Exists(Path.Combine(run.Temp.Path, "out", "seeds", "west-mercia-2015", "findings.yaml")))),
        new("rules export of an unknown id", t => ["rules", "export", "peel-2015-efectiveness", Path.Combine(t.Path, "out")], ExitCode.InvalidInput,
            StderrContains("no embedded rulebook `peel-2015-efectiveness`"), StderrContains("did you mean `peel-2015-effectiveness`?"), StdoutEmpty(), OutputFolderHolds()),
        new("init writes a rulebook that checks and tests clean", t => ["init", Path.Combine(t.Path, "new-framework")], ExitCode.Success,
            StdoutContains("wrote rulebook `new-framework` (6 files)"), StderrEmpty(),
            run => Assert.Equal(0, Run(["rules", "check", Path.Combine(run.Temp.Path, "new-framework"), "--warnings-as-errors"], run.Temp).Exit),
            run => Assert.Equal(0, Run(["rules", "test", Path.Combine(run.Temp.Path, "new-framework"), "--min-coverage", "100"], run.Temp).Exit)),
        new("init into a rulebook folder overwrites nothing", t => ["init", Path.GetDirectoryName(t.Write(Path.Combine("mine", "rulebook.yaml"), ExistingContent))!], ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*rulebook\.yaml:1:1: error GE110: already exists"), StdoutEmpty(),
            run => Assert.Equal(ExistingContent, File.ReadAllText(Path.Combine(run.Temp.Path, "mine", "rulebook.yaml"))),
            run => Assert.Single(Directory.GetFileSystemEntries(Path.Combine(run.Temp.Path, "mine")))),

        // ---------------------------------------------------------------- --output
        new("--output on success writes the file",
            t => ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "json", "--output", Path.Combine(OutputFolder(t), "result.json")],
            ExitCode.Success,
            StdoutEmpty(), StderrEmpty(),
            run =>
            {
                var written = File.ReadAllText(Path.Combine(run.Temp.Path, "out", "result.json"));
                var expected = Run(["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "json"], run.Temp).Stdout;
                Assert.Equal(expected, written);
            },
            OutputFolderHolds("result.json")),
        new("--output on success replaces an existing file",
            t => ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--output", Existing(t)],
            ExitCode.Success,
            StdoutEmpty(),
            run => Assert.Contains("Overall", File.ReadAllText(Path.Combine(run.Temp.Path, "out", "result.txt")), StringComparison.Ordinal),
            OutputFolderHolds("result.txt")),
        new("--output on failure creates no file",
            t => ["grade", t.Write("bad.yaml", UnknownIndicatorFindings), "--rules", Repo.DefaultRules, "--output", Path.Combine(OutputFolder(t), "result.json")],
            ExitCode.InvalidInput,
            StderrContains("error GE302"), StdoutEmpty(), OutputFolderHolds()),
        new("--output on failure leaves an existing file untouched",
            t => ["grade", t.Write("bad.yaml", UnknownIndicatorFindings), "--rules", Repo.DefaultRules, "--output", Existing(t)],
            ExitCode.InvalidInput,
            StderrContains("error GE302"), StdoutEmpty(),
            run => Assert.Equal(ExistingContent, File.ReadAllText(Path.Combine(run.Temp.Path, "out", "result.txt"))),
            OutputFolderHolds("result.txt")),
        new("--output on a broken rulebook leaves an existing file untouched",
            t => ["explain", t.Write("findings.yaml", MiniRulebook.FindingsYaml), "--question", "Q1", "--rules", BrokenMiniRulebook(t), "--output", Existing(t)],
            ExitCode.InvalidInput,
            StderrContains("error GE200"), StdoutEmpty(),
            run => Assert.Equal(ExistingContent, File.ReadAllText(Path.Combine(run.Temp.Path, "out", "result.txt"))),
            OutputFolderHolds("result.txt")),
        new("--output on a disagreeing validate (exit 1) writes the file",
            t => ["validate", Repo.SeedFindings, "--proposed", t.Write("proposed.yaml", ProposedWith(q1: "outstanding")), "--rules", Repo.DefaultRules,
                  "--output", Path.Combine(OutputFolder(t), "validation.txt")],
            ExitCode.Disagree,
            StdoutEmpty(), StderrEmpty(),
            run => Assert.Contains("would have to differ", File.ReadAllText(Path.Combine(run.Temp.Path, "out", "validation.txt")), StringComparison.Ordinal),
            OutputFolderHolds("validation.txt")),
        new("--output into a folder that does not exist",
            t => ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--output", Path.Combine(t.Path, "out", "missing", "result.txt")],
            ExitCode.InvalidInput,
            StderrLineMatches(@"^\S*result\.txt:\d+:\d+: error GE\d+: "), StdoutEmpty(), NoStackTrace(), OutputFolderHolds()),
        new("--output for explain of an unknown question creates no file",
            t => ["explain", Repo.SeedFindings, "--question", "Q9", "--rules", Repo.DefaultRules, "--output", Path.Combine(OutputFolder(t), "q9.txt")],
            ExitCode.InvalidInput,
            StderrContains("error GE300"), StdoutEmpty(), OutputFolderHolds()),
    ];

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases) data.Add(c.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Run_Case_ExitCodeAndOutputAsExpected(string name)
    {
        // Arrange
        var c = Cases.Single(x => x.Name == name);
        using var temp = new TempFolder();
        var args = c.Arrange(temp);

        // Act
        var run = Run(args, temp);

        // Assert
        Assert.True((int)c.Exit == run.Exit,
            $"exit {run.Exit}, expected {(int)c.Exit} ({c.Exit})\n--- stdout\n{Head(run.Stdout)}\n--- stderr\n{Head(run.Stderr)}");
        foreach (var expect in c.Expect) expect(run);
    }

    [Fact]
    public void Cases_Names_AreUnique()
    {
        // Arrange / Act
        var duplicates = Cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        // Assert
        Assert.Empty(duplicates);
    }

    private static CliRun Run(string[] args, TempFolder temp)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString(), temp);
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + "...";

    // ---------------------------------------------------------------- arrangements

    private const string ExistingContent = "an earlier result, to be kept\n";

    private static string OutputFolder(TempFolder temp)
    {
        var folder = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>out/result.txt, already holding <see cref="ExistingContent"/>.</summary>
    private static string Existing(TempFolder temp) => temp.Write(Path.Combine("out", "result.txt"), ExistingContent);

    private static string CopyOfSeed(TempFolder temp)
    {
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
        return temp.Write("copy.yaml", File.ReadAllText(Repo.SeedFindings));
    }

    /// <summary>The mini rulebook with the optional key `weight:` misspelt once in its criteria.</summary>
    private static string BrokenMiniRulebook(TempFolder temp)
    {
        var criteria = MiniRulebook.CriteriaYaml;
        var at = criteria.IndexOf("weight: 2", StringComparison.Ordinal);
        Assert.True(at >= 0);
        var broken = criteria[..at] + "wieght: 2" + criteria[(at + "weight: 2".Length)..];
        return new MiniRulebook().With("criteria/criteria.yaml", broken).WriteTo(temp);
    }

    private static string ProposedWith(string q1) => $"""
        inspection: west-mercia-2015-effectiveness
        grades:
          Q1: {q1}
          Q2: good
          Q3: requires-improvement
          Q4: requires-improvement
          overall: requires-improvement
        """;

    // ---------------------------------------------------------------- expectations

    private static Action<CliRun> StdoutContains(string text) =>
        run => Assert.True(run.Stdout.Contains(text, StringComparison.Ordinal), $"stdout lacks `{text}`:\n{Head(run.Stdout)}");

    private static Action<CliRun> StdoutContainsAll(IEnumerable<string> texts) =>
        run => Assert.All(texts, text => StdoutContains(text)(run));

    private static Action<CliRun> StderrContains(string text) =>
        run => Assert.True(run.Stderr.Contains(text, StringComparison.Ordinal), $"stderr lacks `{text}`:\n{Head(run.Stderr)}");

    private static Action<CliRun> StderrLineMatches(string pattern) =>
        run => Assert.True(Regex.IsMatch(run.Stderr, pattern, RegexOptions.Multiline), $"no stderr line matches /{pattern}/:\n{Head(run.Stderr)}");

    private static Action<CliRun> StdoutEmpty() => run => Assert.True(run.Stdout.Length == 0, $"stdout should be empty:\n{Head(run.Stdout)}");

    private static Action<CliRun> StderrEmpty() => run => Assert.True(run.Stderr.Length == 0, $"stderr should be empty:\n{Head(run.Stderr)}");

    private static Action<CliRun> NoStackTrace() => run =>
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.False(StackTraceLine.IsMatch(run.Stderr), "stderr holds a stack trace:\n" + Head(run.Stderr));
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    };

    private static Action<CliRun> StdoutJson(Action<JsonElement> check) => run =>
    {
        using var document = JsonDocument.Parse(run.Stdout);
        check(document.RootElement);
    };

    /// <summary>The output folder holds exactly these files: no temporary file left behind.</summary>
    private static Action<CliRun> OutputFolderHolds(params string[] files) => run =>
    {
        var folder = Path.Combine(run.Temp.Path, "out");
        var present = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];
        Assert.Equal(files.Order(StringComparer.Ordinal), present);
    };
}
