using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Cli;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Agreement;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// `grading agree`: the order findings are listed in is not evidence, the coders' labels are not evidence
/// (kappa is the same with A and B swapped), and a coding agrees fully with itself.
/// </summary>
public class AgreementProperties
{
    private static string Example(string file) => Path.Combine(Repo.Root, "seeds", "agreement-example", file);

    private static readonly Lazy<(Inspection A, Inspection B)> Codings = new(() =>
    {
        var rulebook = PropertyFixtures.Shipped;
        return (PropertyFixtures.Succeed(GradingPipeline.LoadInspection(Example("coder-a.yaml"), rulebook), "coder-a.yaml"),
                PropertyFixtures.Succeed(GradingPipeline.LoadInspection(Example("coder-b.yaml"), rulebook), "coder-b.yaml"));
    });

    /// <summary>What an alignment says, by finding id, in its own order.</summary>
    private static string Describe(Alignment alignment) =>
        string.Join(" ", alignment.Pairs.Select(p => $"{p.A.Id}={p.B.Id}:{p.SharedWords}")) + " | " +
        string.Join(" ", alignment.OnlyA.Select(f => f.Id)) + " | " + string.Join(" ", alignment.OnlyB.Select(f => f.Id)) + " | " +
        string.Join(" ", CodingDisagreement.Of(alignment).Select(d => $"{d.Id}:{d.A?.Id}/{d.B?.Id}"));

    [Property(MaxTest = 200)]
    public Property Align_ShuffledFindings_SameAlignment()
    {
        var (a, b) = Codings.Value;
        var expected = Describe(PassageAligner.Align(a.Findings, b.Findings));
        var permutations = Gen.Shuffle(Enumerable.Range(0, a.Findings.Count)).SelectMany(pa => Gen.Shuffle(Enumerable.Range(0, b.Findings.Count)).Select(pb => (pa, pb)));
        return Prop.ForAll(Arb.From(permutations), p =>
        {
            // Act
            var alignment = PassageAligner.Align([.. p.pa.Select(i => a.Findings[i])], [.. p.pb.Select(i => b.Findings[i])]);

            // Assert
            Assert.Equal(expected, Describe(alignment));
        });
    }

    [Property(MaxTest = 10)]
    public Property Agree_ShuffledFindingsInTheFiles_ByteIdenticalJsonApartFromFileHashes()
    {
        var texts = (A: File.ReadAllText(Example("coder-a.yaml")), B: File.ReadAllText(Example("coder-b.yaml")));
        var expected = Normalise(Json(Example("coder-a.yaml"), Example("coder-b.yaml")));
        var (blocksA, blocksB) = (FindingBlocks.Parse(texts.A), FindingBlocks.Parse(texts.B));
        var permutations = Gen.Shuffle(Enumerable.Range(0, blocksA.Blocks.Count)).SelectMany(pa => Gen.Shuffle(Enumerable.Range(0, blocksB.Blocks.Count)).Select(pb => (pa, pb)));
        return Prop.ForAll(Arb.From(permutations), p =>
        {
            // Arrange
            using var temp = new TempFolder();
            File.Copy(Example("report.txt"), Path.Combine(temp.Path, "report.txt"));
            var a = temp.Write("coder-a.yaml", blocksA.Render(p.pa));
            var b = temp.Write("coder-b.yaml", blocksB.Render(p.pb));

            // Act
            var actual = Normalise(Json(a, b));

            // Assert
            Assert.Equal(expected, actual);
        });
    }

    [Property(MaxTest = 300)]
    public Property Kappa_CodersSwapped_ExactlyTheSame()
    {
        var items = Gen.Elements("a", "b", "c", "d").Two().ArrayOf();
        var ranks = Gen.Choose(0, 3).Two().ArrayOf();
        return Prop.ForAll(Arb.From(items), Arb.From(ranks), (nominal, ordinal) =>
        {
            // Arrange
            var swapped = nominal.Select(i => (i.Item2, i.Item1)).ToList();
            var swappedRanks = ordinal.Select(i => (i.Item2, i.Item1)).ToList();

            // Act, Assert: bit for bit, undefined alike.
            Assert.Equal(Kappa.Cohen([.. nominal.Select(i => (i.Item1, i.Item2))]), Kappa.Cohen(swapped));
            foreach (var weights in new[] { KappaWeights.Linear, KappaWeights.Quadratic })
            {
                Assert.Equal(Kappa.Weighted([.. ordinal.Select(i => (i.Item1, i.Item2))], 4, weights), Kappa.Weighted(swappedRanks, 4, weights));
            }
        });
    }

    [Property(MaxTest = 10)]
    public Property Agree_AFileWithItself_KappaOneAndExitZero()
    {
        var seed = FindingBlocks.Parse(File.ReadAllText(Repo.SeedFindings));
        var subsets = Gen.Shuffle(Enumerable.Range(0, seed.Blocks.Count)).SelectMany(order => Gen.Choose(1, order.Length).Select(n => order[..n]));
        return Prop.ForAll(Arb.From(subsets), subset =>
        {
            // Arrange
            using var temp = new TempFolder();
            File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
            var path = temp.Write("findings.yaml", seed.Render(subset));
            var (stdout, stderr) = (new StringWriter(), new StringWriter());

            // Act
            var exit = GradingCli.Run(["agree", path, path, "--format", "json"], stdout, stderr);

            // Assert: every kappa is 1, or undefined when every item is in one category.
            Assert.True(exit == (int)ExitCode.Success, stderr.ToString());
            using var json = JsonDocument.Parse(stdout.ToString());
            var pair = json.RootElement.GetProperty("pairs")[0];
            Assert.Empty(pair.GetProperty("disagreements").EnumerateArray());
            foreach (var figure in pair.GetProperty("figures").EnumerateArray())
            {
                var kappas = figure.GetProperty("judgements").EnumerateArray().SelectMany(j => new[] { j.GetProperty("linearKappa"), j.GetProperty("quadraticKappa") })
                    .Append(figure.GetProperty("indicators").GetProperty("kappa"));
                Assert.All(kappas, k => Assert.True(k.ValueKind == JsonValueKind.Null || k.GetDouble() == 1.0, $"kappa {k} in {figure}"));
                Assert.Equal(figure.GetProperty("findingsA").GetInt32(), figure.GetProperty("passages").GetInt32());
            }
        });
    }

    private static string Json(string a, string b)
    {
        var report = GradingPipeline.Agree(Repo.DefaultRules, a, b);
        Assert.True(report.Succeeded);
        return AgreementRenderer.RenderJson(report.Value!);
    }

    /// <summary>Blanks the values that name the files rather than their content.</summary>
    private static string Normalise(string json) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(json, "\"file\": \"[^\"]*\"", "\"file\": \"<file>\""),
            "\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"<sha256>\"");

    /// <summary>A findings file cut into what comes before its findings and one block per finding (comments travel with the finding above them).</summary>
    private sealed record FindingBlocks(string Head, IReadOnlyList<string> Blocks)
    {
        public static FindingBlocks Parse(string text)
        {
            var parts = text.ReplaceLineEndings("\n").TrimEnd('\n').Split("\n  - id: ");
            return new FindingBlocks(parts[0] + "\n", [.. parts.Skip(1).Select(p => "  - id: " + p + "\n")]);
        }

        public string Render(IEnumerable<int> order) => Head + string.Concat(order.Select(i => Blocks[i]));
    }
}
