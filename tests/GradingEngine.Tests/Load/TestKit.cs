using GradingEngine.Check;
using GradingEngine.Compile;
using GradingEngine.Diagnostics;
using GradingEngine.Model;
using GradingEngine.Rollup;
using GradingEngine.Trace;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Load;

/// <summary>Helpers shared by the Load, Check, Compile and Explain tests: build a mini rulebook variant, check it, locate text.</summary>
internal static class TestKit
{
    public const string CriteriaFile = "criteria/criteria.yaml";

    /// <summary>The checked rulebook (or the failure) and the rules folder it was read from.</summary>
    public sealed record Checked(Result<CheckedRulebook> Result, string RulesFolder)
    {
        public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

        public IReadOnlyList<Diagnostic> Errors => Result.Errors.ToList();

        public string PathOf(string relative) => Path.Combine(RulesFolder, relative);

        public override string ToString() => Render(Diagnostics);
    }

    public static Checked Check(MiniRulebook mini)
    {
        using var temp = new TempFolder();
        var folder = mini.WriteTo(temp);
        return new Checked(GradingPipeline.CheckRulebook(folder), folder);
    }

    public static CompiledRulebook Compile(MiniRulebook mini)
    {
        using var temp = new TempFolder();
        var result = GradingPipeline.LoadRulebook(mini.WriteTo(temp));
        Assert.True(result.Succeeded, Render(result.Diagnostics));
        return result.Value!;
    }

    public static GradingResult Grade(CompiledRulebook rulebook, string findingsYaml)
    {
        using var temp = new TempFolder();
        var path = temp.Write("findings.yaml", findingsYaml);
        var inspection = GradingPipeline.LoadInspection(path, rulebook);
        Assert.True(inspection.Succeeded, Render(inspection.Diagnostics));
        return GradingPipeline.Grade(rulebook, inspection.Value!);
    }

    /// <summary>The mini criteria file with extra criteria appended (each given as a block starting `- id:` at column 0).</summary>
    public static string CriteriaWith(params string[] criteria) =>
        MiniRulebook.CriteriaYaml + "\n" + string.Join("\n", criteria.Select(c => Indent(c, 2)));

    /// <summary>A criterion block. The condition is written as a plain scalar unless <paramref name="quote"/> is given.</summary>
    public static string Criterion(string id, string question, string area, string when,
        string effect = "strength", string message = "Met", int? weight = null, string? quote = null) =>
        $"""
        - id: {id}
          question: {question}
          area: {area}
          title: Title of {id}
          rationale: Rationale of {id}
          when: {quote}{when}{quote}
          effect: {effect}
        {(weight is null ? "" : $"  weight: {weight}\n")}  message: "{message}"
        """;

    public static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Locate(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"`{needle}` (occurrence {occurrence}) not found in:\n{text}");
        }
        var line = 1 + text[..index].Count(c => c == '\n');
        var lineStart = text[..index].LastIndexOf('\n') + 1;
        var column = index - lineStart + 1;
        return (line, column);
    }

    public static (int Line, int Column) At(Diagnostic d) => (d.Span.Line, d.Span.Column);

    /// <summary>The four effects the shipped and mini rulebooks declare, in their order: strength, area for improvement, cause of concern, notable practice.</summary>
    public static IReadOnlyList<Effect> Effects { get; } =
    [
        new("strength", "strengths", "Strengths", Direction.Better, "+", FieldSpans.None(default)),
        new("area-for-improvement", "areas-for-improvement", "Areas for improvement", Direction.Worse, "~", FieldSpans.None(default)),
        new("cause-of-concern", "causes-of-concern", "Causes of concern", Direction.Worse, "!", FieldSpans.None(default)),
        new("notable-practice", "notable-practices", "Notable practice", Direction.Better, "*", FieldSpans.None(default)),
    ];

    /// <summary>Strength 0, area for improvement 1, cause of concern 2, notable practice 3: the profile's index of an effect.</summary>
    public static int EffectIndex(string effectId) => Effects.ToList().FindIndex(e => e.Id == effectId);

    /// <summary>Threshold conditions over those four effects and no finding kinds.</summary>
    public static GradingEngine.Check.Binding.ConditionContext.Profile ProfileContext { get; } = new(Effects, [], []);

    /// <summary>Parses and binds one condition, failing the test with its diagnostics if it does not bind.</summary>
    public static GradingEngine.Check.Binding.BoundExpr BindCondition(string when, GradingEngine.Check.Binding.ConditionContext context)
    {
        var bag = new DiagnosticBag();
        var condition = GradingEngine.Load.Conditions.ConditionParser.Parse(
            new GradingEngine.Load.Yaml.YScalar(new SourceSpan("test.yaml", 1, 1), when, GradingEngine.Load.Yaml.ScalarKind.Plain), GradingEngine.Load.LoadLimits.Default, bag);
        var bound = condition is null ? null : GradingEngine.Check.Binding.ConditionBinder.Bind(condition, context, bag);
        Assert.True(bound is not null && !bag.HasErrors, $"`{when}` did not bind:\n{Render(bag.ToSortedList())}");
        return bound!;
    }

    public static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(GradingEngine.Render.DiagnosticFormatter.Format));

    /// <summary>The single error with <paramref name="code"/>; fails with every diagnostic listed otherwise.</summary>
    public static Diagnostic SingleError(Checked result, string code)
    {
        var matches = result.Errors.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got:\n{result}");
        return matches[0];
    }

    public static Diagnostic SingleError(IEnumerable<Diagnostic> diagnostics, string code)
    {
        var list = diagnostics.ToList();
        var matches = list.Where(d => d.IsError && d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got:\n{Render(list)}");
        return matches[0];
    }

    /// <summary>A finding block for a findings file (starts `- id:` at column 0).</summary>
    public static string Finding(string id, string question, string indicator, string? judgement = null, string? value = null,
        string quote = "A quote.", string source = "Somewhere") =>
        $"""
        - id: {id}
          question: {question}
          indicator: {indicator}
        {(judgement is null ? "" : $"  judgement: {judgement}\n")}{(value is null ? "" : $"  value: {value}\n")}  quote: "{quote}"
          source: {source}
        """;

    /// <summary>A findings file for the mini rulebook with the given finding blocks.</summary>
    public static string Findings(params string[] findings) =>
        "inspection: mini-test\nforce: Test Force\nframework: mini\nfindings:\n" +
        (findings.Length == 0 ? "  []\n" : string.Join("\n", findings.Select(f => Indent(f, 2))) + "\n");

    public static Indicator IndicatorOf(CompiledRulebook rulebook, string id) => rulebook.Rulebook.Codebook.Find(id)!;
}
