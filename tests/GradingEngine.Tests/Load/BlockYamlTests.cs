using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

/// <summary>
/// <see cref="BlockYaml"/>, the fast reader of plain block YAML, must give exactly the tree YamlDotNet's path
/// gives (values, kinds, positions, last lines) whenever it reads a text, and give up whenever YamlDotNet
/// reports an error. Compared on every YAML file of the repository, on hand-written cases at its edges and
/// on seeded mutations of the shipped rulebooks.
/// </summary>
public class BlockYamlTests
{
    private const string Path = "input.yaml";

    private static string Describe(YNode node) => YamlTree.Describe(node);

    /// <summary>Null when the fast reader gave up; otherwise asserts both readers agree.</summary>
    private static bool? Compare(string text, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        var bag = new DiagnosticBag();
        var full = YamlReader.ParseFully(Path, text, limits, bag);
        var fast = BlockYaml.TryParse(Path, text, limits);
        if (fast is null) return null;
        Assert.False(bag.HasErrors, $"the fast reader read a text YamlDotNet rejects:\n{text}");
        Assert.NotNull(full);
        string expected = Describe(full!), actual = Describe(fast);
        Assert.True(expected == actual, $"the trees differ for:\n{text.Replace("\n", "\u21b5\n")}\nYamlDotNet:\n{expected}\nfast:\n{actual}");
        return true;
    }

    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Root, "*.y*ml", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}.git{System.IO.Path.DirectorySeparatorChar}"))
                     .Select(f => System.IO.Path.GetRelativePath(Repo.Root, f))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void TryParse_RepositoryFile_SameTreeAsYamlDotNetOrGivesUp(string file)
    {
        Compare(File.ReadAllText(System.IO.Path.Combine(Repo.Root, file)));
    }

    [Fact]
    public void TryParse_ShippedRulebooks_AreReadByTheFastReader()
    {
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(Repo.Root, "rules", "peel-2015-effectiveness"), "*.yaml", SearchOption.AllDirectories))
        {
            if (file.Contains($"{System.IO.Path.DirectorySeparatorChar}tests{System.IO.Path.DirectorySeparatorChar}")) continue;
            Assert.True(Compare(File.ReadAllText(file)), file);
        }
    }

    [Theory]
    [InlineData("a: 1\n")]
    [InlineData("a: 1")]
    [InlineData("a: 1\n# trailing comment")]
    [InlineData("a: 1\n# trailing comment\n")]
    [InlineData("a: 1\n   \n")]
    [InlineData("a: 1\n   ")]
    [InlineData("a:\n")]
    [InlineData("a:")]
    [InlineData("a: # nothing\nb: 2\n")]
    [InlineData("a:\nb: 2\n")]
    [InlineData("a:\n  b: 2\n  c:\n    - x\n    - 'y'\n    - \"z\"\nd: [p, q r, s-t]\ne: []\n")]
    [InlineData("a:\n  - id: 1\n    t: x\n\n  # between\n  - id: 2\n    t: y # c\n# end\n\n")]
    [InlineData("a:\n- x\n")]
    [InlineData("a: 'it''s'\nb: \"say \\\"hi\\\" \\\\ ok\"\n")]
    [InlineData("a: \"\\n\"\n")]
    [InlineData("a: x: y\n")]
    [InlineData("a: x:\n")]
    [InlineData("a: x:y\n")]
    [InlineData("a: x #c\nb: y#z\n")]
    [InlineData("a: -1\nb: - x\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: b\n  # c\nd: e\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: |\n  x\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("  a: 1\n  b: 2\n")]
    [InlineData("  a: 1\nb: 2\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a:\n  - x\n  y: 1\n")]
    [InlineData("a:\n  - x\n   - y\n")]
    [InlineData("a:\n    - x\n  - y\n")]
    [InlineData("a: [x, y\n")]
    [InlineData("a: [x, y]]\n")]
    [InlineData("a: [x,, y]\n")]
    [InlineData("a: [x, y,]\n")]
    [InlineData("a: [x: 1]\n")]
    [InlineData("a: 'x\n  y'\n")]
    [InlineData("a: 'x'y\n")]
    [InlineData("a: 'x' y\n")]
    [InlineData("a: 'x'#y\n")]
    [InlineData("a: x\t\n")]
    [InlineData("a: x\r\nb: y\r\n")]
    [InlineData("a: ünïcödé ☃\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a:\n  -\n    b: 1\n")]
    [InlineData("a:\n  -   b: 1\n      c: 2\n")]
    [InlineData("a:\n  - - x\n")]
    [InlineData("a:  \n  b: 1\n")]
    [InlineData("a: x   \nb: y  # c  \n")]
    [InlineData("key.with-dots/and_more: 1\n")]
    [InlineData("a: ---\nb: ...\n")]
    [InlineData("a:\n  - ---\n")]
    [InlineData("a: %x\n")]
    [InlineData("a: ?x\n")]
    [InlineData("a: :x\n")]
    [InlineData("a: x ]\n")]
    [InlineData("a:\n  b: 1\n\n\n# c\n\n  # d\nz: 2\n")]
    [InlineData("a:\n  - b: 1\n    c:\n      d: 2\n  - e\n")]
    [InlineData("a:\n  - b: 1\n\n    # c\n\n  - d: 2\n    # e\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void TryParse_EdgeCase_SameTreeAsYamlDotNetOrGivesUp(string text)
    {
        Compare(text);
    }

    [Fact]
    public void TryParse_PastTheLimits_GivesUp()
    {
        Assert.Null(BlockYaml.TryParse(Path, "a:\n  b:\n    c: 1\n", LoadLimits.Default with { MaxDepth = 2 }));
        Assert.Null(BlockYaml.TryParse(Path, "a: 1\nb: 2\n", LoadLimits.Default with { MaxNodes = 3 }));
        Assert.NotNull(BlockYaml.TryParse(Path, "a: 1\nb: 2\n", LoadLimits.Default with { MaxNodes = 5 }));
    }

    [Fact]
    public void TryParse_MutatedRulebookFiles_SameTreeAsYamlDotNetOrGivesUp()
    {
        // Seeded mutations of the shipped rulebook's files: characters YAML treats specially inserted, lines
        // re-indented, duplicated or dropped. Wherever the fast reader still reads the text, the trees agree.
        var random = new Random(19);
        var files = Directory.EnumerateFiles(System.IO.Path.Combine(Repo.Root, "rules", "peel-2015-effectiveness"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        string[] inserts = [":", ": ", " #", "#", "-", "- ", "'", "\"", "[", "]", ",", " ", "  ", "\n", "\n  ", "&a ", "*a", "!", "|", ">", "?", "\\", "''", "x: y", "\n- ", "\n\n"];
        var read = 0;
        for (var n = 0; n < 3000; n++)
        {
            var text = files[random.Next(files.Count)];
            // Keep the texts short: a window of lines around a random place.
            var lines = text.Split('\n');
            // From a list item or a top-level key, so that most windows are whole YAML.
            var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal) || (lines[i].Length > 0 && char.IsAsciiLetter(lines[i][0]))).ToList();
            var from = starts[random.Next(starts.Count)];
            var window = lines.Skip(from).Take(random.Next(3, 40)).ToList();
            switch (random.Next(4))
            {
                case 0:
                {
                    var joined = string.Join('\n', window);
                    var at = random.Next(joined.Length + 1);
                    window = (joined[..at] + inserts[random.Next(inserts.Length)] + joined[at..]).Split('\n').ToList();
                    break;
                }
                case 1 when window.Count > 0:
                {
                    var i = random.Next(window.Count);
                    window[i] = random.Next(2) == 0 ? " " + window[i] : window[i].TrimStart().PadLeft(window[i].Length - 1 < 0 ? 0 : window[i].Length - 1);
                    break;
                }
                case 2 when window.Count > 0:
                {
                    var i = random.Next(window.Count);
                    window.Insert(i, window[random.Next(window.Count)]);
                    break;
                }
                case 3 when window.Count > 1:
                    window.RemoveAt(random.Next(window.Count));
                    break;
            }
            // A window may start inside a nested block: dedent it so some texts parse.
            var indent = window.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
            var mutated = string.Join('\n', window.Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l));
            if (mutated.TrimStart().StartsWith("- ", StringComparison.Ordinal)) mutated = "top:\n" + string.Join('\n', mutated.Split('\n').Select(l => "  " + l));
            if (random.Next(2) == 0) mutated += "\n";
            if (Compare(mutated) == true) read++;
        }
        // Most mutations still read: the comparison is not vacuous.
        Assert.True(read > 600, $"only {read} mutated texts were read by the fast reader");
    }
}
