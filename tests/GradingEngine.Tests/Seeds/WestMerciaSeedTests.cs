using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GradingEngine.Load;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Seeds;

/// <summary>The seed case is faithful to its report and covers it: quotes, areas, summaries and every area for improvement.</summary>
public partial class WestMerciaSeedTests
{
    private static readonly Lazy<(Rulebook Rulebook, Inspection Inspection)> Seed = new(() =>
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        return (rulebook.Rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
    });

    private static string Report => InspectionLoader.Collapse(File.ReadAllText(Path.Combine(Repo.SeedFolder, "report.txt")));

    [Fact]
    public void ReportTxt_IsTheSharedSeedVerbatim()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Repo.SeedFolder, "report.txt"))));

        Assert.Equal("b42a8265a85493df393cd029d51b69986438c355c5eb16c60e334a8ff981a198", hash);
    }

    [Fact]
    public void Findings_EveryQuote_OccursInTheReport()
    {
        var report = Report;

        var missing = Seed.Value.Inspection.Findings.Where(f => !report.Contains(InspectionLoader.Collapse(f.Quote), StringComparison.Ordinal)).Select(f => f.Id);

        Assert.Empty(missing);
    }

    [Fact]
    public void Findings_CoverEveryQuestionAndEveryArea()
    {
        var (rulebook, inspection) = Seed.Value;
        var areasCoded = inspection.Findings.Select(f => (f.QuestionId, rulebook.Codebook.Find(f.IndicatorId)!.AreaId)).ToHashSet();

        Assert.True(inspection.Findings.Count >= 60);
        Assert.All(rulebook.Questions, q => Assert.True(inspection.Findings.Count(f => f.QuestionId == q.Id) >= 10, q.Id));
        Assert.All(rulebook.Questions.SelectMany(q => q.Areas.Select(a => (q.Id, a.Id))), area => Assert.Contains(area, areasCoded));
    }

    [Fact]
    public void Findings_CodeEverySummaryOfFindings()
    {
        var (rulebook, inspection) = Seed.Value;

        Assert.All(rulebook.Questions, q =>
            Assert.Contains(inspection.Findings, f => f.QuestionId == q.Id && f.Source.Contains("Summary of findings", StringComparison.Ordinal)));
    }

    [Fact]
    public void Findings_CodeEveryAreasForImprovementBullet()
    {
        var bullets = AreaForImprovementBullets().ToList();
        var quotes = Seed.Value.Inspection.Findings.Select(f => InspectionLoader.Collapse(f.Quote)).ToList();

        Assert.Equal(7, bullets.Count);
        Assert.All(bullets, bullet => Assert.Contains(quotes, q => Overlaps(bullet, q)));
    }

    /// <summary>A quote codes a bullet when one contains a substantial part of the other.</summary>
    private static bool Overlaps(string bullet, string quote) =>
        (quote.Length >= 40 && bullet.Contains(quote, StringComparison.Ordinal)) || quote.Contains(bullet, StringComparison.Ordinal);

    /// <summary>The "•" bullets that follow each "Areas for improvement" heading of the report.</summary>
    private static IEnumerable<string> AreaForImprovementBullets()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.SeedFolder, "report.txt"));
        var inSection = false;
        string? bullet = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line == "Areas for improvement")
            {
                inSection = true;
                continue;
            }
            if (!inSection) continue;
            if (line.StartsWith('•'))
            {
                if (bullet is not null) yield return InspectionLoader.Collapse(bullet);
                bullet = line[1..];
            }
            else if (bullet is not null && line.Length > 0 && !raw.StartsWith(' ') && !line.StartsWith("http", StringComparison.Ordinal))
            {
                bullet += " " + line;
            }
            else if (bullet is not null)
            {
                yield return InspectionLoader.Collapse(bullet);
                bullet = null;
                inSection = line.Length == 0;
            }
        }
        if (bullet is not null) yield return InspectionLoader.Collapse(bullet);
    }

    [Fact]
    public void Rulebook_IsGeneral_AtLeastFortyCriteriaNeverNamingTheForce()
    {
        var rulebook = Seed.Value.Rulebook;
        // The rulebook's own files; its tests may name forces, as the published grades they check against do.
        var files = Directory.EnumerateFiles(Repo.DefaultRules, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(Repo.DefaultRules, f).Split(Path.DirectorySeparatorChar)[0] != "tests")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(rulebook.Criteria.Count >= 40);
        Assert.All(rulebook.Questions, q => Assert.True(rulebook.Criteria.Count(c => c.QuestionId == q.Id) >= 10, q.Id));
        Assert.All(files, f => Assert.DoesNotMatch(ForceName(), File.ReadAllText(f)));
    }

    [GeneratedRegex("west mercia|worcester|shropshire|herefordshire|telford", RegexOptions.IgnoreCase)]
    private static partial Regex ForceName();
}
