using System.Text.RegularExpressions;
using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

/// <summary>
/// Inputs an attacker or a careless user would give (issue 17), through the whole command line: each is
/// refused within a few seconds with exit 2 and located errors (`path:line:col: error CODE:`), no stack
/// trace and no output file. Named pipes hang a naive reader forever, and /dev/zero streams until memory
/// runs out; a report or rulebook file outside its folder would let a findings file read any file.
/// </summary>
public class HostileInputCliTests
{
    /// <summary>One row: arranges files in a temp folder and returns the arguments (and any pipes to unblock on a hang).</summary>
    public sealed record HostileCase(string Name, Func<TempFolder, (string[] Args, string[] Fifos)> Arrange, string Code, string Located)
    {
        public override string ToString() => Name;
    }

    private const string MiniReportQuotes = "Prevention is a clear priority. Partnership working is inconsistent. Investigations are well managed.";

    private static string FindingsWithReport(string report) =>
        MiniRulebook.FindingsYaml.Replace("framework: mini\n", $"framework: mini\nreport: {report}\n", StringComparison.Ordinal);

    private static readonly HostileCase[] Cases =
    [
        new("named pipe as findings file", t =>
        {
            var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "findings.yaml"));
            return (["grade", fifo, "--rules", Rules(t), "--output", Output(t)], [fifo]);
        }, "GE108", @"findings\.yaml:1:1: error GE108: not a regular file: it is a named pipe"),
        new("named pipe as report", t =>
        {
            var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "report.txt"));
            return (["grade", t.Write("findings.yaml", FindingsWithReport("report.txt")), "--rules", Rules(t), "--output", Output(t)], [fifo]);
        }, "GE108", @"findings\.yaml:4:9: error GE108: report `report\.txt` is not a regular file: it is a named pipe"),
        new("named pipe as criteria file", t =>
        {
            var rules = Rules(t);
            var fifo = SpecialFiles.Fifo(Path.Combine(rules, "criteria", "more.yaml"));
            return (["grade", t.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", rules, "--output", Output(t)], [fifo]);
        }, "GE108", @"criteria/more\.yaml:1:1: error GE108: not a regular file: it is a named pipe"),
        new("named pipe inside a batch folder", t =>
        {
            t.Write("in/a.yaml", MiniRulebook.FindingsYaml);
            var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "in", "b.yaml"));
            return (["batch", Path.Combine(t.Path, "in"), "--rules", Rules(t), "--output", Output(t)], [fifo]);
        }, "GE108", @"in/b\.yaml:1:1: error GE108: not a regular file: it is a named pipe"),
        new("named pipe of no findings kind inside a batch folder", t =>
        {
            t.Write("in/a.yaml", MiniRulebook.FindingsYaml);
            var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "in", "notes.txt"));
            return (["batch", Path.Combine(t.Path, "in"), "--rules", Rules(t), "--output", Output(t)], [fifo]);
        }, "GE108", @"in/notes\.txt:1:1: error GE108: not a regular file: it is a named pipe"),
        new("link to /dev/zero as criteria file", t =>
        {
            var rules = Rules(t);
            SpecialFiles.Link(Path.Combine(rules, "criteria", "zero.yaml"), "/dev/zero");
            return (["grade", t.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", rules, "--output", Output(t)], []);
        }, "GE108", @"criteria/zero\.yaml:1:1: error GE108: not a regular file: it is a character device"),
        new("link to /dev/zero as findings file", t =>
            (["grade", SpecialFiles.Link(Path.Combine(t.Path, "findings.yaml"), "/dev/zero"), "--rules", Rules(t), "--output", Output(t)], []),
            "GE108", @"findings\.yaml:1:1: error GE108: not a regular file: it is a character device"),
        new("link to /dev/zero as report", t =>
        {
            SpecialFiles.Link(Path.Combine(t.Path, "report.txt"), "/dev/zero");
            return (["grade", t.Write("findings.yaml", FindingsWithReport("report.txt")), "--rules", Rules(t), "--output", Output(t)], []);
        }, "GE108", @"findings\.yaml:4:9: error GE108: report `report\.txt` is not a regular file: it is a character device"),
        new("report: /dev/zero", t =>
            (["grade", t.Write("findings.yaml", FindingsWithReport("/dev/zero")), "--rules", Rules(t), "--output", Output(t)], []),
            "GE108", @"findings\.yaml:4:9: error GE108: report `/dev/zero` is not a regular file"),
        new("report outside the findings file's folder, by ..", t =>
        {
            t.Write("report.txt", MiniReportQuotes);
            return (["grade", t.Write("case/findings.yaml", FindingsWithReport("../report.txt")), "--rules", Rules(t), "--output", Output(t)], []);
        }, "GE109", @"case/findings\.yaml:4:9: error GE109: report `\.\./report\.txt` lies outside"),
        new("report outside the findings file's folder, absolute", t =>
        {
            var secret = t.Write("secret/shadow", "root:*:20228:0:99999:7:::\n");
            return (["grade", t.Write("case/findings.yaml", FindingsWithReport(secret)), "--rules", Rules(t), "--record", Path.Combine(OutputFolder(t), "record.json")], []);
        }, "GE109", @"case/findings\.yaml:4:9: error GE109: report `\S+/secret/shadow` lies outside"),
        new("report reached by a link leaving the folder", t =>
        {
            var secret = t.Write("secret/shadow", "root:*:20228:0:99999:7:::\n");
            SpecialFiles.Link(Path.Combine(t.Path, "case", "report.txt"), secret);
            return (["grade", t.Write("case/findings.yaml", FindingsWithReport("report.txt")), "--rules", Rules(t), "--output", Output(t)], []);
        }, "GE109", @"case/findings\.yaml:4:9: error GE109: report `report\.txt` lies outside the findings file's folder: it resolves to `\S+/secret/shadow`"),
        new("rulebook file reached by a link leaving the rulebook folder", t =>
        {
            var rules = Rules(t);
            var secret = t.Write("secret/shadow", "root:*:20228:0:99999:7:::\n");
            File.Delete(Path.Combine(rules, "rollup.yaml"));
            SpecialFiles.Link(Path.Combine(rules, "rollup.yaml"), secret);
            return (["grade", t.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", rules, "--output", Output(t)], []);
        }, "GE109", @"rules/rollup\.yaml:1:1: error GE109: file lies outside"),
        new("batch folder holding a link to findings elsewhere", t =>
        {
            var elsewhere = t.Write("elsewhere/x.yaml", MiniRulebook.FindingsYaml);
            t.Write("in/a.yaml", MiniRulebook.FindingsYaml.Replace("mini-1", "mini-2", StringComparison.Ordinal));
            SpecialFiles.Link(Path.Combine(t.Path, "in", "x.yaml"), elsewhere);
            return (["batch", Path.Combine(t.Path, "in"), "--rules", Rules(t), "--output", Output(t)], []);
        }, "GE109", @"in/x\.yaml:1:1: error GE109: file lies outside"),
        new("rule test naming findings outside the rulebook", t =>
        {
            var rules = Rules(t);
            t.Write("findings.yaml", MiniRulebook.FindingsYaml);
            t.Write("rules/tests/cases.yaml", "cases:\n  - name: outside\n    description: x\n    findings: ../../findings.yaml\n    expect:\n      grades: {Q1: good}\n");
            return (["rules", "test", rules], []);
        }, "GE109", @"tests/cases\.yaml:4:15: error GE109: findings file `\.\./\.\./findings\.yaml` lies outside the rulebook folder"),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Run_HostileInput_Exit2LocatedErrorNothingWritten(string name)
    {
        // Arrange
        var c = Cases.Single(x => x.Name == name);
        using var temp = new TempFolder();
        var (args, fifos) = c.Arrange(temp);

        // Act
        var (exit, stdout, stderr) = SpecialFiles.WithinDeadline(() => Run(args), fifos);

        // Assert
        Assert.True(exit == (int)ExitCode.InvalidInput, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Matches(new Regex(c.Located, RegexOptions.Multiline), stderr);
        AssertEveryLineLocated(stderr);
        Assert.DoesNotContain("root:", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.Exists(Path.Combine(temp.Path, "out")) ? Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")) : []);
    }

    [Fact]
    public void RulesTest_FindingsRootGiven_CaseOutsideTheRulebookRuns()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = Rules(temp);
        temp.Write("corpus/findings.yaml", MiniRulebook.FindingsYaml);
        temp.Write("rules/tests/cases.yaml", "cases:\n  - name: corpus\n    description: x\n    findings: ../../corpus/findings.yaml\n    expect:\n      grades: {Q1: good}\n");

        // Act
        var (exit, stdout, stderr) = Run(["rules", "test", rules, "--findings-root", Path.Combine(temp.Path, "corpus")]);
        var (refused, _, refusal) = Run(["rules", "test", rules, "--findings-root", Path.Combine(temp.Path, "rules")]);

        // Assert
        Assert.True(exit == (int)ExitCode.Success, stdout + stderr);
        Assert.Contains("PASS corpus", stdout, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.InvalidInput, refused);
        Assert.Contains("lies outside the rulebook folder or the findings root", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_LinkToAFolder_NotFollowedAndListedAsLeftOut()
    {
        // Arrange
        using var temp = new TempFolder();
        var rules = Rules(temp);
        temp.Write("in/a.yaml", MiniRulebook.FindingsYaml);
        temp.Write("elsewhere/b.yaml", MiniRulebook.FindingsYaml.Replace("mini-1", "mini-2", StringComparison.Ordinal));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "in", "more"), Path.Combine(temp.Path, "elsewhere"));

        // Act
        var (exit, stdout, stderr) = Run(["batch", Path.Combine(temp.Path, "in"), "--rules", rules]);

        // Assert
        Assert.True(exit == (int)ExitCode.Success, stdout + stderr);
        Assert.Contains("a link to a folder, not followed", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("mini-2", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grade", "--output")]
    [InlineData("grade", "--record")]
    [InlineData("batch", "--output")]
    [InlineData("validate", "--output")]
    public void Output_LinkAtThePath_Exit2LinkAndTargetUntouched(string verb, string option)
    {
        // Arrange
        using var temp = new TempFolder();
        var target = temp.Write("target.txt", "kept\n");
        var link = SpecialFiles.Link(Path.Combine(temp.Path, "out", "result.txt"), target);
        var findings = temp.Write("in/findings.yaml", MiniRulebook.FindingsYaml);
        string[] args = [verb, verb == "batch" ? Path.Combine(temp.Path, "in") : findings, "--rules", Rules(temp), option, link];

        // Act
        var (exit, stdout, stderr) = SpecialFiles.WithinDeadline(() => Run(args));

        // Assert
        Assert.True(exit == (int)ExitCode.InvalidInput, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Matches(@"out/result\.txt:1:1: error GE108: cannot write output: it is a symbolic link", stderr);
        AssertEveryLineLocated(stderr);
        Assert.Equal("", stdout);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("kept\n", File.ReadAllText(target));
        Assert.Equal(["result.txt"], Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_NamedPipeAtThePath_Exit2WithinTheDeadlineStillAPipe()
    {
        // Arrange
        using var temp = new TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(temp.Path, "out", "result.csv"));
        temp.Write("in/findings.yaml", MiniRulebook.FindingsYaml);

        // Act
        var (exit, _, stderr) = SpecialFiles.WithinDeadline(
            () => Run(["batch", Path.Combine(temp.Path, "in"), "--rules", Rules(temp), "--format", "csv", "--output", fifo]), fifo);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("error GE108: cannot write output: it is a named pipe (FIFO)", stderr, StringComparison.Ordinal);
        Assert.Equal(GradingEngine.Files.FileKind.NamedPipe, GradingEngine.Files.FileSystemProbe.Kind(fifo, followLinks: false, out _));
    }

    [Fact]
    public void Output_Dash_WritesToStandardOutput()
    {
        // Arrange
        using var temp = new TempFolder();
        var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml);
        var report = Path.Combine(temp.Path, "report.txt");

        // Act
        var toStdout = Run(["grade", findings, "--rules", Rules(temp), "--output", "-"]);
        var recordToStdout = Run(["grade", findings, "--rules", Rules(temp), "--record", "-", "--output", report]);
        var both = Run(["grade", findings, "--rules", Rules(temp), "--record", "-"]);

        // Assert
        Assert.Equal((0, Run(["grade", findings, "--rules", Rules(temp)]).Stdout), (toStdout.Exit, toStdout.Stdout));
        Assert.False(File.Exists(Path.Combine(temp.Path, "-")));
        Assert.Equal(0, recordToStdout.Exit);
        Assert.StartsWith("{", recordToStdout.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"gradingengine-decision-record/1\"", recordToStdout.Stdout, StringComparison.Ordinal);
        Assert.Contains("Overall", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.InvalidInput, both.Exit);
        Assert.Contains("`--record -`", both.Stderr, StringComparison.Ordinal);
    }

    private const string Escapes = "\\e]0;pwned\\a\\e[2J";

    /// <summary>The mini findings with ESC, BEL and a right-to-left override in a quote, and ESC in the force's name.</summary>
    private static readonly string HostileText = MiniRulebook.FindingsYaml
        .Replace("force: Example Force", $"force: \"Example {Escapes} Force\"", StringComparison.Ordinal)
        .Replace("quote: Prevention is a clear priority.", $"quote: \"Prevention {Escapes} is a \\u202Eclear priority.\"", StringComparison.Ordinal);

    [Theory]
    [InlineData("explain", "text")]
    [InlineData("grade", "text")]
    [InlineData("grade", "markdown")]
    [InlineData("grade", "html")]
    public void Output_EscapeAndBidiOverrideInAQuote_Exit0ShownEscaped(string verb, string format)
    {
        // Arrange
        using var temp = new TempFolder();
        var findings = temp.Write("findings.yaml", HostileText);
        string[] args = verb == "explain"
            ? [verb, findings, "--question", "Q1", "--rules", Rules(temp), "--format", format]
            : [verb, findings, "--rules", Rules(temp), "--format", format];

        // Act
        var (exit, stdout, stderr) = Run(args);

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain(stdout, c => (char.IsControl(c) && c != '\n') || c == '\u202E');
        // `grade` in text shows the evidence's ids, not its quotes.
        if (verb != "grade" || format != "text") Assert.Contains("\\u202e", stdout, StringComparison.Ordinal);
        if (format == "text")
        {
            Assert.Contains("\\u001b]0;pwned\\u0007\\u001b[2J", stdout, StringComparison.Ordinal);
            Assert.Contains("Example \\u001b]0;pwned", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Diagnostics_NulAndLineBreakInEchoedValues_EachErrorOneLocatedLine()
    {
        // Arrange
        using var temp = new TempFolder();
        var text = MiniRulebook.FindingsYaml
            .Replace("inspection: mini-1", "inspection: \"mini\\0one\"", StringComparison.Ordinal)
            .Replace("force: Example Force", "force: Example Force\n\"bad\\nkey\\e[2J\": 1", StringComparison.Ordinal);
        var findings = temp.Write("findings.yaml", text);

        // Act
        var (exit, stdout, stderr) = Run(["grade", findings, "--rules", Rules(temp)]);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Equal("", stdout);
        AssertEveryLineLocated(stderr);
        Assert.Contains("findings.yaml:1:13: error GE204: `mini\\u0000one` is not a valid id", stderr, StringComparison.Ordinal);
        Assert.Contains("error GE200: unknown key `bad\\u000akey\\u001b[2J` in findings file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageError_ControlCharactersInAnArgument_ShownEscaped()
    {
        // Act
        var (exit, _, stderr) = Run(["grade", "--\u001b[2J\u202E"]);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.DoesNotContain(stderr, c => (char.IsControl(c) && c != '\n') || c == '\u202E');
        Assert.Contains("\\u001b[2J\\u202e", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grade")]
    [InlineData("batch")]
    public void Argument_StartingWithAt_IsAFileNameNotAResponseFile(string verb)
    {
        // Arrange: a relative name that exists nowhere, as `@SUM(1+1).csv` did.
        var name = $"@SUM(1+1)-{Guid.NewGuid():N}.csv";

        // Act
        var (exit, stdout, stderr) = Run([verb, name, "--rules", Repo.DefaultRules]);

        // Assert
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{name}:1:1: error GE100: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Response file", stderr, StringComparison.OrdinalIgnoreCase);
        AssertEveryLineLocated(stderr);
    }

    private static string Rules(TempFolder temp) =>
        Directory.Exists(Path.Combine(temp.Path, "rules")) ? Path.Combine(temp.Path, "rules") : new MiniRulebook().WriteTo(temp);

    private static string OutputFolder(TempFolder temp) => Directory.CreateDirectory(Path.Combine(temp.Path, "out")).FullName;

    private static string Output(TempFolder temp) => Path.Combine(OutputFolder(temp), "result.txt");

    private static (int Exit, string Stdout, string Stderr) Run(string[] args) => CliRun.Run(args);

    private static void AssertEveryLineLocated(string stderr) => CliRun.AssertEveryLineLocated(stderr);
}
