using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Model;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The order findings are listed in is not evidence: permuting the seed's findings, in memory or in
/// the file itself, never changes the JSON trace.
/// </summary>
public class OrderIndependenceProperties
{
    private static readonly Lazy<string> SeedJson = new(() =>
        Normalise(JsonRenderer.Render(GradingPipeline.Grade(PropertyFixtures.Shipped, PropertyFixtures.Seed)), PropertyFixtures.Seed));

    private static readonly Lazy<SeedFile> SeedText = new(() => SeedFile.Parse(File.ReadAllText(Repo.SeedFindings)));

    [Property(MaxTest = 100)]
    public Property Render_ShuffledFindingsInMemory_ByteIdenticalJson()
    {
        var seed = PropertyFixtures.Seed;
        var original = GradingPipeline.Grade(PropertyFixtures.Shipped, seed);
        var expectedJson = JsonRenderer.Render(original);
        var expectedText = TextRenderer.Render(original);
        return Prop.ForAll(Permutations(seed.Findings.Count), permutation =>
        {
            // Arrange
            var shuffled = seed with { Findings = permutation.Select(i => seed.Findings[i]).ToList() };

            // Act
            var result = GradingPipeline.Grade(PropertyFixtures.Shipped, shuffled);

            // Assert
            AssertSame(expectedJson, JsonRenderer.Render(result), permutation);
            AssertSame(expectedText, TextRenderer.Render(result), permutation);
        });
    }

    [Property(MaxTest = 40)]
    public Property Render_ShuffledFindingsInFile_IdenticalJsonApartFromFileAndHash()
    {
        var file = SeedText.Value;
        return Prop.ForAll(Permutations(file.Blocks.Count), permutation =>
        {
            // Arrange
            using var temp = new TempFolder();
            File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
            var path = temp.Write("findings.yaml", file.Render(permutation));
            var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(path, PropertyFixtures.Shipped), path);

            // Act
            var actual = Normalise(JsonRenderer.Render(GradingPipeline.Grade(PropertyFixtures.Shipped, inspection)), inspection);

            // Assert
            AssertSame(SeedJson.Value, actual, permutation);
        });
    }

    [Fact]
    public void SeedFile_RenderedInOriginalOrder_IsTheSeedFile()
    {
        // Arrange: the block splitter the file property relies on must lose nothing.
        var text = File.ReadAllText(Repo.SeedFindings);
        var file = SeedFile.Parse(text);

        // Act
        var rendered = file.Render([.. Enumerable.Range(0, file.Blocks.Count)]);

        // Assert
        Assert.Equal(PropertyFixtures.Seed.Findings.Count, file.Blocks.Count);
        Assert.Equal(text.ReplaceLineEndings("\n"), rendered);
    }

    [Fact]
    public void Render_ReversedFindingsInFile_StillHasEveryFinding()
    {
        // Arrange: guards the file property against comparing two empty traces.
        var file = SeedText.Value;
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
        var path = temp.Write("findings.yaml", file.Render([.. Enumerable.Range(0, file.Blocks.Count).Reverse()]));

        // Act
        var inspection = PropertyFixtures.Succeed(GradingPipeline.LoadInspection(path, PropertyFixtures.Shipped), path);

        // Assert
        Assert.Equal(PropertyFixtures.Seed.Findings.Count, inspection.Findings.Count);
        Assert.Equal(PropertyFixtures.Seed.Findings[^1].Id, inspection.Findings[0].Id);
        Assert.NotEqual(PropertyFixtures.Seed.Sha256, inspection.Sha256);
    }

    private static Arbitrary<int[]> Permutations(int count) => Arb.From(Gen.Shuffle(Enumerable.Range(0, count)));

    /// <summary>Blanks the two values that name the findings file rather than its content.</summary>
    private static string Normalise(string json, Inspection inspection) =>
        json.Replace($"\"file\": \"{inspection.Path.Replace('\\', '/')}\"", "\"file\": \"<findings>\"", StringComparison.Ordinal)
            .Replace($"\"sha256\": \"{inspection.Sha256}\"", "\"sha256\": \"<sha256>\"", StringComparison.Ordinal);

    private static void AssertSame(string expected, string actual, int[] permutation)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"output differs at line {line + 1} for permutation [{string.Join(",", permutation)}]:\n" +
                    $"  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}");
    }

    /// <summary>
    /// The seed findings file cut into the text before the findings, one block per finding (a block
    /// runs from its `  - id:` line to the next; comments travel with the finding above them), and
    /// the text after the findings list.
    /// </summary>
    private sealed record SeedFile(string Head, IReadOnlyList<string> Blocks, string Tail)
    {
        public static SeedFile Parse(string text)
        {
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            var start = Array.FindIndex(lines, l => l.StartsWith("  - id:", StringComparison.Ordinal));
            Assert.True(start > 0, "no finding in the seed file");
            var end = Array.FindIndex(lines, start, l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l[0] != '#');
            if (end < 0) end = lines.Length;
            var blocks = new List<string>();
            var block = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                if (i > start && lines[i].StartsWith("  - id:", StringComparison.Ordinal))
                {
                    blocks.Add(block.ToString());
                    block.Clear();
                }
                block.Append(lines[i]).Append('\n');
            }
            blocks.Add(block.ToString());
            var head = string.Join("\n", lines[..start]) + "\n";
            var tail = string.Join("\n", lines[end..]);
            // The last block took the file's final newline; give it back to the tail.
            if (end == lines.Length)
            {
                blocks[^1] = blocks[^1][..^1];
                tail = "";
            }
            return new SeedFile(head, blocks, tail);
        }

        public string Render(int[] permutation)
        {
            var text = new StringBuilder(Head);
            foreach (var i in permutation)
            {
                var block = Blocks[i];
                text.Append(block);
                if (!block.EndsWith('\n')) text.Append('\n');
            }
            return text.Append(Tail).ToString();
        }
    }
}
