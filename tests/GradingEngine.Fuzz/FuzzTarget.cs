using System.Text;
using System.Text.Json;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Render;
using GradingEngine.Tests.Support;

namespace GradingEngine.Fuzz;

/// <summary>
/// One loader fed one input: the input is written where the loader reads it, loaded (and, when it loads,
/// checked, graded and rendered), and any broken promise is thrown, which the fuzzer records as a crash:
/// an exception out of the engine, or a diagnostic that is not one located line in the input.
/// </summary>
internal sealed class FuzzTarget : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _rules;
    private readonly Compile.CompiledRulebook _mini;

    public FuzzTarget()
    {
        _rules = new MiniRulebook().WriteTo(_temp);
        _mini = GradingPipeline.LoadRulebook(_rules).Value ?? throw new InvalidOperationException("the mini rulebook does not load");
    }

    public static IReadOnlyList<string> Names { get; } = ["findings", "csv", "rulebook", "condition", "yaml"];

    public void Run(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "findings": Findings(input.ToArray()); break;
            case "csv": Csv(input.ToArray()); break;
            case "rulebook": Rulebook(input.ToArray()); break;
            case "condition": Condition(Encoding.UTF8.GetString(input)); break;
            case "yaml": Yaml(input.ToArray()); break;
            default: throw new ArgumentException($"unknown target `{target}`; targets: {string.Join(", ", Names)}");
        }
    }

    /// <summary>A findings file in YAML or JSON (one reader reads both).</summary>
    private void Findings(byte[] input)
    {
        var path = _temp.Write("findings.yaml", input);
        var result = GradingPipeline.LoadInspection(path, _mini);
        Located(result.Diagnostics);
        if (!result.Succeeded) return;
        var graded = GradingPipeline.Grade(_mini, result.Value!);
        _ = TextRenderer.Render(graded) + JsonRenderer.Render(graded) + MarkdownRenderer.RenderMany([graded]) + HtmlRenderer.RenderMany([graded]);
    }

    private void Csv(byte[] input)
    {
        var path = _temp.Write("findings.csv", input);
        var bag = new DiagnosticBag();
        var inspections = CsvFindingsLoader.Load(path, _mini.Rulebook, LoadLimits.Default, bag);
        Located(bag.ToSortedList());
        foreach (var inspection in bag.HasErrors ? [] : inspections ?? []) GradingPipeline.Grade(_mini, inspection);
    }

    /// <summary>The input as the mini rulebook's criteria file: the file with the most structure and every condition.</summary>
    private void Rulebook(byte[] input)
    {
        var rules = new MiniRulebook().WriteTo(_temp);
        File.WriteAllBytes(Path.Combine(rules, "criteria", "criteria.yaml"), input);
        CheckAndGrade(rules);
    }

    /// <summary>The input as the first criterion's condition, quoted so that the YAML around it stays well formed.</summary>
    private void Condition(string input)
    {
        var criteria = MiniRulebook.CriteriaYaml;
        var at = criteria.IndexOf("when: ", StringComparison.Ordinal) + "when: ".Length;
        var end = criteria.IndexOf('\n', at);
        var rules = new MiniRulebook().With("criteria/criteria.yaml", criteria[..at] + JsonSerializer.Serialize(input) + criteria[end..]).WriteTo(_temp);
        CheckAndGrade(rules);
    }

    /// <summary>
    /// Differential: BlockYaml, the fast reader of plain block YAML, must give up or give exactly YamlDotNet's tree, and
    /// never read a text YamlDotNet rejects.
    /// </summary>
    private static void Yaml(byte[] input)
    {
        var bag = new DiagnosticBag();
        if (YamlReader.DecodeUtf8("input.yaml", input, bag) is not { } text) return;
        var fast = BlockYaml.TryParse("input.yaml", text, LoadLimits.Default);
        if (fast is null) return;
        var full = YamlReader.ParseFully("input.yaml", text, LoadLimits.Default, bag);
        if (bag.HasErrors || full is null) throw new InvalidOperationException("BlockYaml read a text YamlDotNet rejects");
        if (YamlTree.Describe(full) != YamlTree.Describe(fast)) throw new InvalidOperationException("BlockYaml's tree differs from YamlDotNet's");
    }

    private void CheckAndGrade(string rules)
    {
        var check = GradingPipeline.CheckRulebook(rules);
        Located(check.Diagnostics);
        var load = GradingPipeline.LoadRulebook(rules, mode: Compile.ExpressionMode.Interpreted);
        Located(load.Diagnostics);
        if (!load.Succeeded) return;
        var findings = GradingPipeline.LoadInspection(_temp.Write("graded.yaml", MiniRulebook.FindingsYaml), load.Value!);
        if (findings.Succeeded) GradingPipeline.Grade(load.Value!, findings.Value!);
    }

    /// <summary>Each diagnostic points into the input at a line and column, and prints as one line (plus its help).</summary>
    private void Located(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var text = DiagnosticFormatter.Format(d);
            if (!d.Span.Path.StartsWith(_temp.Path, StringComparison.Ordinal) || d.Span.Line < 1 || d.Span.Column < 1 ||
                text.Split('\n').Length != (d.Help is null ? 1 : 2) || string.IsNullOrWhiteSpace(d.Message))
            {
                throw new InvalidOperationException("diagnostic not located in the input: " + text);
            }
        }
    }

    public void Dispose() => _temp.Dispose();
}
