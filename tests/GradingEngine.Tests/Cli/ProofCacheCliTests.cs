using GradingEngine.Cli;
using GradingEngine.Grading;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

public class ProofCacheCliTests
{
    private static (int Exit, string Stdout, string Stderr) Run(ProofCache proofs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr, proofs);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Grade_TwiceWithOneCache_ProvesOnceAndPrintsTheSameBytes()
    {
        // Arrange
        using var temp = new TempFolder();
        var proofs = new ProofCache(Path.Combine(temp.Path, "proofs"));

        // Act
        var first = Run(proofs, "grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "json");
        var entries = Directory.GetFiles(proofs.Directory);
        var second = Run(proofs, "grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", "json");

        // Assert
        Assert.Equal(0, first.Exit);
        Assert.Single(entries);
        Assert.Equal(first, second);
        Assert.Equal(entries, Directory.GetFiles(proofs.Directory));
    }

    [Fact]
    public void RulesCheck_NeverReadsOrWritesTheCache()
    {
        // Arrange
        using var temp = new TempFolder();
        var proofs = new ProofCache(Path.Combine(temp.Path, "proofs"));

        // Act
        var check = Run(proofs, "rules", "check", Repo.DefaultRules);

        // Assert: it proved (the tables are listed as checked exhaustively) and kept nothing.
        Assert.Equal(0, check.Exit);
        Assert.Contains("checked exhaustively", check.Stdout);
        Assert.False(Directory.Exists(proofs.Directory));
    }

    [Fact]
    public void Grade_RulebookWhoseProofFails_IsRefusedEveryTimeWithTheSameErrors()
    {
        // Arrange: `good` only with at most one strength, so more strengths can lower the grade (GE504).
        using var temp = new TempFolder();
        var rules = new MiniRulebook().With("thresholds.yaml", MiniRulebook.NotMonotoneThresholdsYaml).WriteTo(temp);
        var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml);
        var proofs = new ProofCache(Path.Combine(temp.Path, "proofs"));

        // Act
        var first = Run(proofs, "grade", findings, "--rules", rules);
        var second = Run(proofs, "grade", findings, "--rules", rules);
        var validate = Run(proofs, "validate", findings, "--rules", rules);

        // Assert
        Assert.Equal(2, first.Exit);
        Assert.Contains("error GE504", first.Stderr);
        Assert.Equal("", first.Stdout);
        Assert.Equal(first, second);
        Assert.Equal((2, "", first.Stderr), validate);
        CliRun.AssertEveryLineLocated(first.Stderr);
    }
}
