using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

/// <summary>Every verb reads YAML, JSON and CSV findings alike, and validate finds proposed grades as batch pairs them.</summary>
public class FindingsFormatsCliTests
{
    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Grade_SeedInAnotherFormat_SameTextAsYaml(string format)
    {
        using var temp = new TempFolder();
        var path = format == "csv" ? SeedFormats.WriteCsv(temp) : SeedFormats.WriteJson(temp);

        var yaml = Run("grade", Repo.SeedFindings);
        var other = Run("grade", path);

        Assert.Equal(0, other.Exit);
        Assert.Equal("", other.Stderr);
        Assert.Equal(yaml.Stdout, other.Stdout);
    }

    [Fact]
    public void Explain_SeedCsv_SameTraceAsYaml()
    {
        using var temp = new TempFolder();
        var csv = SeedFormats.WriteCsv(temp);

        var yaml = Run("explain", Repo.SeedFindings, "--question", "Q3");
        var fromCsv = Run("explain", csv, "--question", "Q3");

        Assert.Equal(0, fromCsv.Exit);
        Assert.Equal(yaml.Stdout, fromCsv.Stdout);
    }

    [Fact]
    public void Validate_SeedCsvWithProposedFile_Agrees()
    {
        using var temp = new TempFolder();
        var csv = SeedFormats.WriteCsv(temp);

        var run = Run("validate", csv, "--proposed", Repo.SeedProposed);

        Assert.Equal((int)ExitCode.Success, run.Exit);
        Assert.Contains("0 differ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeedCsvWithoutProposed_SaysCsvPairsWithNone()
    {
        using var temp = new TempFolder();
        var csv = SeedFormats.WriteCsv(temp);
        File.Copy(Repo.SeedProposed, Path.Combine(temp.Path, "proposed.yaml"));

        var run = Run("validate", csv);

        Assert.Equal((int)ExitCode.InvalidInput, run.Exit);
        Assert.Contains("error GE201: no proposed grades to validate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("CSV findings pair with no proposed-grades file: pass `--proposed FILE`", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Validate_CsvOfTwoInspections_AsksForOne()
    {
        using var temp = new TempFolder();
        var csv = SeedFormats.WriteCsv(temp, secondInspection: "another-inspection");

        var validate = Run("validate", csv, "--proposed", Repo.SeedProposed);
        var grade = Run("grade", csv, "--format", "json");

        Assert.Equal((int)ExitCode.InvalidInput, validate.Exit);
        Assert.Matches(@"seed\.csv:1:1: error GE206: the file holds 2 inspections \(`another-inspection`, `west-mercia-2015-effectiveness`\)|seed\.csv:1:1: error GE206: the file holds 2 inspections \(`west-mercia-2015-effectiveness`, `another-inspection`\)", validate.Stderr);
        Assert.Equal(0, grade.Exit);
        Assert.Contains("\"inspections\"", grade.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeedFolder_PairsProposedYamlAsBatchDoes()
    {
        var validate = Run("validate", Repo.SeedFindings);
        var batch = Run("batch", Repo.SeedFindings);

        Assert.Equal((int)ExitCode.Success, validate.Exit);
        Assert.Contains("5 agree, 0 differ", validate.Stdout, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.Success, batch.Exit);
        Assert.Contains("5 of 5", batch.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("findings.yaml", "proposed.yaml", true)]
    [InlineData("findings.yaml", "proposed.json", true)]
    [InlineData("x.findings.yaml", "x.proposed.yml", true)]
    [InlineData("x.findings.yaml", "proposed.yaml", false)]
    [InlineData("seed.yaml", "proposed.yaml", false)]
    public void Validate_ProposedFileBesideFindings_PairedByName(string findings, string proposed, bool paired)
    {
        using var temp = new TempFolder();
        var path = temp.Write(Path.Combine("case", findings), File.ReadAllText(Repo.SeedFindings));
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "case", "report.txt"));
        temp.Write(Path.Combine("case", proposed), File.ReadAllText(Repo.SeedProposed));

        var run = Run("validate", path);

        Assert.Equal(paired ? (int)ExitCode.Success : (int)ExitCode.InvalidInput, run.Exit);
        if (!paired) Assert.Contains("put `proposed.yaml` beside `findings.yaml`", run.Stderr, StringComparison.Ordinal);
    }
}
