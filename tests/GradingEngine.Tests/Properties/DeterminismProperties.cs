using System.Globalization;
using GradingEngine.Cli;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Same inputs, same bytes: whatever the culture of the thread, however many sessions run at once,
/// however often the seed is graded.
/// </summary>
public class DeterminismProperties
{
    private sealed record Output(string Json, string Text);

    private static readonly Lazy<Output> Invariant = new(() => InCulture(CultureInfo.InvariantCulture, GradeSeedFromScratch));

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void Grade_SeedUnderCulture_SameJsonAndTextAsInvariant(string culture)
    {
        // Arrange
        var expected = Invariant.Value;

        // Act: load, check, compile, load findings, grade and render, all under the culture.
        var actual = InCulture(CultureInfo.GetCultureInfo(culture), GradeSeedFromScratch);

        // Assert
        Assert.Equal(expected.Json, actual.Json);
        Assert.Equal(expected.Text, actual.Text);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Cli_GradeSeedUnderCulture_SameStdoutAsInvariant(string culture)
    {
        foreach (var format in new[] { "text", "json" })
        {
            // Arrange
            string[] args = ["grade", Repo.SeedFindings, "--rules", Repo.DefaultRules, "--format", format];
            var expected = InCulture(CultureInfo.InvariantCulture, () => RunCli(args));

            // Act
            var actual = InCulture(CultureInfo.GetCultureInfo(culture), () => RunCli(args));

            // Assert
            Assert.Equal(0, expected.Exit);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    public void Grade_DecimalLiteralsUnderCulture_SameJsonAsInvariant(string culture)
    {
        // Arrange: a decimal literal in a rule and decimal values in findings, where a culture with a
        // decimal comma would read or write them differently.
        using var temp = new TempFolder();
        var rules = new MiniRulebook()
            .With("criteria/criteria.yaml", MiniRulebook.CriteriaYaml.Replace("f => f.value) > 5", "f => f.value) > 5.5", StringComparison.Ordinal))
            .WriteTo(temp);
        var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml.Replace("proposed:", """
              - id: F4
                question: Q1
                indicator: q1.prevention.crime-change
                value: 5.75
                quote: Crime rose by 5.75 points more than nationally.
                source: Q1 > Prevention
            proposed:
            """, StringComparison.Ordinal));
        string GradeMini()
        {
            var rulebook = PropertyFixtures.Succeed(GradingPipeline.LoadRulebook(rules), rules);
            var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(findings, rulebook), findings);
            var result = GradingPipeline.Grade(rulebook, inspection);
            return JsonRenderer.Render(result) + TextRenderer.Render(result);
        }
        var expected = InCulture(CultureInfo.InvariantCulture, GradeMini);

        // Act
        var actual = InCulture(CultureInfo.GetCultureInfo(culture), GradeMini);

        // Assert
        Assert.Contains("Crime changed by 5.75 points against national", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Grade_SeedInParallelSessions_IdenticalJsonEachTime()
    {
        // Arrange
        var rulebook = PropertyFixtures.Shipped;
        var seed = PropertyFixtures.Seed;
        var expected = JsonRenderer.Render(GradingPipeline.Grade(rulebook, seed));
        var outputs = new string[8];

        // Act
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = outputs.Length },
            i => outputs[i] = JsonRenderer.Render(GradingPipeline.Grade(rulebook, seed)));

        // Assert
        Assert.All(outputs, json => Assert.Equal(expected, json));
    }

    [Fact]
    public void Grade_SeedTwice_IdenticalBytes()
    {
        // Arrange
        var rulebook = PropertyFixtures.Shipped;
        var seed = PropertyFixtures.Seed;

        // Act
        var first = GradingPipeline.Grade(rulebook, seed);
        var second = GradingPipeline.Grade(rulebook, seed);

        // Assert
        Assert.Equal(JsonRenderer.Render(first), JsonRenderer.Render(second));
        Assert.Equal(TextRenderer.Render(first), TextRenderer.Render(second));
    }

    [Fact]
    public void LoadRulebook_Twice_IdenticalJson()
    {
        // Arrange: a second, independent compilation of the same folder.
        var again = PropertyFixtures.Succeed(GradingPipeline.LoadRulebook(Repo.DefaultRules), Repo.DefaultRules);
        var seed = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(Repo.SeedFindings, again), Repo.SeedFindings);

        // Act
        var json = JsonRenderer.Render(GradingPipeline.Grade(again, seed));

        // Assert
        Assert.Equal(JsonRenderer.Render(GradingPipeline.Grade(PropertyFixtures.Shipped, PropertyFixtures.Seed)), json);
    }

    private static Output GradeSeedFromScratch()
    {
        var rulebook = PropertyFixtures.Succeed(GradingPipeline.LoadRulebook(Repo.DefaultRules), Repo.DefaultRules);
        var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook), Repo.SeedFindings);
        var result = GradingPipeline.Grade(rulebook, inspection);
        return new Output(JsonRenderer.Render(result), TextRenderer.Render(result));
    }

    private static (int Exit, string Stdout, string Stderr) RunCli(string[] args)
    {
        // Like Console.Out: the writers format with the thread's culture.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var culture0 = CultureInfo.CurrentCulture;
        var ui0 = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }
}
