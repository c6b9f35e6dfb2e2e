using GradingEngine.Compile;
using GradingEngine.Tests.Load;
using GradingEngine.Trace;

namespace GradingEngine.Tests.Support;

/// <summary>
/// The mini rulebook whose roll-up caps the overall grade at requires improvement when the inspection has a breach of
/// regulations (a finding kind), graded on the mini findings with F3, a `Q2` finding, marked as the breach: both questions
/// are good, so the table gives good and the limit makes it requires improvement.
/// </summary>
public static class BreachRollup
{
    private static readonly Lazy<CompiledRulebook> Compiled = new(() => TestKit.Compile(Mini));

    private static readonly Lazy<GradingResult> Breach = new(() => TestKit.Grade(Rulebook, Findings(breach: true)));

    public static MiniRulebook Mini => new MiniRulebook()
        .With("codebook.yaml", MiniRulebook.CodebookWithKindsYaml)
        .With("rollup.yaml", MiniRulebook.RollupWithBreachLimitYaml);

    public static CompiledRulebook Rulebook => Compiled.Value;

    /// <summary>The mini findings, F3 a breach when <paramref name="breach"/>; in reverse order when <paramref name="reversed"/>.</summary>
    public static string Findings(bool breach, bool reversed = false)
    {
        var yaml = breach
            ? MiniRulebook.FindingsYaml.Replace("    judgement: effective\n    quote: Investigations are well managed.", "    judgement: effective\n    kind: breach-of-regulation\n    quote: Investigations are well managed.")
            : MiniRulebook.FindingsYaml;
        if (breach && !yaml.Contains("kind: breach-of-regulation", StringComparison.Ordinal)) throw new InvalidOperationException("F3 was not marked");
        var proposed = yaml.IndexOf("proposed:", StringComparison.Ordinal);
        yaml = yaml[..proposed];
        if (!reversed) return yaml;
        var start = yaml.IndexOf("  - id:", StringComparison.Ordinal);
        var findings = yaml[start..].Split("  - id:", StringSplitOptions.RemoveEmptyEntries).Reverse().Select(f => "  - id:" + f.TrimEnd('\n') + "\n");
        return yaml[..start] + string.Concat(findings);
    }

    /// <summary>The mini findings with the breach, graded.</summary>
    public static GradingResult Result => Breach.Value;
}
