using System.Text.Encodings.Web;
using System.Text.Json;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// The fuzz harness that runs in CI: a fixed-seed budget of mutated inputs (the edits above, hostile
/// fragments included) for each loader — findings in YAML, JSON and CSV, each rulebook file, and the
/// conditions the parser reads — each run through the whole command line in process, as a user would.
/// Every run must exit 0, 1 or 2 (3 is an exception that escaped), print only located diagnostics
/// (`path:line:col: error CODE: message`, pointing into the input), and leave no output file when it
/// fails. The seeds are fixed so that CI is repeatable; a failure names the seed, the run and the input.
/// Coverage-guided fuzzing outside CI: docs/fuzzing.md.
/// </summary>
public partial class MalformedInputProperties
{
    private const string FindingsJson = """
        {"inspection": "mini-1", "force": "Example Force", "framework": "mini",
         "findings": [
          {"id": "F1", "question": "Q1", "indicator": "q1.prevention.priority", "judgement": "effective", "quote": "Prevention is a clear priority.", "source": "Q1 > Prevention"},
          {"id": "F2", "question": "Q1", "indicator": "q1.partnership.working", "judgement": "inconsistent", "quote": "Partnership working is inconsistent.", "source": "Q1 > Partnership"},
          {"id": "F3", "question": "Q2", "indicator": "q2.investigation.quality", "judgement": "effective", "quote": "Investigations are well managed.", "source": "Q2 > Investigation"},
          {"id": "F4", "question": "Q1", "indicator": "q1.prevention.crime-change", "value": 7.5, "quote": "Crime rose.", "source": "Q1 > Crime"}],
         "proposed": {"Q1": "good", "Q2": "good", "overall": "good"}}
        """;

    [Fact]
    public void Fuzz_FindingsYaml_CleanExitLocatedErrorsNoOutputOnFailure() =>
        Fuzz(seed: 1_001, budget: 800, (fuzz, random) =>
        {
            var path = fuzz.Write("findings.yaml", Apply(MiniRulebook.FindingsYaml, RandomEdits(random)));
            return ["grade", path, "--rules", fuzz.Rules, "--output", fuzz.Output];
        });

    [Fact]
    public void Fuzz_FindingsJson_CleanExitLocatedErrorsNoOutputOnFailure() =>
        Fuzz(seed: 2_002, budget: 600, (fuzz, random) =>
        {
            var path = fuzz.Write("findings.json", Apply(FindingsJson, RandomEdits(random)));
            return ["grade", path, "--rules", fuzz.Rules, "--format", "json", "--output", fuzz.Output];
        });

    [Fact]
    public void Fuzz_FindingsCsv_CleanExitLocatedErrorsNoOutputOnFailure() =>
        Fuzz(seed: 3_003, budget: 600, (fuzz, random) =>
        {
            var path = fuzz.Write("findings.csv", Apply(Csv, RandomEdits(random)));
            return ["batch", path, "--rules", fuzz.Rules, "--format", "csv", "--output", fuzz.Output];
        });

    [Fact]
    public void Fuzz_RulebookFiles_CleanExitLocatedErrorsNoOutputOnFailure() =>
        Fuzz(seed: 4_004, budget: 800, (fuzz, random) =>
        {
            var file = RulebookFiles[random.Next(RulebookFiles.Length)];
            var rules = fuzz.FreshRules();
            File.WriteAllBytes(Path.Combine(rules, file), Apply(File.ReadAllText(Path.Combine(rules, file)), RandomEdits(random)));
            return ["grade", fuzz.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", rules, "--output", fuzz.Output];
        });

    [Fact]
    public void Fuzz_Conditions_CleanExitLocatedErrorsNoOutputOnFailure() =>
        Fuzz(seed: 5_005, budget: 800, (fuzz, random) =>
        {
            // One criterion's condition mutated and written back as a quoted YAML string, so the condition parser is reached.
            var lines = MiniRulebook.CriteriaYaml.Split('\n');
            var conditions = lines.Select((line, i) => (line, i)).Where(x => x.line.TrimStart().StartsWith("when: ", StringComparison.Ordinal)).ToList();
            var (line, at) = conditions[random.Next(conditions.Count)];
            var condition = line.TrimStart()["when: ".Length..];
            var mutated = System.Text.Encoding.UTF8.GetString(Apply(condition, RandomEdits(random)));
            lines[at] = line[..line.IndexOf("when: ", StringComparison.Ordinal)] + "when: " + JsonSerializer.Serialize(mutated, QuotedYaml);
            var rules = fuzz.FreshRules();
            File.WriteAllText(Path.Combine(rules, "criteria", "criteria.yaml"), string.Join('\n', lines));
            return ["grade", fuzz.Write("findings.yaml", MiniRulebook.FindingsYaml), "--rules", rules, "--output", fuzz.Output];
        });

    /// <summary>A JSON string is a YAML double-quoted scalar; non-ASCII text is kept as it is.</summary>
    private static readonly JsonSerializerOptions QuotedYaml = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One folder reused by every run of a target: the input, a mini rulebook and an output folder.</summary>
    private sealed class FuzzFolder : IDisposable
    {
        private readonly TempFolder _temp = new();

        public FuzzFolder() => Rules = new MiniRulebook().WriteTo(_temp);

        public string Path => _temp.Path;

        public string Rules { get; private set; }

        public string OutputFolder => System.IO.Path.Combine(_temp.Path, "out");

        public string Output => System.IO.Path.Combine(OutputFolder, "result");

        public string Write(string name, string text) => _temp.Write(name, text);

        public string Write(string name, byte[] bytes) => _temp.Write(name, bytes);

        /// <summary>The mini rulebook written afresh, for a run that mutates one of its files.</summary>
        public string FreshRules() => Rules = new MiniRulebook().WriteTo(_temp);

        public void Dispose() => _temp.Dispose();
    }

    /// <summary>Edits drawn from <paramref name="random"/> as the FsCheck generator draws them (see <see cref="Edits"/>).</summary>
    private static Edit[] RandomEdits(Random random)
    {
        int[] kinds = [0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 7, 7];
        return Enumerable.Range(0, random.Next(1, 4)).Select(_ => new Edit(
            kinds[random.Next(kinds.Length)],
            random.Next(0, 10_001) / 10_000.0,
            random.Next(0, 10_001) / 10_000.0,
            string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Fragments[random.Next(Fragments.Length)])),
            Words[random.Next(Words.Length)])).ToArray();
    }

    private static void Fuzz(int seed, int budget, Func<FuzzFolder, Random, string[]> arrange)
    {
        var random = new Random(seed);
        var exits = new int[3];
        using var fuzz = new FuzzFolder();
        for (var run = 0; run < budget; run++)
        {
            if (Directory.Exists(fuzz.OutputFolder)) Directory.Delete(fuzz.OutputFolder, recursive: true);
            Directory.CreateDirectory(fuzz.OutputFolder);
            var args = arrange(fuzz, random);

            var (exit, stdout, stderr) = CliRun.Run(args);

            var context = $"seed {seed}, run {run}: exit {exit}\n--- stderr\n{Head(stderr)}\n--- inputs under {fuzz.Path}";
            Assert.True(exit is 0 or 1 or 2, context);
            exits[exit]++;
            CliRun.AssertEveryLineLocated(stderr);
            foreach (var line in stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("  help: ", StringComparison.Ordinal)))
            {
                Assert.True(line.StartsWith(fuzz.Path, StringComparison.Ordinal), $"not in the input: {line}\n{context}");
            }
            var written = Directory.GetFileSystemEntries(fuzz.OutputFolder);
            if (exit == 2)
            {
                Assert.True(written.Length == 0 && stdout.Length == 0 && stderr.Length > 0, $"a failed run wrote output\n{context}");
            }
            else
            {
                Assert.True(written.Length == 1, $"a successful run wrote no output\n{context}");
            }
        }
        // Edits that only ever broke the syntax would never reach the checks behind the parser, nor grading.
        Assert.True(exits[2] >= budget / 100 && exits[0] + exits[1] >= budget / 100, $"runs by exit code 0, 1, 2: {string.Join(", ", exits)}");
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + "...";
}
