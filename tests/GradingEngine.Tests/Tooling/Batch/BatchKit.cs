using System.Globalization;
using System.Text;
using GradingEngine.Cli;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Batch;
using Xunit;

namespace GradingEngine.Tests.Tooling.Batch;

/// <summary>
/// Findings for the mini rulebook (tests/Support/MiniRulebook.cs) written into temp folders, and the
/// batch and CLI runs over them. Criterion outcomes of the findings below, for Q1:
/// <list type="bullet">
/// <item>MiniFindings: `Q1.priority` (strength, weight 2) and `Q1.partnership-gap` (area for improvement, weight 2) → good</item>
/// <item>SameProfileFindings: `Q1.partnership` (strength, weight 1) and `Q1.crime-rising` (area for improvement, weight 1) → good</item>
/// </list>
/// so the two are identical up to weights (one strength, one area for improvement each) but meet different criteria.
/// </summary>
internal static class BatchKit
{
    public static readonly string[] Levels = ["effective", "mostly-effective", "inconsistent", "ineffective"];

    /// <summary>The mini rulebook's findings under another inspection id, with the given proposed grades (none when null).</summary>
    public static string MiniFindings(string id, string? proposed = null) =>
        $"inspection: {id}\nforce: Force {id}\nframework: mini\nfindings:\n" + FindingItems(
            ("F1", "Q1", "q1.prevention.priority", "judgement", "effective"),
            ("F2", "Q1", "q1.partnership.working", "judgement", "inconsistent"),
            ("F3", "Q2", "q2.investigation.quality", "judgement", "effective")) + Proposed(proposed);

    /// <summary>Meets `Q1.partnership` and `Q1.crime-rising` (one strength, one area for improvement, weights 1): Q1 good, as MiniFindings, by other criteria.</summary>
    public static string SameProfileFindings(string id, string? proposed = null) =>
        $"inspection: {id}\nforce: Force {id}\nframework: mini\nfindings:\n" + FindingItems(
            ("F1", "Q1", "q1.partnership.working", "judgement", "effective"),
            ("F2", "Q1", "q1.prevention.crime-change", "value", "7"),
            ("F3", "Q2", "q2.investigation.quality", "judgement", "effective")) + Proposed(proposed);

    /// <summary>
    /// The <paramref name="i"/>-th generated inspection: judgements, a number and a yes/no value cycled so
    /// that grades vary, and proposed grades that sometimes differ from what the rules give.
    /// </summary>
    public static string Generated(int i)
    {
        var findings = new List<(string, string, string, string, string)>
        {
            ("F1", "Q1", "q1.prevention.priority", "judgement", Levels[i % 4]),
            ("F2", "Q1", "q1.partnership.working", "judgement", Levels[i / 4 % 4]),
            ("F3", "Q2", "q2.investigation.quality", "judgement", Levels[i / 2 % 4]),
        };
        if (i % 3 == 0) findings.Add(("F4", "Q1", "q1.prevention.crime-change", "value", (i % 11 - 3).ToString(CultureInfo.InvariantCulture)));
        if (i % 5 == 1) findings.Add(("F5", "Q1", "q1.partnership.database", "value", i % 2 == 0 ? "yes" : "no"));
        var id = $"gen-{i:00}";
        var proposed = i % 4 == 3 ? null : $"Q1: {Levels2Grade(i % 3)}\n  Q2: {Levels2Grade(i / 3 % 4)}\n  overall: {Levels2Grade(i % 2 + 1)}";
        return $"inspection: {id}\nforce: Force {i}\nframework: mini\nfindings:\n" + FindingItems(findings.ToArray()) + Proposed(proposed);
    }

    private static string Levels2Grade(int rank) => new[] { "outstanding", "good", "requires-improvement", "inadequate" }[rank];

    private static string FindingItems(params (string Id, string Question, string Indicator, string Key, string Value)[] findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: {f.Id}\n    question: {f.Question}\n    indicator: {f.Indicator}\n    {f.Key}: {f.Value}\n    quote: \"Quote {f.Id}.\"\n    source: {f.Question} > {f.Id}\n");
        }
        return text.ToString();
    }

    /// <summary>`proposed:` lines, given as `Q1: good\n  overall: good` (each after the first indented by two).</summary>
    private static string Proposed(string? proposed) => proposed is null ? "" : $"proposed:\n  {proposed}\n";

    /// <summary>A proposed-grades file.</summary>
    public static string ProposedFile(string id, string grades) => $"inspection: {id}\ngrades:\n  {grades}\n";

    /// <summary>
    /// A folder of generated inspections: YAML with `proposed:` blocks, YAML paired with a proposed-grades
    /// file, JSON, a CSV holding several inspections, nested folders, and files the batch must leave out.
    /// </summary>
    public static string WriteGeneratedFolder(TempFolder temp, int count = 24)
    {
        var root = Path.Combine(temp.Path, "inspections");
        for (var i = 0; i < count; i++)
        {
            var region = $"region-{i % 3}";
            var text = Generated(i);
            if (i % 7 == 2)
            {
                // Proposed grades in a paired file instead of a `proposed:` block.
                var block = text.IndexOf("proposed:", StringComparison.Ordinal);
                var findings = block < 0 ? text : text[..block];
                temp.Write(Path.Combine("inspections", region, $"gen-{i:00}.findings.yaml"), findings);
                temp.Write(Path.Combine("inspections", region, $"gen-{i:00}.proposed.yaml"), ProposedFile($"gen-{i:00}", "Q1: good\n  overall: requires-improvement"));
            }
            else if (i % 7 == 4)
            {
                temp.Write(Path.Combine("inspections", region, "nested", $"gen-{i:00}.json"), YamlToJsonish(text));
            }
            else
            {
                temp.Write(Path.Combine("inspections", region, $"gen-{i:00}.yaml"), text);
            }
        }
        temp.Write(Path.Combine("inspections", "national.csv"), CsvHeader + string.Concat(Enumerable.Range(0, 6).Select(i => CsvRows($"csv-{i}", i))));
        temp.Write(Path.Combine("inspections", "notes.yaml"), "title: not findings\nitems: [1, 2]\n");
        temp.Write(Path.Combine("inspections", "report.csv"), "inspection,subject,proposed,computed,agree,distance,file\ngen-00,Q1,good,good,true,0,x.yaml\n");
        temp.Write(Path.Combine("inspections", ".hidden", "gen-99.yaml"), "this: is hidden\n");
        temp.Write(Path.Combine("inspections", "region-0", "proposed-extra.yaml"), ProposedFile("nobody", "Q1: good"));
        return root;
    }

    /// <summary>A YAML findings file as JSON: the loader reads both through the same parser.</summary>
    private static string YamlToJsonish(string yaml)
    {
        var result = GradingEngine.Load.Yaml.YamlReader.Parse("x.yaml", yaml, LoadLimits.Default, new DiagnosticBag());
        return System.Text.Json.JsonSerializer.Serialize(ToPlain(result!));
    }

    /// <summary>JSON values: `value:` numbers and yes/no become JSON numbers and booleans, everything else strings.</summary>
    private static object? ToPlain(GradingEngine.Load.Yaml.YNode node, string? key = null) => node switch
    {
        GradingEngine.Load.Yaml.YMapping m => m.Entries.ToDictionary(e => e.Key.Value, e => ToPlain(e.Value, e.Key.Value)),
        GradingEngine.Load.Yaml.YSequence s => s.Items.Select(i => ToPlain(i)).ToList(),
        GradingEngine.Load.Yaml.YScalar { Value: "yes" } when key == "value" => true,
        GradingEngine.Load.Yaml.YScalar { Value: "no" } when key == "value" => false,
        GradingEngine.Load.Yaml.YScalar s when key == "value" => decimal.Parse(s.Value, CultureInfo.InvariantCulture),
        GradingEngine.Load.Yaml.YScalar s => s.Value,
        _ => null,
    };

    public const string CsvHeader = "inspection,force,framework,id,question,indicator,judgement,value,quote,source\n";

    /// <summary>CSV rows for one inspection, with a quote that holds a comma and a line break.</summary>
    public static string CsvRows(string id, int i) =>
        $"{id},Force {id},mini,F1,Q1,q1.prevention.priority,{Levels[i % 4]},,\"Prevention, first\nof all.\",Q1 > F1\n" +
        $"{id},Force {id},mini,F2,Q1,q1.partnership.working,{Levels[(i + 1) % 4]},,Partnership.,Q1 > F2\n" +
        $"{id},Force {id},mini,F3,Q2,q2.investigation.quality,{Levels[i / 2 % 4]},,Investigations.,Q2 > F3\n" +
        $"{id},Force {id},mini,F4,Q1,q1.prevention.crime-change,,{i * 2 - 3},Crime changed.,Q1 > F4\n";

    public static CompiledRulebook Mini { get; } = Load.TestKit.Compile(new MiniRulebook());

    /// <summary>Grades <paramref name="paths"/> with the compiled mini rulebook; fails the test on diagnostics.</summary>
    public static BatchReport Grade(IReadOnlyList<string> paths, int parallel = 4)
    {
        var result = BatchRunner.Run(Mini, paths, new BatchOptions { MaxParallelism = parallel });
        Assert.True(result.Succeeded, Load.TestKit.Render(result.Diagnostics));
        return result.Value!;
    }

    /// <summary>One in-process CLI run.</summary>
    public static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GradingCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string WriteMiniRules(TempFolder temp) => new MiniRulebook().WriteTo(temp);

    public static int ExitOf(ExitCode code) => (int)code;
}
